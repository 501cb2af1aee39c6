package krishiv.gateway.stream;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import krishiv.gateway.Gateway;
import krishiv.gateway.bus.BusAddresses;
import krishiv.gateway.bus.message.EventInfo;
import krishiv.gateway.bus.message.EventMessage;
import krishiv.gateway.config.GatewayConfig;
import krishiv.gateway.testing.FakeCoordinator;
import krishiv.gateway.view.Cursor;

/** Shared pieces of the stream tests: a gateway config for tests, event publishing, cursor helpers. */
final class StreamFixture {
  private StreamFixture() {}

  /** Port 0, short heartbeats and pings, and the given overrides. */
  static GatewayConfig config(Map<String, String> overrides) {
    GatewayConfig base = GatewayConfig.defaults().with(Map.of("http.port", "0", "stream.heartbeat-interval", "300ms",
        "stream.ping-interval", "1s", "stream.auth-frame-deadline", "600ms", "stream.slow-close-grace", "1s",
        "stream.revalidate-interval", "200ms"));
    return base.with(overrides);
  }

  /** Publishes a coordinator event: one event in the log, with exactly these fields. */
  static void publishEvent(Vertx vertx, String kind, String jobId, String executorId, String detail) {
    vertx.eventBus().publish(BusAddresses.COORDINATOR_EVENTS, new EventMessage(FakeCoordinator.ID,
        new EventInfo(System.currentTimeMillis(), kind, detail, jobId, null, null, executorId)).toJson());
  }

  static long seq(JsonObject frame) {
    return Cursor.parse(frame.getString("cursor")).seq();
  }

  static List<Long> seqs(List<JsonObject> frames) {
    return frames.stream().map(StreamFixture::seq).collect(Collectors.toList());
  }

  static String cursor(Gateway g) {
    return g.view().epoch() + ":" + g.view().events().lastSeq();
  }
}
