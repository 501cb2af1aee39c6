package krishiv.gateway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import krishiv.gateway.Gateway;
import krishiv.gateway.bus.message.JobInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST lists agree with the simulator's own state. The cluster churns at 5x speed for a moment (jobs finish,
 * tasks fail and retry), then it is frozen so the comparison is stable, and the test polls until the gateway's
 * snapshot has caught up with the full snapshot that freezing publishes.
 */
@ExtendWith(VertxExtension.class)
class SimulatorRestAgreementTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  static final SimOptions OPTIONS = SimOptions.defaults().withExecutors(12).withTimeScale(5)
      .withHeartbeatInterval(Duration.ofMillis(500))
      .withTuning(SimTuning.defaults().withStepInterval(Duration.ofMillis(50)).withJobRetention(Duration.ofSeconds(5)));

  static Vertx vertx;
  static SimulatorVerticle sim;
  static Gateway gateway;
  static WebClient http;
  static SimGateway fixture;

  @BeforeAll
  static void start(Vertx v, VertxTestContext ctx) {
    vertx = v;
    SimGateway.start(v, OPTIONS, Map.of()).onSuccess(f -> {
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
  void jobAndExecutorListsMatchTheFrozenSimulator() {
    // Let it churn until some job finished, so the comparison covers more than the starting state.
    Poll.until(vertx, WAIT, "a finished job", () -> sim.onCluster(c -> c.jobs().stream().anyMatch(JobInfo::isTerminal))
        .await(), done -> done);
    vertx.eventBus().request(SimControl.ADDRESS, SimControl.request(SimControl.FREEZE).put("frozen", true),
        new DeliveryOptions().setSendTimeout(5_000)).await();

    Map<String, String> expectedJobs = sim.onCluster(c -> statesOf(c.jobs())).await();
    Map<String, String> listedJobs = Poll.until(vertx, WAIT, "the gateway to list " + expectedJobs,
        SimulatorRestAgreementTest::listedJobs, expectedJobs::equals);
    assertEquals(expectedJobs, listedJobs);
    assertTrue(expectedJobs.size() >= 3, "jobs: " + expectedJobs);

    List<String> expectedExecutors = sim.onCluster(SimulatedCluster::executorIds).await();
    JsonObject executors = http.get("/api/v1/executors").send().await().bodyAsJsonObject();
    assertEquals(expectedExecutors.size(), executors.getInteger("total"));
    assertEquals(expectedExecutors, executors.getJsonArray("executors").stream()
        .map(e -> ((JsonObject) e).getString("executor_id")).toList());
  }

  private static Map<String, String> statesOf(List<JobInfo> jobs) {
    Map<String, String> out = new TreeMap<>();
    jobs.forEach(j -> out.put(j.jobId(), j.state()));
    return out;
  }

  private static Map<String, String> listedJobs() {
    JsonObject page = http.get("/api/v1/jobs?limit=1000").send().await().bodyAsJsonObject();
    Map<String, String> out = new TreeMap<>();
    page.getJsonArray("jobs").forEach(j -> out.put(((JsonObject) j).getString("job_id"),
        ((JsonObject) j).getString("state")));
    assertEquals(out.size(), page.getInteger("total"));
    return out;
  }
}
