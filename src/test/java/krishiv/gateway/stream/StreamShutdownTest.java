package krishiv.gateway.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.Map;
import krishiv.gateway.Gateway;
import krishiv.gateway.testing.FakeCoordinator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Stopping the gateway closes every stream with 1001 and its cursor, within a bounded time even for stuck peers. */
@ExtendWith(VertxExtension.class)
class StreamShutdownTest {
  @Test
  void stopClosesStreamsWithGoingAwayAndTheirCursorAndStaysBounded(Vertx vertx) throws Exception {
    FakeCoordinator coordinator = new FakeCoordinator(vertx);
    coordinator.start().await();
    Gateway gateway = Gateway.start(vertx, StreamFixture.config(Map.of("stream.max-queued-bytes", "64MiB",
        "stream.ping-interval", "60s", "stream.heartbeat-interval", "60s"))).await();
    try (WsProbe ws = WsProbe.connect(vertx, gateway.port(), "/api/v1/events");
        SseProbe sse = SseProbe.open(vertx, gateway.port(), "/api/v1/events", null);
        StuckWebSocketClient stuck = StuckWebSocketClient.connect(gateway.port(), "/api/v1/events")) {
      ws.awaitFrames("heartbeat", f -> !f.isEmpty());
      stuck.readFrame();
      // Fill the stuck peer's path so its close frame cannot get through.
      for (int i = 0; i < 3000; i++) {
        StreamFixture.publishEvent(vertx, "Shutdown.E", null, null, "x".repeat(200));
      }
      ws.awaitEvents(3000);
      String cursor = StreamFixture.cursor(gateway);

      long t0 = System.nanoTime();
      gateway.stop().await();
      long tookMs = (System.nanoTime() - t0) / 1_000_000;

      ws.awaitClosed(Duration.ofSeconds(2));
      assertEquals(CloseCodes.GOING_AWAY, ws.closeCode());
      assertEquals("going away; resume from " + cursor, ws.closeReason());
      JsonObject close = sse.awaitRecords("close", 1).get(0).data();
      assertEquals(1001, close.getInteger("code"));
      assertEquals("going away; resume from " + cursor, close.getString("reason"));
      StuckWebSocketClient.Drained drained = stuck.drain();
      assertTrue(drained.reset() || drained.closeCode() != null);
      // slow-close-grace is 1 s in the test config; the stuck peer is reset after it.
      assertTrue(tookMs < 3000, "shutdown took " + tookMs + " ms");
      assertEquals(0, gateway.stream().connections());
    } finally {
      coordinator.stop().await();
    }
  }
}
