package krishiv.gateway.stream;

import io.vertx.core.buffer.Buffer;
import java.util.Objects;
import krishiv.gateway.view.ViewEvent;

/**
 * An event with its frame encoded once and shared by every subscriber it goes to: the WebSocket text payload
 * and the SSE record. Encoding is lazy (a stream with only WebSocket subscribers never builds the SSE form) and
 * done on the event loops that deliver, not on the view's writer. Two event loops may race to encode the same
 * event; both produce identical bytes and one copy wins, which is cheaper than a lock on every read.
 */
final class EncodedEvent {
  private final ViewEvent event;
  private final String cursor;
  private volatile Buffer webSocketText;
  private volatile Buffer sse;

  EncodedEvent(String epoch, ViewEvent event) {
    this.event = Objects.requireNonNull(event, "event");
    this.cursor = epoch + ":" + event.seq();
  }

  ViewEvent event() {
    return event;
  }

  long seq() {
    return event.seq();
  }

  String cursor() {
    return cursor;
  }

  /** The JSON frame, as the WebSocket text payload. */
  Buffer webSocketText() {
    Buffer b = webSocketText;
    if (b == null) {
      b = StreamFrames.event(cursor, event).toBuffer();
      webSocketText = b;
    }
    return b;
  }

  /** The same frame as an SSE record with the cursor as its id. */
  Buffer sse() {
    Buffer b = sse;
    if (b == null) {
      b = StreamFrames.sse(StreamFrames.EVENT, cursor, webSocketText());
      sse = b;
    }
    return b;
  }
}
