package krishiv.gateway.stream;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * How frames reach one subscriber: a WebSocket or a Server-Sent Events response. The subscriber owns the
 * protocol (cursors, catch-up, accounting); the transport only encodes and writes.
 */
interface StreamTransport {
  /** The metrics label: {@link StreamStats#WEBSOCKET} or {@link StreamStats#SSE}. */
  String name();

  /** The bytes this transport sends for an event: the event's shared encoding, never a copy. */
  Buffer eventBytes(EncodedEvent event);

  /**
   * The bytes of a control frame (heartbeat, reset, close).
   *
   * @param cursor the cursor the frame carries (SSE uses it as the record id for resets)
   */
  Buffer controlBytes(String type, String cursor, JsonObject frame);

  /** Writes one message; the future completes when the socket has taken it. */
  Future<Void> send(Buffer bytes);

  /**
   * Sends a keepalive if the transport has one; false when the peer missed too many of them and is presumed
   * dead.
   */
  boolean keepalive();

  /** Starts a graceful close with this code and reason. */
  void close(short code, String reason);

  /** Drops the connection now, whatever is still queued (an RST). */
  void reset();

  /** Called once when the connection is gone, however it ended. */
  void onClosed(Runnable handler);
}
