package krishiv.gateway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import krishiv.gateway.Gateway;
import krishiv.gateway.bus.BusAddresses;
import krishiv.gateway.bus.message.CheckpointInfo;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.TaskInfo;
import krishiv.gateway.view.JobEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The simulator driving a real gateway (one for the class): control operations show up in the REST API, and the
 * coordinator commands are answered over the bus as docs/bus-protocol.md specifies. The gateway's heartbeat
 * timeout is 600 ms; executors heartbeat every 100 ms; random task failures and automatic outages are off so
 * that every retry or loss the tests see is one they caused.
 */
@ExtendWith(VertxExtension.class)
class SimulatorGatewayTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  static final SimOptions OPTIONS = SimOptions.defaults().withHeartbeatInterval(Duration.ofMillis(100))
      .withTuning(SimTuning.defaults().withStepInterval(Duration.ofMillis(50)).withTaskFailureRate(0)
          .withOutages(Duration.ofSeconds(15), Duration.ZERO).withExecutorTimeout(Duration.ofSeconds(1)));

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
  void stoppedExecutorBecomesLostAndHealthyAgainWithANewIncarnation() {
    String id = "exec-0003";
    Poll.until(vertx, WAIT, id + " healthy", () -> executor(id), e -> "healthy".equals(e.getString("state")));
    String before = gateway.view().snapshot().executor(id).heartbeat().incarnation();
    control(SimControl.request(SimControl.PAUSE_EXECUTOR).put("executor_id", id));
    JsonObject lost = Poll.until(vertx, WAIT, id + " lost", () -> executor(id),
        e -> "lost".equals(e.getString("state")));
    assertEquals(1, lost.getInteger("lost_count"));
    assertTrue(lost.getLong("heartbeat_age_ms") > 600, lost.encode());

    String incarnation = control(SimControl.request(SimControl.RESTART_EXECUTOR).put("executor_id", id))
        .getString("incarnation");
    assertNotEquals(before, incarnation);
    JsonObject back = Poll.until(vertx, WAIT, id + " healthy again", () -> executor(id),
        e -> "healthy".equals(e.getString("state")));
    assertEquals(1, back.getInteger("lost_count"));
    assertEquals(incarnation, gateway.view().snapshot().executor(id).heartbeat().incarnation());
  }

  @Test
  void failedTaskShowsARetryInTheJob() {
    // {stage, task, attempt, failure count} of a running task; other tests may have retried it already. A
    // streaming task, so that it cannot finish between this read and the control request.
    int[] found = new int[4];
    String jobId = sim.onCluster(c -> c.jobs().stream().filter(VirtualCluster::isRunningStreaming)
        .filter(j -> VirtualCluster.activeTask(j).isPresent()).findFirst().map(j -> {
          int[] st = VirtualCluster.activeTask(j).orElseThrow();
          TaskInfo t = VirtualCluster.task(j, st[0], st[1]);
          found[0] = st[0];
          found[1] = st[1];
          found[2] = t.attempt();
          found[3] = t.failureCount();
          return j.jobId();
        }).orElseThrow()).await();
    control(SimControl.request(SimControl.FAIL_TASK).put("job_id", jobId).put("stage_id", found[0])
        .put("task_id", found[1]));
    JsonObject task = Poll.until(vertx, WAIT, "a retry of " + jobId + " " + found[0] + "/" + found[1],
        () -> taskOf(jobId, found[0], found[1]), t -> t.getInteger("failure_count") > found[3]);
    assertEquals(found[2] + 1, task.getInteger("attempt"));
    assertEquals(found[3] + 1, task.getInteger("failure_count"));
    assertTrue(task.getInteger("attempt") >= 1);
    assertEquals("failed on request (simulator control)", task.getString("failure_reason_display"));
  }

  @Test
  void savepointCommandMakesTheNextCheckpointASavepoint() {
    String jobId = runningStreamingJob();
    JsonObject reply = command(new JsonObject().put("op", "savepoint").put("job_id", jobId)
        .put("label", "before-upgrade"));
    assertEquals(jobId, reply.getString("job_id"));
    assertEquals("before-upgrade", reply.getString("label"));
    long epoch = reply.getLong("epoch");
    assertTrue(epoch >= 1 && reply.getString("message") != null, reply.encode());
    CheckpointInfo cp = Poll.until(vertx, WAIT, "savepoint epoch " + epoch + " in the gateway",
        () -> checkpointInGateway(jobId), c -> c.latestEpoch() >= epoch);
    assertEquals(epoch, cp.latestEpoch(), "no other checkpoint came in between");
    assertTrue(cp.isSavepoint());
    assertEquals("before-upgrade", cp.savepointLabel());
    assertTrue(cp.epochs().stream().anyMatch(e -> e.epoch() == epoch && e.isSavepoint()
        && "before-upgrade".equals(e.savepointLabel())));
  }

  @Test
  void inspectStateListsTheOperatorSnapshotsOfTheLatestCheckpoint() {
    String jobId = runningStreamingJob();
    CheckpointInfo cp = Poll.until(vertx, WAIT, "a checkpoint of " + jobId, () -> checkpointInGateway(jobId),
        c -> true);
    String operator = cp.operatorSnapshots().keySet().iterator().next();
    JsonObject reply = command(new JsonObject().put("op", "inspect_state").put("job_id", jobId)
        .put("operator_id", operator));
    assertEquals(jobId, reply.getString("job_id"));
    assertEquals(operator, reply.getString("operator_id"));
    JsonArray snapshots = reply.getJsonArray("snapshots");
    assertTrue(!snapshots.isEmpty());
    JsonObject first = snapshots.getJsonObject(0);
    assertEquals(0, first.getInteger("task_id"));
    assertTrue(first.getString("snapshot_path").matches("s3://krishiv-sim/checkpoints/" + jobId + "/\\d+/"
        + operator + "/task-0"), first.encode());
  }

  @Test
  void cancelCommandCancelsTheJobAndAConflictIsA409() {
    String jobId = control(SimControl.request(SimControl.SUBMIT_JOB).put("kind", "batch").put("name", "to-cancel")
        .put("namespace", "etl")).getString("job_id");
    Poll.until(vertx, WAIT, jobId + " in the gateway", () -> jobSummary(jobId), s -> true);
    JsonObject reply = command(new JsonObject().put("op", "cancel").put("job_id", jobId));
    assertEquals(new JsonObject().put("job_id", jobId).put("cancelled", true), reply);
    Poll.until(vertx, WAIT, jobId + " cancelled", () -> jobSummary(jobId),
        s -> "cancelled".equals(s.getString("state")));
    assertEquals(409, commandFailure(new JsonObject().put("op", "cancel").put("job_id", jobId)));
  }

  @Test
  void unknownJobsAre404AndBadRequests400() {
    assertEquals(404, commandFailure(new JsonObject().put("op", "cancel").put("job_id", "job-99999")));
    assertEquals(404, commandFailure(new JsonObject().put("op", "savepoint").put("job_id", "job-99999")));
    assertEquals(400, commandFailure(new JsonObject().put("op", "inspect_state").put("job_id", "job-00001")));
    assertEquals(400, commandFailure(new JsonObject().put("op", "teleport")));
  }

  @Test
  void submittedJobAppearsAndFinishedJobSucceeds() {
    String jobId = control(SimControl.request(SimControl.SUBMIT_JOB).put("kind", "streaming").put("name", "demo")
        .put("namespace", "ml").put("priority", 7).put("stages", 2).put("tasks_per_stage", 3)).getString("job_id");
    JsonObject summary = Poll.until(vertx, WAIT, jobId + " in the gateway", () -> jobSummary(jobId), s -> true);
    assertEquals("streaming", summary.getString("kind"));
    assertEquals("ml", summary.getString("namespace_id"));
    assertEquals(6, summary.getInteger("task_count"));
    control(SimControl.request(SimControl.FINISH_JOB).put("job_id", jobId));
    Poll.until(vertx, WAIT, jobId + " succeeded", () -> jobSummary(jobId),
        s -> "succeeded".equals(s.getString("state")));
  }

  @Test
  void removedExecutorIsReportedRemoved() {
    String id = "exec-0008";
    control(SimControl.request(SimControl.REMOVE_EXECUTOR).put("executor_id", id));
    Poll.until(vertx, WAIT, id + " removed", () -> executor(id), e -> "removed".equals(e.getString("state")));
    assertEquals(409, controlFailure(SimControl.request(SimControl.RESTART_EXECUTOR).put("executor_id", id)));
  }

  // ---------------------------------------------------------------- helpers

  private static String runningStreamingJob() {
    return sim.onCluster(c -> c.jobs().stream().filter(VirtualCluster::isRunningStreaming).map(JobInfo::jobId)
        .findFirst().orElseThrow()).await();
  }

  private static CheckpointInfo checkpointInGateway(String jobId) {
    JobEntry e = gateway.view().snapshot().job(jobId);
    return e == null ? null : e.job().checkpoint();
  }

  private static JsonObject executor(String id) {
    HttpResponse<Buffer> r = http.get("/api/v1/executors/" + id).send().await();
    return r.statusCode() == 200 ? r.bodyAsJsonObject().getJsonObject("executor") : null;
  }

  private static JsonObject jobDetail(String jobId) {
    HttpResponse<Buffer> r = http.get("/api/v1/jobs/" + jobId).send().await();
    return r.statusCode() == 200 ? r.bodyAsJsonObject().getJsonObject("job") : null;
  }

  private static JsonObject jobSummary(String jobId) {
    JsonObject job = jobDetail(jobId);
    return job == null ? null : job.getJsonObject("summary");
  }

  private static JsonObject taskOf(String jobId, int stageId, int taskId) {
    JsonObject job = jobDetail(jobId);
    if (job == null) {
      return null;
    }
    for (Object s : job.getJsonArray("stages")) {
      JsonObject stage = (JsonObject) s;
      if (stage.getInteger("stage_id") == stageId) {
        return stage.getJsonArray("tasks").getJsonObject(taskId);
      }
    }
    return null;
  }

  private static JsonObject control(JsonObject request) {
    return vertx.eventBus().<JsonObject>request(SimControl.ADDRESS, request, timeout()).await().body();
  }

  private static JsonObject command(JsonObject request) {
    return vertx.eventBus().<JsonObject>request(BusAddresses.COORDINATOR_COMMANDS, request.put("v", 1), timeout())
        .await().body();
  }

  private static int commandFailure(JsonObject request) {
    return failureCode(() -> command(request));
  }

  private static int controlFailure(JsonObject request) {
    return failureCode(() -> control(request));
  }

  private static int failureCode(Runnable call) {
    Throwable t = assertThrows(Throwable.class, call::run);
    Throwable cause = t instanceof CompletionException ? t.getCause() : t;
    assertTrue(cause instanceof ReplyException, "not a ReplyException: " + t);
    return ((ReplyException) cause).failureCode();
  }

  private static DeliveryOptions timeout() {
    return new DeliveryOptions().setSendTimeout(5_000);
  }
}
