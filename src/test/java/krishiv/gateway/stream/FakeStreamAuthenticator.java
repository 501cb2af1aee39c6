package krishiv.gateway.stream;

import io.vertx.core.Future;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token → principal map the test mutates: removing a token is a rotation (open streams with it are revoked
 * at their next revalidation).
 */
final class FakeStreamAuthenticator implements StreamAuthenticator {
  private final Map<String, Set<String>> scopes = new ConcurrentHashMap<>();
  private final Map<String, Long> expiry = new ConcurrentHashMap<>();

  FakeStreamAuthenticator grant(String token, Set<String> tokenScopes) {
    scopes.put(token, tokenScopes);
    return this;
  }

  FakeStreamAuthenticator grantUntil(String token, Set<String> tokenScopes, long expiresAtMs) {
    expiry.put(token, expiresAtMs);
    return grant(token, tokenScopes);
  }

  void revoke(String token) {
    scopes.remove(token);
  }

  @Override
  public Future<StreamPrincipal> authenticate(String bearerToken) {
    Set<String> s = scopes.get(bearerToken);
    if (s == null) {
      return Future.failedFuture("unknown token");
    }
    return Future.succeededFuture(new StreamPrincipal("token-" + bearerToken.hashCode(), s, expiry.get(bearerToken),
        () -> Future.succeededFuture(scopes.containsKey(bearerToken))));
  }

  @Override
  public boolean required() {
    return true;
  }
}
