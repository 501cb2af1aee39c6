package krishiv.gateway.stream;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import krishiv.gateway.view.ViewEvent;

/**
 * The JSON frames of the stream and their two encodings: the WebSocket text payload, and the Server-Sent Events
 * record ({@code id:} cursor, {@code event:} type, {@code data:} the same JSON on one line).
 */
final class StreamFrames {
  static final String EVENT = "event";
  static final String HEARTBEAT = "heartbeat";
  static final String RESET = "reset";
  static final String CLOSE = "close";
  static final String CURSOR_EXPIRED = "cursor_expired";
  static final String EPOCH_CHANGED = "epoch_changed";

  private StreamFrames() {}

  static JsonObject event(String cursor, ViewEvent e) {
    return new JsonObject().put("type", EVENT).put("cursor", cursor).put("event", e.event().toJson());
  }

  static JsonObject heartbeat(String cursor, long nowMs) {
    return new JsonObject().put("type", HEARTBEAT).put("cursor", cursor).put("ts", nowMs);
  }

  static JsonObject reset(String reason, String cursor) {
    return new JsonObject().put("type", RESET).put("reason", reason).put("cursor", cursor);
  }

  static JsonObject close(int code, String reason) {
    return new JsonObject().put("type", CLOSE).put("code", code).put("reason", reason);
  }

  /**
   * One SSE record. Encoded JSON has no raw line breaks (they are escaped inside strings), so one
   * {@code data:} line carries it.
   *
   * @param id the cursor for {@code id:}, or null to leave the client's Last-Event-ID as it is
   */
  static Buffer sse(String type, String id, Buffer json) {
    Buffer b = Buffer.buffer(json.length() + 64);
    if (id != null) {
      b.appendString("id: ").appendString(id).appendString("\n");
    }
    return b.appendString("event: ").appendString(type).appendString("\ndata: ").appendBuffer(json)
        .appendString("\n\n");
  }

  /** An SSE comment line: ignored by EventSource, it keeps proxies and idle timers from closing the stream. */
  static Buffer sseComment(String text) {
    return Buffer.buffer((": " + text + "\n\n").getBytes(StandardCharsets.UTF_8));
  }
}
