package krishiv.gateway.auth;

import java.util.Set;

/** What a static token may do: a coordinator token everything, the dashboard (UI) token only read. */
public enum TokenRole {
  COORDINATOR(Scope.all()),
  UI(Scope.readOnly());

  private final Set<Scope> scopes;

  TokenRole(Set<Scope> scopes) {
    this.scopes = scopes;
  }

  public Set<Scope> scopes() {
    return scopes;
  }
}
