package krishiv.gateway.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Verifies JWTs with vertx-auth-jwt and turns their claims into a {@link Principal}. Before the library sees a
 * token, its {@code alg} must be one for which a key is configured: {@code none} never is, and an HS256 token
 * is refused unless an HS256 secret is configured (so an RSA public key can never serve as an HMAC secret).
 * Verified tokens are cached by digest until they expire.
 */
final class JwtVerifier {
  private final JWTAuth jwt;
  private final Set<String> algorithms;
  private final VerifiedTokenCache cache;
  private final long leewayMs;
  private final long cacheTtlMs;
  private final LongSupplier clock;

  /**
   * @param algorithms the algorithms of the configured keys
   * @param clock wall-clock milliseconds: vertx-auth-jwt checks exp and nbf against the system clock, so the
   *     cache must use the same time
   */
  JwtVerifier(JWTAuth jwt, Set<String> algorithms, VerifiedTokenCache cache, long leewayMs, long cacheTtlMs,
      LongSupplier clock) {
    this.jwt = jwt;
    this.algorithms = Set.copyOf(algorithms);
    this.cache = cache;
    this.leewayMs = leewayMs;
    this.cacheTtlMs = cacheTtlMs;
    this.clock = clock;
  }

  Set<String> algorithms() {
    return algorithms;
  }

  /** True if the token has the shape of a JWS compact serialisation (three parts). */
  static boolean looksLikeJwt(String token) {
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    return second > 0 && token.indexOf('.', second + 1) < 0;
  }

  Future<Principal> verify(String token, TokenDigest digest) {
    long now = clock.getAsLong();
    Principal cached = cache.get(digest, now);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    String alg = headerAlgorithm(token);
    if (alg == null) {
      return Future.failedFuture(new AuthenticationFailure(AuthenticationFailure.Reason.MALFORMED_JWT));
    }
    if (!algorithms.contains(alg)) {
      return Future.failedFuture(new AuthenticationFailure(AuthenticationFailure.Reason.ALGORITHM_NOT_ALLOWED));
    }
    return jwt.authenticate(new TokenCredentials(token)).transform(ar -> {
      if (ar.failed()) {
        return Future.failedFuture(new AuthenticationFailure(AuthenticationFailure.Reason.JWT_REJECTED));
      }
      JsonObject claims = claims(ar.result());
      Principal p = new Principal(Principal.Kind.JWT, subject(claims), scopes(claims));
      Long exp = claims.getValue("exp") instanceof Number ? claims.getLong("exp") : null;
      long until = now + cacheTtlMs;
      if (exp != null) {
        until = Math.min(until, exp * 1000 + leewayMs);
      }
      cache.put(digest, p, until, now);
      return Future.succeededFuture(p);
    });
  }

  /** The {@code alg} of the token's header, or null if the header is not base64url JSON with a string alg. */
  static String headerAlgorithm(String token) {
    try {
      String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
          StandardCharsets.UTF_8);
      Object alg = new JsonObject(header).getValue("alg");
      return alg instanceof String ? (String) alg : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static JsonObject claims(User user) {
    JsonObject claims = user.attributes().getJsonObject("accessToken");
    return claims == null ? new JsonObject() : claims;
  }

  private static String subject(JsonObject claims) {
    Object sub = claims.getValue("sub");
    return sub instanceof String ? "jwt:" + sub : "jwt";
  }

  /** Scopes from {@code scope} and {@code scp}, each a space-separated string or an array; unknown ones ignored. */
  static Set<Scope> scopes(JsonObject claims) {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (String claim : new String[] {"scope", "scp"}) {
      Object v = claims.getValue(claim);
      if (v instanceof String) {
        for (String s : ((String) v).split(" ")) {
          Scope.byValue(s).ifPresent(scopes::add);
        }
      } else if (v instanceof JsonArray) {
        for (Object s : (JsonArray) v) {
          if (s instanceof String) {
            Scope.byValue((String) s).ifPresent(scopes::add);
          }
        }
      }
    }
    return scopes;
  }
}
