package krishiv.gateway.stream;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import krishiv.gateway.view.Cursor;

/** A message a WebSocket client sends: {@code auth} or {@code subscribe} (schema {@code StreamClientFrame}). */
sealed interface ClientFrame {
  /** {@code {"type":"auth","token":"..."}}: the first frame of an upgrade without credentials, or a renewal. */
  record Auth(String token) implements ClientFrame {}

  /** {@code {"type":"subscribe",...}}: a new filter, and optionally a new position (null: keep it). */
  record Subscribe(EventFilter filter, Cursor since) implements ClientFrame {}

  /** A frame that is not a valid client message, with the close code and reason it earns. */
  final class Rejected extends Exception {
    private final short code;

    Rejected(short code, String reason) {
      super(reason, null, false, false);
      this.code = code;
    }

    short code() {
      return code;
    }
  }

  /**
   * @param epoch this gateway's epoch and {@code lastSeq} the log's end: a {@code since} of this epoch beyond it
   *     cannot be right
   */
  static ClientFrame parse(String text, String epoch, long lastSeq) throws Rejected {
    JsonObject frame;
    try {
      frame = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      throw new Rejected(CloseCodes.BAD_FRAME, "bad frame: not a JSON object");
    }
    Object type = frame.getValue("type");
    if ("auth".equals(type)) {
      Object token = frame.getValue("token");
      if (!(token instanceof String) || ((String) token).isEmpty()) {
        throw new Rejected(CloseCodes.UNAUTHORIZED, "bad auth frame: token must be a non-empty string");
      }
      return new Auth((String) token);
    }
    if (!"subscribe".equals(type)) {
      throw new Rejected(CloseCodes.BAD_FRAME, "bad frame: unknown type " + type);
    }
    try {
      Object raw = frame.getValue("since");
      Cursor since = null;
      if (raw != null) {
        if (!(raw instanceof String)) {
          throw new IllegalArgumentException("since must be a cursor string");
        }
        since = Cursor.parse((String) raw);
        if (since.epoch().equals(epoch) && since.seq() > lastSeq) {
          throw new IllegalArgumentException("since is ahead of this gateway's log");
        }
      }
      return new Subscribe(EventFilter.fromJson(frame), since);
    } catch (IllegalArgumentException e) {
      throw new Rejected(CloseCodes.BAD_FRAME, "bad subscribe frame: " + e.getMessage());
    }
  }
}
