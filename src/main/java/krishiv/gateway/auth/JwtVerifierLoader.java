package krishiv.gateway.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import krishiv.gateway.config.ConfigException;

/**
 * Builds the {@link JwtVerifier} from the configured keys. Key files are read once at start-up, with Vert.x's
 * asynchronous file system; restart the gateway to change JWT keys.
 */
final class JwtVerifierLoader {
  /** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output. */
  static final int MIN_SECRET_BYTES = 32;

  private JwtVerifierLoader() {}

  /** The verifier, or null if no JWT key is configured (then JWTs are refused like any unknown token). */
  static Future<JwtVerifier> load(Vertx vertx, JwtConfig config) {
    if (!config.configured()) {
      return Future.succeededFuture();
    }
    Future<String> secret = config.secret() != null ? Future.succeededFuture(config.secret())
        : read(vertx, config.secretFile(), AuthEnv.JWT_SECRET_FILE).map(s -> s == null ? null : s.strip());
    Future<String> pem = read(vertx, config.publicKeyFile(), AuthEnv.JWT_PUBLIC_KEY_FILE);
    Future<String> jwks = read(vertx, config.jwksFile(), AuthEnv.JWKS_FILE);
    return Future.all(secret, pem, jwks).map(all -> build(vertx, config, secret.result(), pem.result(),
        jwks.result()));
  }

  static JwtVerifier build(Vertx vertx, JwtConfig config, String secret, String pem, String jwks) {
    JWTOptions checks = new JWTOptions().setLeeway((int) Math.min(Integer.MAX_VALUE, config.leeway().toSeconds()));
    if (!config.issuer().isEmpty()) {
      checks.setIssuer(config.issuer());
    }
    if (!config.audience().isEmpty()) {
      checks.setAudience(config.audience());
    }
    JWTAuthOptions options = new JWTAuthOptions().setJWTOptions(checks);
    Set<String> algorithms = new LinkedHashSet<>();
    if (secret != null) {
      String source = config.secret() != null ? AuthEnv.JWT_SECRET : AuthEnv.JWT_SECRET_FILE;
      if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
        throw new ConfigException(source, "an HS256 secret must be at least " + MIN_SECRET_BYTES
            + " bytes (256 bits); generate one with: openssl rand -base64 32");
      }
      // The key is the UTF-8 bytes of the secret text, as the other Krishiv components use it.
      options.addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret));
      algorithms.add("HS256");
    }
    if (pem != null) {
      PublicKeyPem key = PublicKeyPem.parse(pem, AuthEnv.JWT_PUBLIC_KEY_FILE);
      options.addPubSecKey(new PubSecKeyOptions().setAlgorithm(key.algorithm()).setBuffer(key.pem()));
      algorithms.add(key.algorithm());
    }
    if (jwks != null) {
      List<JwksFile.Key> keys = JwksFile.parse(jwks, AuthEnv.JWKS_FILE);
      for (JwksFile.Key k : keys) {
        options.addJwk(k.jwk());
        algorithms.add(k.algorithm());
      }
    }
    JWTAuth jwt;
    try {
      jwt = JWTAuth.create(vertx, options);
    } catch (RuntimeException e) {
      throw new ConfigException("jwt", "the configured JWT keys cannot be loaded: " + e.getClass().getSimpleName());
    }
    return new JwtVerifier(jwt, algorithms, new VerifiedTokenCache(config.cacheSize()), config.leeway().toMillis(),
        config.cacheTtl().toMillis(), System::currentTimeMillis);
  }

  /** The file's text, or null if no file is configured; a failed read is a ConfigException naming the source. */
  static Future<String> read(Vertx vertx, Path file, String source) {
    if (file == null) {
      return Future.succeededFuture();
    }
    return vertx.fileSystem().readFile(file.toString())
        .recover(err -> Future.failedFuture(new ConfigException(source, "cannot read " + file + ": "
            + FileErrors.describe(err))))
        .map((Buffer b) -> b.toString(StandardCharsets.UTF_8));
  }
}
