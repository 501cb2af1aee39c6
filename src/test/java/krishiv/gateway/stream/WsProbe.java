package krishiv.gateway.stream;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import krishiv.gateway.testing.Await;

/**
 * A test subscriber over a Vert.x WebSocket: records every text frame and how the connection closed, and checks
 * frames against the contract.
 */
final class WsProbe implements AutoCloseable {
  /** The first frames of every probe are checked against the contract (all of them would slow the big tests). */
  static final int CHECKED_FRAMES = 200;
  private final WebSocketClient client;
  private final List<JsonObject> frames = new ArrayList<>();
  private final List<Long> receivedAtNanos = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private WebSocket ws;
  private volatile Short closeCode;
  private volatile String closeReason;
  private volatile boolean closed;

  private WsProbe(Vertx vertx) {
    this.client = vertx.createWebSocketClient();
  }

  static WsProbe connect(Vertx vertx, int port, String uri) {
    return connect(vertx, new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri));
  }

  static WsProbe connect(Vertx vertx, WebSocketConnectOptions options) {
    WsProbe p = new WsProbe(vertx);
    // Handlers go on as the connection completes, on its event loop: frames that follow are never missed.
    p.ws = p.client.connect(options).onSuccess(ws -> {
      ws.textMessageHandler(t -> p.add(new JsonObject(t)));
      ws.closeHandler(v -> {
        p.closeCode = ws.closeStatusCode();
        p.closeReason = ws.closeReason();
        p.closed = true;
      });
    }).await();
    return p;
  }

  /** Tries to connect; returns why the upgrade was refused (its message names the HTTP status), or null. */
  static Throwable refusal(Vertx vertx, WebSocketConnectOptions options) {
    WebSocketClient c = vertx.createWebSocketClient();
    try {
      WebSocket ws = c.connect(options).await();
      ws.close().await();
      return null;
    } catch (Exception e) {
      return e;
    } finally {
      c.close().await();
    }
  }

  private synchronized void add(JsonObject frame) {
    receivedAtNanos.add(System.nanoTime());
    frames.add(frame);
    if (frames.size() <= CHECKED_FRAMES) {
      ContractFrames.violations(frame).forEach(v -> violations.add(v + " in " + frame.encode()));
    }
  }

  WebSocket socket() {
    return ws;
  }

  void send(JsonObject frame) {
    ws.writeTextMessage(frame.encode()).await();
  }

  synchronized List<JsonObject> frames() {
    return List.copyOf(frames);
  }

  synchronized List<Long> receivedAtNanos() {
    return List.copyOf(receivedAtNanos);
  }

  List<JsonObject> frames(String type) {
    return frames().stream().filter(f -> type.equals(f.getString("type"))).collect(Collectors.toList());
  }

  List<JsonObject> events() {
    return frames("event");
  }

  List<JsonObject> awaitFrames(String what, Predicate<List<JsonObject>> done) {
    Await.until(what, Duration.ofSeconds(10), () -> done.test(frames()));
    return frames();
  }

  List<JsonObject> awaitEvents(int n) {
    Await.until(n + " events", Duration.ofSeconds(10), () -> events().size() >= n);
    return events();
  }

  void awaitClosed(Duration within) {
    Await.until("the server to close the WebSocket", within, () -> closed);
  }

  boolean isClosed() {
    return closed;
  }

  Short closeCode() {
    return closeCode;
  }

  String closeReason() {
    return closeReason;
  }

  /** Closes the connection; fails if a frame did not match the contract's StreamFrame schema. */
  @Override
  public void close() {
    if (ws != null && !closed) {
      ws.close().await();
    }
    client.close().await();
    synchronized (this) {
      if (!violations.isEmpty()) {
        throw new AssertionError("frames outside the contract: " + violations);
      }
    }
  }
}
