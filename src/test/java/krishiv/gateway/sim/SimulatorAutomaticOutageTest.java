package krishiv.gateway.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import krishiv.gateway.Gateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The simulation's own outages, seen through a real gateway: with the outage duration configured longer than
 * the gateway's (shortened, 600 ms) heartbeat timeout, an executor goes {@code lost} on its own and comes back
 * {@code healthy} with a new incarnation. At 5x speed an outage lasts 1 s of wall time and one starts about every
 * 0.8 s.
 */
@ExtendWith(VertxExtension.class)
class SimulatorAutomaticOutageTest {
  static final SimOptions OPTIONS = SimOptions.defaults().withTimeScale(5).withHeartbeatInterval(Duration.ofMillis(200))
      .withTuning(SimTuning.defaults().withStepInterval(Duration.ofMillis(50))
          .withOutages(Duration.ofSeconds(5), Duration.ofSeconds(4)));

  static Vertx vertx;
  static SimulatorVerticle sim;
  static Gateway gateway;
  static WebClient http;
  static SimGateway fixture;

  @BeforeAll
  static void start(Vertx v, VertxTestContext ctx) {
    vertx = v;
    SimGateway.start(v, OPTIONS, Map.of("view.heartbeat-timeout", "600ms", "view.lost-check-interval", "100ms")).onSuccess(f -> {
      fixture = f;
      sim = f.sim;
      gateway = f.gateway;
      http = f.http;
    }).onComplete(ctx.succeedingThenComplete());
  }

  @AfterAll
  static void stop(VertxTestContext ctx) {
    fixture.stop().onComplete(ctx.succeedingThenComplete());
  }


  @Test
  void anExecutorGoesLostOnItsOwnAndRecoversWithANewIncarnation() {
    Map<String, String> firstIncarnation = new HashMap<>();
    Poll.until(vertx, Duration.ofSeconds(5), "all 8 executors", () -> executors(), a -> a.size() == 8)
        .forEach(e -> {
          String id = ((JsonObject) e).getString("executor_id");
          firstIncarnation.put(id, gateway.view().snapshot().executor(id).heartbeat().incarnation());
        });
    // Lost, then healthy again as a restarted process (a new incarnation, not just a late heartbeat).
    JsonObject recovered = Poll.until(vertx, Duration.ofSeconds(20), "an executor lost and restarted",
        () -> executors().stream().map(JsonObject.class::cast)
            .filter(e -> e.getInteger("lost_count") >= 1 && "healthy".equals(e.getString("state")))
            .filter(e -> !firstIncarnation.get(e.getString("executor_id"))
                .equals(gateway.view().snapshot().executor(e.getString("executor_id")).heartbeat().incarnation()))
            .findFirst().orElse(null), e -> true);
    assertTrue(recovered.getInteger("lost_count") >= 1, recovered.encode());
    assertTrue(gateway.view().snapshot().executorLostTotal() >= 1);
  }

  private static JsonArray executors() {
    return http.get("/api/v1/executors").send().await().bodyAsJsonObject().getJsonArray("executors");
  }
}
