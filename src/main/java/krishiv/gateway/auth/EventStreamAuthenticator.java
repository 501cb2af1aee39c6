package krishiv.gateway.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import krishiv.gateway.stream.StreamAuthenticator;
import krishiv.gateway.stream.StreamPrincipal;

/**
 * The event stream's credentials, checked by the same {@link BearerAuthenticator} as every other route. A
 * stream lives long, so its principal carries the JWT's expiry (the stream closes then) and a revalidation
 * that asks the authenticator again: a static token removed by rotation, or a JWT past its exp, fails it.
 */
public final class EventStreamAuthenticator implements StreamAuthenticator {
  private final BearerAuthenticator authenticator;

  public EventStreamAuthenticator(BearerAuthenticator authenticator) {
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
  }

  @Override
  public boolean required() {
    return !authenticator.isOpen();
  }

  @Override
  public Future<StreamPrincipal> authenticate(String bearerToken) {
    return authenticator.authenticate(bearerToken).map(p -> {
      Set<String> scopes = p.scopes().stream().map(Scope::value).collect(Collectors.toSet());
      return new StreamPrincipal(p.subject(), scopes, p.kind() == Principal.Kind.JWT ? jwtExpiryMs(bearerToken) : null,
          () -> authenticator.authenticate(bearerToken).map(again -> true).otherwise(false));
    });
  }

  /** The exp claim in ms of a token the verifier has just accepted, or null when it has none. */
  static Long jwtExpiryMs(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length < 2) {
      return null;
    }
    try {
      JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      Object exp = claims.getValue("exp");
      return exp instanceof Number ? ((Number) exp).longValue() * 1000 : null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
