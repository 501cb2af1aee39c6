package krishiv.gateway.auth;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The scopes of the management API. The contract names them in each operation's security requirement
 * ({@code security: [{bearerAuth: [status:read]}]}); tokens carry them in the {@code scope} or {@code scp} claim.
 */
public enum Scope {
  STATUS_READ("status:read"),
  METRICS_READ("metrics:read"),
  EVENTS_READ("events:read"),
  JOBS_WRITE("jobs:write");

  private static final Set<Scope> ALL = Collections.unmodifiableSet(EnumSet.allOf(Scope.class));
  private static final Set<Scope> READ_ONLY =
      Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(JOBS_WRITE)));

  private final String value;

  Scope(String value) {
    this.value = value;
  }

  /** The scope as written in the contract and in tokens, e.g. {@code status:read}. */
  public String value() {
    return value;
  }

  /** The scope with this name; empty for names the gateway does not know (tokens may carry other scopes). */
  public static Optional<Scope> byValue(String value) {
    for (Scope s : values()) {
      if (s.value.equals(value)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** Every scope: what coordinator tokens and the anonymous user of an open gateway hold. */
  public static Set<Scope> all() {
    return ALL;
  }

  /** Every scope except {@code jobs:write}: what the dashboard (UI) token holds. */
  public static Set<Scope> readOnly() {
    return READ_ONLY;
  }

  @Override
  public String toString() {
    return value;
  }
}
