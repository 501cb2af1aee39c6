package krishiv.gateway.auth;

import io.vertx.ext.web.RoutingContext;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who made a request, as the bearer handler established it: the kind of credential, a subject to name in
 * audit logs (never a token) and the scopes granted. Handlers after authentication read it with
 * {@link #of(RoutingContext)}.
 */
public record Principal(Kind kind, String subject, Set<Scope> scopes) {
  /** Key of the principal in the routing context's data. */
  public static final String CONTEXT_KEY = "krishiv.auth.principal";

  private static final Principal ANONYMOUS = new Principal(Kind.ANONYMOUS, "anonymous", Scope.all());

  /** The kind of credential that authenticated the request. */
  public enum Kind {
    /** No credential: an open (dev-local, no token source) gateway. */
    ANONYMOUS,
    COORDINATOR_TOKEN,
    UI_TOKEN,
    JWT
  }

  public Principal {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    scopes = scopes.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(scopes));
  }

  /** The user of an open gateway: anonymous, holding every scope. */
  public static Principal anonymous() {
    return ANONYMOUS;
  }

  static Principal of(TokenRole role) {
    return role == TokenRole.COORDINATOR ? new Principal(Kind.COORDINATOR_TOKEN, "coordinator-token", role.scopes())
        : new Principal(Kind.UI_TOKEN, "ui-token", role.scopes());
  }

  public boolean hasAll(Set<Scope> required) {
    return scopes.containsAll(required);
  }

  /** The principal of an authenticated request, or null before authentication (or on a public route). */
  public static Principal of(RoutingContext ctx) {
    return ctx.get(CONTEXT_KEY);
  }
}
