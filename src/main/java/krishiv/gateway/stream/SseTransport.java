package krishiv.gateway.stream;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * A subscriber's Server-Sent Events response: records with the cursor as {@code id:}, comment heartbeats, and
 * a final {@code close} event (SSE has no close codes) before the response ends.
 */
final class SseTransport implements StreamTransport {
  private final HttpServerRequest request;
  private final HttpServerResponse response;
  private Runnable closed;
  private boolean ended;

  SseTransport(HttpServerRequest request) {
    this.request = request;
    this.response = request.response();
  }

  /** Sends the response head and the reconnect hint. */
  Future<Void> open(long retryMs, int sendBuffer) {
    VertxInternals.limitSendBuffer(request.connection(), sendBuffer);
    response.setStatusCode(200).setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        // Compression would buffer records per connection and defeat the shared encoding.
        .putHeader("Content-Encoding", "identity")
        .putHeader("X-Accel-Buffering", "no");
    response.closeHandler(v -> fireClosed());
    return response.write("retry: " + retryMs + "\n\n");
  }

  @Override
  public String name() {
    return StreamStats.SSE;
  }

  @Override
  public Buffer eventBytes(EncodedEvent event) {
    return event.sse();
  }

  @Override
  public Buffer controlBytes(String type, String cursor, JsonObject frame) {
    if (StreamFrames.HEARTBEAT.equals(type)) {
      return StreamFrames.sseComment("heartbeat " + cursor);
    }
    return StreamFrames.sse(type, StreamFrames.RESET.equals(type) ? cursor : null, frame.toBuffer());
  }

  @Override
  public Future<Void> send(Buffer bytes) {
    if (response.ended() || response.closed()) {
      // Vert.x throws on a write after end(); the subscriber only needs to see the write fail.
      return Future.failedFuture("the SSE response has ended");
    }
    return response.write(bytes);
  }

  @Override
  public boolean keepalive() {
    return true; // heartbeats (comments) keep an SSE stream busy; a dead peer ends in a failed write or the idle timeout
  }

  @Override
  public void close(short code, String reason) {
    if (ended || response.ended() || response.closed()) {
      return;
    }
    ended = true;
    response.write(StreamFrames.sse(StreamFrames.CLOSE, null, StreamFrames.close(code, reason).toBuffer()));
    response.end().onComplete(ar -> fireClosed());
  }

  @Override
  public void reset() {
    VertxInternals.reset(request.connection());
  }

  @Override
  public void onClosed(Runnable handler) {
    closed = handler;
  }

  private void fireClosed() {
    Runnable r = closed;
    closed = null;
    if (r != null) {
      r.run();
    }
  }
}
