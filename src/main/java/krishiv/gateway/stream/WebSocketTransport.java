package krishiv.gateway.stream;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** A subscriber's WebSocket: JSON text frames, pings with a pong count, close frames with a code. */
final class WebSocketTransport implements StreamTransport {
  /** Pings a peer may leave unanswered in a row before it counts as dead. */
  static final int MAX_MISSED_PONGS = 3;
  private static final Buffer PING = Buffer.buffer("hb");

  private final ServerWebSocket ws;
  private final HttpConnection connection;
  private int missedPongs;

  /** @param connection the upgraded request's connection (the WebSocket's channel) */
  WebSocketTransport(ServerWebSocket ws, HttpConnection connection, int sendBuffer) {
    this.ws = ws;
    this.connection = connection;
    VertxInternals.limitSendBuffer(connection, sendBuffer);
    ws.pongHandler(b -> missedPongs = 0);
  }

  /**
   * Routes the client's text messages to {@code text}. A client message must fit in one frame: a frame over
   * the limit makes Vert.x drop the connection, and a fragmented message gets 1009 here (Vert.x's own
   * aggregation would drop an oversized message and keep the connection). Binary frames get 1003.
   */
  void onMessages(Consumer<String> text, int maxFrameBytes) {
    ws.frameHandler(frame -> {
      if (frame.isText() && frame.isFinal()) {
        text.accept(frame.textData());
      } else if (frame.isBinary()) {
        close(CloseCodes.UNSUPPORTED_DATA, "binary frames are not supported");
      } else if (frame.isText() || frame.isContinuation()) {
        close(CloseCodes.MESSAGE_TOO_BIG, "a client message must fit in one frame of at most " + maxFrameBytes
            + " bytes");
      }
    });
    // Protocol errors: Vert.x closes the socket itself, and onClosed releases the subscriber.
    ws.exceptionHandler(e -> { });
  }

  @Override
  public String name() {
    return StreamStats.WEBSOCKET;
  }

  @Override
  public Buffer eventBytes(EncodedEvent event) {
    return event.webSocketText();
  }

  @Override
  public Buffer controlBytes(String type, String cursor, JsonObject frame) {
    return frame.toBuffer();
  }

  @Override
  public Future<Void> send(Buffer bytes) {
    return ws.writeFrame(VertxInternals.textFrame(bytes));
  }

  @Override
  public boolean keepalive() {
    if (missedPongs >= MAX_MISSED_PONGS) {
      return false;
    }
    missedPongs++;
    ws.writePing(PING);
    return true;
  }

  @Override
  public void close(short code, String reason) {
    ws.close(code, truncate(reason));
  }

  @Override
  public void reset() {
    VertxInternals.reset(connection);
  }

  @Override
  public void onClosed(Runnable handler) {
    ws.closeHandler(v -> handler.run());
  }

  /** A close reason is at most 123 bytes of UTF-8 (RFC 6455 §5.5). */
  static String truncate(String reason) {
    byte[] utf8 = reason.getBytes(StandardCharsets.UTF_8);
    if (utf8.length <= 123) {
      return reason;
    }
    String cut = new String(utf8, 0, 123, StandardCharsets.UTF_8);
    return cut.endsWith("\uFFFD") ? cut.substring(0, cut.length() - 1) : cut;
  }
}
