package krishiv.gateway.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How JWTs are verified: the keys (an HS256 secret, an RS256/ES256 public key, a JWKS file), the claims
 * checked and the cache of verified tokens. {@link #toString()} masks the secret.
 *
 * @param secret the HS256 secret given inline (null if none, or if it comes from {@code secretFile})
 * @param issuer the required {@code iss} (empty: not checked)
 * @param audience accepted {@code aud} values (empty: not checked)
 */
public record JwtConfig(String secret, Path secretFile, Path publicKeyFile, Path jwksFile, String issuer,
    List<String> audience, Duration leeway, int cacheSize, Duration cacheTtl) {

  public JwtConfig {
    Objects.requireNonNull(issuer, "issuer");
    audience = List.copyOf(audience);
    Objects.requireNonNull(leeway, "leeway");
    Objects.requireNonNull(cacheTtl, "cacheTtl");
  }

  /** True if any key is configured, i.e. JWTs can be accepted at all. */
  public boolean configured() {
    return secret != null || secretFile != null || publicKeyFile != null || jwksFile != null;
  }

  @Override
  public String toString() {
    return "JwtConfig{secret=" + (secret != null ? "***" : secretFile != null ? secretFile : "none")
        + ", publicKeyFile=" + publicKeyFile + ", jwksFile=" + jwksFile
        + ", issuer=" + (issuer.isEmpty() ? "<not checked>" : issuer)
        + ", audience=" + (audience.isEmpty() ? "<not checked>" : audience)
        + ", leeway=" + leeway + ", cacheSize=" + cacheSize + ", cacheTtl=" + cacheTtl + '}';
  }
}
