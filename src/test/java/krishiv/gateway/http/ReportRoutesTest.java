package krishiv.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import krishiv.gateway.Gateway;
import krishiv.gateway.agent.ExecutorAgent;
import krishiv.gateway.agent.ExecutorStatus;
import krishiv.gateway.bus.message.CheckpointEpoch;
import krishiv.gateway.bus.message.CheckpointInfo;
import krishiv.gateway.bus.message.ConnectorInfo;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.StreamingInfo;
import krishiv.gateway.config.GatewayConfig;
import krishiv.gateway.testing.Await;
import krishiv.gateway.testing.ContractValidator;
import krishiv.gateway.testing.FakeCoordinator;
import krishiv.gateway.testing.TestJobs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Diagnose, cluster report, system, checkpoints, queues, history and per-check readiness. */
@ExtendWith(VertxExtension.class)
class ReportRoutesTest {
  static Gateway gateway;
  static WebClient http;
  static FakeCoordinator coordinator;
  static ExecutorAgent agent;

  static JobInfo streaming(String id) {
    JobInfo base = TestJobs.job(id, "running", 5, 2, "running");
    CheckpointInfo cp = new CheckpointInfo(3, 7, 1_000L, Map.of("kafka-0", 42L), Map.of("agg", "s3://b/3/agg"),
        true, "pre-upgrade", null, Map.of("t-0", 42L), List.of(new CheckpointEpoch(2, 900, false, null),
        new CheckpointEpoch(3, 1_000, true, "pre-upgrade")));
    return new JobInfo(id, "stream " + id, "streaming", "running", 3, "analytics", 5, null, 77, base.resourceUsage(),
        base.stages(), base.shuffle(), cp, new StreamingInfo(500L, Map.of("kafka-0", 500L), Map.of("kafka-0", 9L),
        1234, 10, 2048), new ConnectorInfo(10, 100, 9, 90, 9, 3L));
  }

  @BeforeAll
  static void start(Vertx vertx) {
    coordinator = new FakeCoordinator(vertx).withJobs(List.of(streaming("job-s"),
        TestJobs.job("job-b", "running", 4, 1, "running"), TestJobs.job("job-done", "succeeded", 1, 1, "succeeded")));
    coordinator.start().await();
    gateway = Gateway.start(vertx, GatewayConfig.defaults().with(Map.of("http.port", "0"))).await();
    http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(gateway.port()));
    agent = ExecutorAgent.onEventBus(vertx, Duration.ofSeconds(5));
    agent.register("exec-0", () -> ExecutorStatus.idle("h0", 4, 8, 1L << 30));
    Await.until("view", Duration.ofSeconds(10), () -> gateway.view().snapshot().jobs().size() == 3
        && gateway.view().snapshot().executorCount() == 1);
  }

  @AfterAll
  static void stop() {
    http.close();
    gateway.stop().await();
    coordinator.stop().await();
  }

  static HttpResponse<Buffer> get(String uri) {
    return ContractValidator.get().assertValid("GET", uri, http.get(uri).send().await());
  }

  @Test
  void diagnoseFillsEverySubStructureFromTheView() {
    JsonObject r = get("/api/v1/jobs/job-s/diagnose").bodyAsJsonObject();
    assertEquals("job-s", r.getJsonObject("job").getString("job_id"));
    assertEquals("streaming", r.getJsonObject("job").getString("job_kind"));
    assertEquals(FakeCoordinator.ID, r.getString("coordinator_id"));
    assertEquals(3, r.getJsonObject("checkpoint").getInteger("latest_epoch"));
    assertEquals("pre-upgrade", r.getJsonObject("checkpoint").getString("savepoint_label"));
    assertEquals(1234, r.getJsonObject("streaming_state").getInteger("total_rows_emitted"));
    assertEquals(3, r.getJsonObject("connector_metrics").getInteger("sink_commit_epoch"));
    assertEquals(2, r.getJsonArray("stages").getJsonObject(0).getJsonObject("task_counts").getInteger("running"));
    assertTrue(r.getString("generated_at").endsWith("Z"));
    JsonObject batch = get("/api/v1/jobs/job-b/diagnose").bodyAsJsonObject();
    assertTrue(batch.containsKey("checkpoint") && batch.getValue("checkpoint") == null, "absent optionals are null");
    assertEquals(404, get("/api/v1/jobs/nope/diagnose").statusCode());
  }

  @Test
  void checkpointsListTheEpochs() {
    JsonObject r = get("/api/v1/jobs/job-s/checkpoints").bodyAsJsonObject();
    assertEquals(3, r.getInteger("latest_epoch"));
    assertEquals(2, r.getJsonArray("epochs").size());
    assertTrue(r.getJsonArray("epochs").getJsonObject(1).getBoolean("is_savepoint"));
    JsonObject none = get("/api/v1/jobs/job-b/checkpoints").bodyAsJsonObject();
    assertNull(none.getValue("latest_epoch"));
    assertEquals(404, get("/api/v1/jobs/nope/checkpoints").statusCode());
  }

  @Test
  void clusterReportHasEveryJobExecutorAndTotals() {
    JsonObject r = get("/api/v1/report").bodyAsJsonObject();
    assertEquals(3, r.getJsonArray("jobs").size());
    assertEquals(1, r.getJsonArray("executors").size());
    assertEquals(1, r.getJsonObject("totals").getJsonObject("streaming").getInteger("job_count"));
    assertEquals(1, r.getJsonObject("totals").getJsonObject("checkpoints").getInteger("savepoint_count"));
    assertTrue(r.getJsonArray("recent_events").size() >= 1, "at least the executor's registration");
  }

  @Test
  void clusterStatusCountsWhatTheGatewaySees() {
    JsonObject r = get("/api/v1/cluster").bodyAsJsonObject();
    assertEquals(gateway.view().epoch(), r.getJsonObject("gateway").getString("epoch"));
    assertEquals(true, r.getJsonObject("gateway").getBoolean("ready"));
    assertEquals(FakeCoordinator.ID, r.getJsonObject("coordinator").getString("id"));
    assertEquals(1, r.getJsonObject("executors").getJsonObject("by_state").getInteger("healthy"));
    assertEquals(4, r.getJsonObject("executors").getInteger("slots_total"));
    assertEquals(3, r.getJsonObject("jobs").getInteger("total"));
    assertEquals(2, r.getJsonObject("jobs").getJsonObject("by_state").getInteger("running"));
  }

  @Test
  void systemDescribesThisProcess() {
    JsonObject r = get("/api/v1/system").bodyAsJsonObject();
    assertEquals(ProcessHandle.current().pid(), r.getLong("pid"));
    assertTrue(r.getInteger("cpu_cores") >= 1);
  }

  @Test
  void queuesAndHistory() {
    JsonObject q = get("/api/v1/queues").bodyAsJsonObject();
    assertNull(q.getJsonArray("namespaces").getJsonObject(0).getValue("namespace_id"), "the default namespace first");
    JsonObject h = get("/api/v1/history").bodyAsJsonObject();
    assertEquals(1, h.getInteger("total"));
    assertEquals("succeeded", h.getJsonArray("records").getJsonObject(0).getString("final_state"));
    assertEquals("job-done", get("/api/v1/history/job-done").bodyAsJsonObject().getJsonObject("record")
        .getString("job_id"));
    assertEquals(404, get("/api/v1/history/job-b").statusCode(), "a running job is not history");
    assertEquals(400, get("/api/v1/history?limit=0").statusCode());
  }

  @Test
  void readinessChecksOneByOne() {
    assertEquals("ok", get("/readyz/view").bodyAsJsonObject().getString("status"));
    assertEquals(404, get("/readyz/nonsense").statusCode());
    JsonObject executors = get("/readyz/executors").bodyAsJsonObject();
    assertEquals(false, executors.getBoolean("gating"), "informational unless configured");
  }
}
