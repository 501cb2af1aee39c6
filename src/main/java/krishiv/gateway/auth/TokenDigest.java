package krishiv.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The SHA-256 of a token. Static tokens are kept only as digests and compared digest to digest, so the
 * comparison takes the same time whatever the token's length; verified JWTs are cached by digest, so the
 * cache holds no token either.
 */
final class TokenDigest {
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  });

  private final byte[] bytes;
  private final int hash;

  private TokenDigest(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  static TokenDigest of(String token) {
    return new TokenDigest(SHA256.get().digest(token.getBytes(StandardCharsets.UTF_8)));
  }

  static byte[] sha256(byte[] content) {
    return SHA256.get().digest(content);
  }

  /** Constant-time comparison ({@link MessageDigest#isEqual}). */
  boolean sameAs(TokenDigest other) {
    return MessageDigest.isEqual(bytes, other.bytes);
  }

  /** Map equality, for the cache of verified JWTs (where timing reveals nothing: keys are digests). */
  @Override
  public boolean equals(Object o) {
    return o instanceof TokenDigest && Arrays.equals(bytes, ((TokenDigest) o).bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "TokenDigest[sha256]";
  }
}
