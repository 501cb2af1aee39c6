package krishiv.gateway.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import krishiv.gateway.Gateway;
import krishiv.gateway.config.GatewayConfig;
import krishiv.gateway.testing.Await;
import krishiv.gateway.testing.FakeCoordinator;
import krishiv.gateway.testing.TestJobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A gateway that starts before the coordinator is not ready; once the coordinator answers sync it is. */
@ExtendWith(VertxExtension.class)
class GatewaySyncTest {
  @Test
  void gatewayStartedBeforeTheCoordinatorLearnsEverythingThroughSync(Vertx vertx) {
    GatewayConfig config = GatewayConfig.defaults().with(Map.of("http.port", "0", "coordinator.sync-timeout", "200ms",
        "coordinator.sync-retry", "50ms"));
    Gateway gateway = Gateway.start(vertx, config).await();
    WebClient http = WebClient.create(vertx);
    try {
      HttpResponse<Buffer> cold = http.get(gateway.port(), "127.0.0.1", "/readyz").send().await();
      assertEquals(503, cold.statusCode(), "no sync yet: not ready");
      assertTrue(cold.bodyAsString().contains("view"), cold.bodyAsString());

      FakeCoordinator coordinator = new FakeCoordinator(vertx)
          .withJobs(List.of(TestJobs.job("job-1", "running", 1, 3, "running"),
              TestJobs.job("job-2", "queued", 2, 0, "pending")));
      coordinator.start().await();
      Await.until("the view to warm up", Duration.ofSeconds(10), () -> gateway.view().snapshot().warm());
      assertEquals(2, gateway.view().snapshot().jobs().size(), "the full state arrived without waiting for a change");
      assertEquals(200, http.get(gateway.port(), "127.0.0.1", "/readyz").send().await().statusCode());
      assertTrue(coordinator.syncCount() >= 1);
    } finally {
      http.close();
      gateway.stop().await();
    }
  }

  @Test
  void gatewayStartedAfterTheCoordinatorIsReadyAtOnce(Vertx vertx) {
    FakeCoordinator coordinator = new FakeCoordinator(vertx)
        .withJobs(List.of(TestJobs.job("job-9", "running", 1, 1, "running")));
    coordinator.start().await();
    Gateway gateway = Gateway.start(vertx, GatewayConfig.defaults().with(Map.of("http.port", "0"))).await();
    try {
      Await.until("the sync", Duration.ofSeconds(5), () -> gateway.view().snapshot().job("job-9") != null);
      assertEquals(1, coordinator.syncCount(), "one sync, answered the first time");
    } finally {
      gateway.stop().await();
      coordinator.stop().await();
    }
  }

  /** The gateway stays ready while the cluster is degraded, unless configured to gate on its health. */
  @Test
  void aDegradedClusterStaysReadyUnlessConfiguredToGate(Vertx vertx) {
    FakeCoordinator coordinator = new FakeCoordinator(vertx).withJobs(List.of());
    coordinator.start().await();
    Map<String, String> base = Map.of("http.port", "0", "view.heartbeat-timeout", "200ms",
        "view.lost-check-interval", "20ms", "coordinator.status-window", "100ms");
    Gateway lenient = Gateway.start(vertx, GatewayConfig.defaults().with(base)).await();
    java.util.HashMap<String, String> strict = new java.util.HashMap<>(base);
    strict.put("readiness.executors-gating", "true");
    strict.put("readiness.coordinator-gating", "true");
    Gateway gating = Gateway.start(vertx, GatewayConfig.defaults().with(strict)).await();
    WebClient http = WebClient.create(vertx);
    var agent = krishiv.gateway.agent.ExecutorAgent.onEventBus(vertx, Duration.ofSeconds(60));
    try {
      agent.register("exec-1", () -> krishiv.gateway.agent.ExecutorStatus.idle("h", 2, 2, 1024));
      agent.pause("exec-1");
      Await.until("exec-1 lost in both", Duration.ofSeconds(5), () -> lost(lenient) && lost(gating));
      // the coordinator's status is older than the 100 ms window by now, and the only executor is lost
      assertEquals(200, http.get(lenient.port(), "127.0.0.1", "/readyz").send().await().statusCode());
      HttpResponse<Buffer> r = http.get(gating.port(), "127.0.0.1", "/readyz").send().await();
      assertEquals(503, r.statusCode());
      assertTrue(r.bodyAsString().contains("executors") && r.bodyAsString().contains("coordinator"), r.bodyAsString());
    } finally {
      http.close();
      lenient.stop().await();
      gating.stop().await();
      coordinator.stop().await();
    }
  }

  private static boolean lost(Gateway g) {
    var e = g.view().snapshot().executor("exec-1");
    return e != null && "lost".equals(e.state());
  }

  @Test
  void stoppingReportsNotReadyBeforeTheServerCloses(Vertx vertx) {
    FakeCoordinator coordinator = new FakeCoordinator(vertx).withJobs(List.of());
    coordinator.start().await();
    Gateway gateway = Gateway.start(vertx, GatewayConfig.defaults().with(Map.of("http.port", "0",
        "shutdown.drain-delay", "300ms"))).await();
    WebClient http = WebClient.create(vertx);
    try {
      Await.until("ready", Duration.ofSeconds(5), () -> gateway.view().snapshot().warm());
      assertEquals(200, http.get(gateway.port(), "127.0.0.1", "/readyz").send().await().statusCode());
      int port = gateway.port();
      var stopped = gateway.stop();
      HttpResponse<Buffer> draining = http.get(port, "127.0.0.1", "/readyz").send().await();
      assertEquals(503, draining.statusCode());
      assertTrue(draining.bodyAsString().contains("shutdown"), draining.bodyAsString());
      stopped.await();
    } finally {
      http.close();
      coordinator.stop().await();
    }
  }
}
