package krishiv.gateway.auth;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import krishiv.gateway.config.ConfigException;

/**
 * A JWT verification key from an SPKI PEM file ({@code -----BEGIN PUBLIC KEY-----}). The JWS algorithm follows
 * from the key itself: RSA (2048 bits or more) verifies RS256, EC on P-256 verifies ES256. Deriving the
 * algorithm from the key, never from a token, is what pins it.
 *
 * @param algorithm {@code RS256} or {@code ES256}
 * @param pem the key re-encoded as a clean PEM block, for vertx-auth-jwt
 */
record PublicKeyPem(String algorithm, String pem) {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
  private static final int MIN_RSA_BITS = 2048;

  /**
   * @param source the variable naming the file, for messages
   * @throws ConfigException if the text holds no usable public key
   */
  static PublicKeyPem parse(String text, String source) {
    Matcher m = BLOCK.matcher(text);
    if (!m.find()) {
      throw new ConfigException(source, "no PEM block found; expected -----BEGIN PUBLIC KEY----- (SPKI)");
    }
    String label = m.group(1);
    if (!"PUBLIC KEY".equals(label)) {
      throw new ConfigException(source, "found a PEM '" + label + "' block; expected -----BEGIN PUBLIC KEY----- "
          + "(SPKI; e.g. openssl pkey -pubout -in key.pem)");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(m.group(2));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source, "the PEM block is not valid base64");
    }
    PublicKey key = decode(der, source);
    String algorithm;
    if (key instanceof RSAPublicKey) {
      int bits = ((RSAPublicKey) key).getModulus().bitLength();
      if (bits < MIN_RSA_BITS) {
        throw new ConfigException(source, "RSA key of " + bits + " bits; RS256 needs at least " + MIN_RSA_BITS);
      }
      algorithm = "RS256";
    } else if (key instanceof ECPublicKey) {
      int bits = ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize();
      if (bits != 256) {
        throw new ConfigException(source, "EC key on a " + bits + "-bit curve; ES256 needs P-256");
      }
      algorithm = "ES256";
    } else {
      throw new ConfigException(source, "unsupported key type " + key.getAlgorithm() + "; use RSA or EC P-256");
    }
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return new PublicKeyPem(algorithm, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
  }

  private static PublicKey decode(byte[] der, String source) {
    for (String type : new String[] {"RSA", "EC"}) {
      try {
        return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
      } catch (InvalidKeySpecException e) {
        // not a key of this type: try the next one
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JDK lacks " + type, e);
      }
    }
    throw new ConfigException(source, "the PEM block is not an RSA or EC public key");
  }
}
