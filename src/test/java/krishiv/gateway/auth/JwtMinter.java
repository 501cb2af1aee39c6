package krishiv.gateway.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Mints JWTs and key files for tests with the JDK alone (no external tools). */
final class JwtMinter {
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private JwtMinter() {}

  static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair ecKeyPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Claims valid now for a minute, with the given scope claim value. */
  static JsonObject claims(String issuer, String audience, String scope) {
    long now = System.currentTimeMillis() / 1000;
    JsonObject c = new JsonObject().put("sub", "tester").put("iat", now).put("exp", now + 60);
    if (issuer != null) {
      c.put("iss", issuer);
    }
    if (audience != null) {
      c.put("aud", audience);
    }
    if (scope != null) {
      c.put("scope", scope);
    }
    return c;
  }

  static String hs256(byte[] key, JsonObject claims) {
    String signingInput = signingInput(new JsonObject().put("alg", "HS256").put("typ", "JWT"), claims);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return signingInput + "." + B64URL.encodeToString(mac.doFinal(ascii(signingInput)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hs256(String secret, JsonObject claims) {
    return hs256(secret.getBytes(StandardCharsets.UTF_8), claims);
  }

  static String rs256(PrivateKey key, String kid, JsonObject claims) {
    return signed("RS256", "SHA256withRSA", key, kid, claims);
  }

  static String es256(PrivateKey key, String kid, JsonObject claims) {
    return signed("ES256", "SHA256withECDSAinP1363Format", key, kid, claims);
  }

  /** An unsecured JWT ({@code alg: none}, empty signature). */
  static String unsigned(JsonObject claims) {
    return signingInput(new JsonObject().put("alg", "none").put("typ", "JWT"), claims) + ".";
  }

  private static String signed(String alg, String jca, PrivateKey key, String kid, JsonObject claims) {
    JsonObject header = new JsonObject().put("alg", alg).put("typ", "JWT");
    if (kid != null) {
      header.put("kid", kid);
    }
    String signingInput = signingInput(header, claims);
    try {
      Signature s = Signature.getInstance(jca);
      s.initSign(key);
      s.update(ascii(signingInput));
      return signingInput + "." + B64URL.encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String signingInput(JsonObject header, JsonObject claims) {
    return B64URL.encodeToString(header.toBuffer().getBytes()) + "."
        + B64URL.encodeToString(claims.toBuffer().getBytes());
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** The SPKI PEM of a public key, as {@code openssl pkey -pubout} writes it. */
  static String pem(PublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /** A JWKS document holding these public keys. */
  static JsonObject jwks(JsonObject... jwks) {
    JsonArray keys = new JsonArray();
    Arrays.stream(jwks).forEach(keys::add);
    return new JsonObject().put("keys", keys);
  }

  static JsonObject rsaJwk(RSAPublicKey key, String kid) {
    return new JsonObject().put("kty", "RSA").put("kid", kid).put("use", "sig")
        .put("n", unsigned(key.getModulus(), 0)).put("e", unsigned(key.getPublicExponent(), 0));
  }

  /** An EC P-256 JWK; deliberately without {@code alg}, which defaults from the key type. */
  static JsonObject ecJwk(ECPublicKey key, String kid) {
    return new JsonObject().put("kty", "EC").put("crv", "P-256").put("kid", kid)
        .put("x", unsigned(key.getW().getAffineX(), 32)).put("y", unsigned(key.getW().getAffineY(), 32));
  }

  /** Base64url of the unsigned big-endian bytes, left-padded to {@code length} (0: minimal). */
  private static String unsigned(BigInteger n, int length) {
    byte[] b = n.toByteArray();
    if (b.length > 1 && b[0] == 0) {
      b = Arrays.copyOfRange(b, 1, b.length);
    }
    if (length > b.length) {
      byte[] padded = new byte[length];
      System.arraycopy(b, 0, padded, length - b.length, b.length);
      b = padded;
    }
    return B64URL.encodeToString(b);
  }
}
