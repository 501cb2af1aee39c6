package krishiv.gateway.stream;

import io.vertx.core.Future;
import java.util.Objects;
import java.util.Set;

/**
 * Who holds an open stream, as a {@link StreamAuthenticator} established it: the scopes the credentials grant,
 * when they expire (a JWT's {@code exp}; null for tokens without one), and a hook the stream calls every
 * {@code stream.revalidate-interval} to learn whether the credentials are still valid (a rotated static token
 * is not). The token itself is not kept.
 *
 * @param subject a name for logs (never the token)
 */
public record StreamPrincipal(String subject, Set<String> scopes, Long expiresAtMs, Revalidation revalidation) {
  /** The scope a principal needs to read the event stream. */
  public static final String EVENTS_READ = "events:read";

  /** Asks the credential source again; a failed future counts as "no longer valid". */
  @FunctionalInterface
  public interface Revalidation {
    Future<Boolean> stillValid();
  }

  public StreamPrincipal {
    Objects.requireNonNull(subject, "subject");
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(revalidation, "revalidation");
  }

  /** The principal of a gateway without authentication (dev-local): may read, never expires. */
  public static StreamPrincipal anonymous() {
    return new StreamPrincipal("anonymous", Set.of(EVENTS_READ), null, () -> Future.succeededFuture(true));
  }

  public boolean canReadEvents() {
    return scopes.contains(EVENTS_READ);
  }

  public boolean expiredAt(long nowMs) {
    return expiresAtMs != null && nowMs >= expiresAtMs;
  }
}
