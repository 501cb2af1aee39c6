package krishiv.gateway.stream;

import io.vertx.core.Future;

/**
 * How the event stream checks credentials. The gateway's token model (static tokens, the UI token, JWT) plugs
 * in here; {@link OpenStreamAuthenticator} is the dev-local choice. The stream accepts a bearer token from the
 * {@code Authorization} header, the {@code krishiv.bearer.<token>} WebSocket subprotocol, or a first
 * {@code auth} frame, and hands it to {@link #authenticate} in each case.
 */
public interface StreamAuthenticator {
  /**
   * Checks a bearer token. A failed future means the token is not valid (401 at the upgrade, close 4401 after
   * it); a principal without {@link StreamPrincipal#EVENTS_READ} is refused with 403 / 4403. Must not block.
   */
  Future<StreamPrincipal> authenticate(String bearerToken);

  /**
   * Whether a stream needs credentials at all. When false, a request without credentials is served as
   * {@link StreamPrincipal#anonymous()} (the Origin check still applies).
   */
  boolean required();
}
