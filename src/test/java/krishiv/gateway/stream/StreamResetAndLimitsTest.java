package krishiv.gateway.stream;

import static krishiv.gateway.stream.StreamFixture.publishEvent;
import static krishiv.gateway.stream.StreamFixture.seq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import krishiv.gateway.Gateway;
import krishiv.gateway.http.Problem;
import krishiv.gateway.testing.Await;
import krishiv.gateway.testing.FakeCoordinator;
import krishiv.gateway.view.Cursor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cursors the gateway cannot serve (a small event buffer, a restarted gateway) get a reset first, never a silent
 * gap; and the subscriber limit (2 here) answers 503 at the upgrade.
 */
@ExtendWith(VertxExtension.class)
class StreamResetAndLimitsTest {
  static Gateway gateway;
  static FakeCoordinator coordinator;

  @BeforeAll
  static void start(Vertx vertx) {
    coordinator = new FakeCoordinator(vertx);
    coordinator.start().await();
    gateway = Gateway.start(vertx, StreamFixture.config(Map.of("view.event-buffer-size", "16",
        "stream.max-subscribers", "2"))).await();
  }

  @AfterAll
  static void stop() {
    gateway.stop().await();
    coordinator.stop().await();
  }

  WsProbe connect(Vertx vertx, String query) {
    return WsProbe.connect(vertx, gateway.port(), "/api/v1/events" + query);
  }

  void publishAndWait(Vertx vertx, int n) {
    long target = gateway.view().events().lastSeq() + n;
    for (int i = 0; i < n; i++) {
      publishEvent(vertx, "Limits.E", null, null, "e" + i);
    }
    Await.until(n + " events logged", Duration.ofSeconds(5), () -> gateway.view().events().lastSeq() >= target);
  }

  @Test
  void aCursorOlderThanTheBufferGetsAResetThenLiveEvents(Vertx vertx) {
    publishAndWait(vertx, 3);
    String old = StreamFixture.cursor(gateway);
    publishAndWait(vertx, 40); // the ring holds 16
    try (WsProbe p = connect(vertx, "?since=" + old)) {
      JsonObject reset = p.awaitFrames("the reset", f -> !f.isEmpty()).get(0);
      assertEquals("reset", reset.getString("type"));
      assertEquals("cursor_expired", reset.getString("reason"));
      assertEquals(StreamFixture.cursor(gateway), reset.getString("cursor"), "the stream goes on after this cursor");
      publishEvent(vertx, "Limits.E", null, null, "after");
      JsonObject next = p.awaitEvents(1).get(0);
      assertEquals(seq(reset) + 1, seq(next), "live from the reset's cursor, no gap");
      assertTrue(gateway.stream().stats().resetsSent() >= 1);
    }
  }

  @Test
  void aCursorAtTheOldestHeldEventIsStillServed(Vertx vertx) {
    publishAndWait(vertx, 40);
    long first = gateway.view().events().firstSeq();
    try (WsProbe p = connect(vertx, "?since=" + gateway.view().epoch() + ":" + (first - 1))) {
      List<JsonObject> events = p.awaitEvents(16);
      assertEquals(first, seq(events.get(0)));
      assertTrue(p.frames("reset").isEmpty());
    }
  }

  @Test
  void aCursorOfARestartedGatewayGetsAnEpochReset(Vertx vertx) {
    // A gateway process that ran before: its cursor names its own epoch.
    Gateway previous = Gateway.start(vertx, StreamFixture.config(Map.of())).await();
    String oldCursor;
    try {
      publishAndWait(vertx, 2);
      Await.until("the previous gateway saw events", Duration.ofSeconds(5),
          () -> previous.view().events().lastSeq() >= 2);
      oldCursor = StreamFixture.cursor(previous);
    } finally {
      previous.stop().await();
    }
    assertTrue(!Cursor.parse(oldCursor).epoch().equals(gateway.view().epoch()));
    try (WsProbe p = connect(vertx, "?since=" + oldCursor)) {
      JsonObject reset = p.awaitFrames("the reset", f -> !f.isEmpty()).get(0);
      assertEquals("reset", reset.getString("type"));
      assertEquals("epoch_changed", reset.getString("reason"));
      assertTrue(reset.getString("cursor").startsWith(gateway.view().epoch() + ":"));
    }
  }

  @Test
  void aPeerThatNeverAnswersPingsIsClosedAfterThreeMissedPongs() throws Exception {
    // A hand-written client reads everything but, unlike real clients, never answers a ping (1 s here).
    try (StuckWebSocketClient silent = StuckWebSocketClient.connect(gateway.port(), "/api/v1/events")) {
      long t0 = System.nanoTime();
      StuckWebSocketClient.Drained drained = silent.drain();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(Integer.valueOf(CloseCodes.GOING_AWAY), drained.closeCode());
      // 3 missed pings (up to 1 interval to be first pinged, +3), then the 1 s close grace the peer ignores too.
      assertTrue(ms >= 2500 && ms < 7000, "closed after ~3 ping intervals, took " + ms + " ms");
    }
    Await.until("the slot released", Duration.ofSeconds(5), () -> gateway.stream().connections() == 0);
  }

  @Test
  void pastTheSubscriberLimitAnUpgradeGets503(Vertx vertx) {
    Await.until("no subscribers left from other tests", Duration.ofSeconds(5),
        () -> gateway.stream().connections() == 0);
    try (WsProbe a = connect(vertx, ""); WsProbe b = connect(vertx, "")) {
      a.awaitFrames("heartbeat", f -> !f.isEmpty());
      b.awaitFrames("heartbeat", f -> !f.isEmpty());
      Throwable refused = WsProbe.refusal(vertx, new WebSocketConnectOptions().setHost("127.0.0.1")
          .setPort(gateway.port()).setURI("/api/v1/events"));
      assertTrue(refused != null && refused.getMessage().contains("503"), String.valueOf(refused));
      WebClient http = WebClient.create(vertx);
      try {
        HttpResponse<Buffer> sse = http.get(gateway.port(), "127.0.0.1", "/api/v1/events")
            .putHeader("Accept", "text/event-stream").send().await();
        assertEquals(503, sse.statusCode());
        assertEquals(Problem.CONTENT_TYPE, sse.getHeader("Content-Type"));
        assertEquals("5", sse.getHeader("Retry-After"));
      } finally {
        http.close();
      }
    }
    Await.until("the slots released", Duration.ofSeconds(5), () -> gateway.stream().connections() == 0);
    try (WsProbe again = connect(vertx, "")) {
      again.awaitFrames("heartbeat", f -> !f.isEmpty());
    }
  }
}
