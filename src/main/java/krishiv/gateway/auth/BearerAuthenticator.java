package krishiv.gateway.auth;

import io.vertx.core.Future;

/**
 * Turns a bearer token into a {@link Principal}: static tokens first (one digest, compared in constant time
 * with every configured token), then JWTs (cached after the first verification). Used by the HTTP bearer
 * handler and by anything else that receives a token (e.g. a WebSocket's first frame).
 *
 * <p>An open authenticator (dev-local with no token source) answers every token, and no token, with the
 * anonymous principal holding every scope.
 */
public final class BearerAuthenticator {
  private static final BearerAuthenticator OPEN = new BearerAuthenticator(null, null);

  private final StaticTokens staticTokens;
  private final JwtVerifier jwt;

  BearerAuthenticator(StaticTokens staticTokens, JwtVerifier jwt) {
    this.staticTokens = staticTokens;
    this.jwt = jwt;
  }

  static BearerAuthenticator open() {
    return OPEN;
  }

  /** True if no credentials are required. */
  public boolean isOpen() {
    return staticTokens == null;
  }

  /**
   * @param token the token without its scheme
   * @return the principal, or a failure ({@link AuthenticationFailure}, never describing the token)
   */
  public Future<Principal> authenticate(String token) {
    if (isOpen()) {
      return Future.succeededFuture(Principal.anonymous());
    }
    TokenDigest digest = TokenDigest.of(token);
    TokenRole role = staticTokens.match(digest);
    if (role != null) {
      return Future.succeededFuture(Principal.of(role));
    }
    if (jwt != null && JwtVerifier.looksLikeJwt(token)) {
      return jwt.verify(token, digest);
    }
    return Future.failedFuture(new AuthenticationFailure(AuthenticationFailure.Reason.UNKNOWN_TOKEN));
  }
}
