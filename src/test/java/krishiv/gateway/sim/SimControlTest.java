package krishiv.gateway.sim;

import static krishiv.gateway.sim.CoordinatorCommandsTest.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import krishiv.gateway.bus.BusAddresses;
import krishiv.gateway.bus.message.Heartbeat;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.JobsMessage;
import krishiv.gateway.bus.message.TaskInfo;
import org.junit.jupiter.api.Test;

/** The control surface ({@link SimControl}) on a virtual clock: each op and its refusals. */
class SimControlTest {
  private final VirtualCluster sim = new VirtualCluster(SimOptions.defaults().withTuning(SimTuning.defaults()
      .withTaskFailureRate(0).withOutages(Duration.ofSeconds(15), Duration.ZERO)));

  private JsonObject control(String op, Object... fields) {
    JsonObject request = SimControl.request(op);
    for (int i = 0; i < fields.length; i += 2) {
      request.put((String) fields[i], fields[i + 1]);
    }
    return sim.control.handle(request);
  }

  private List<Heartbeat> heartbeatsOf(String executorId, int fromMessage) {
    return sim.published.messages.subList(fromMessage, sim.published.messages.size()).stream()
        .filter(c -> c.address().equals(BusAddresses.EXECUTOR_HEARTBEAT)).map(c -> Heartbeat.fromJson(c.body()))
        .filter(h -> h.executorId().equals(executorId)).toList();
  }

  @Test
  void pausedExecutorFallsSilentAndItsTasksAreRescheduledAfterTheCoordinatorsTimeout() {
    String id = busiestExecutor();
    int mark = sim.published.messages.size();
    assertEquals(true, control(SimControl.PAUSE_EXECUTOR, "executor_id", id).getBoolean("ok"));
    sim.advance(5_000);
    assertEquals(List.of(), heartbeatsOf(id, mark));
    assertTrue(runningOn(id) > 0, "its tasks are stuck, not moved, before the timeout");
    sim.advance(5_000); // past the coordinator's 9 s executor timeout
    assertEquals(0, runningOn(id));
    assertTrue(sim.cluster.jobs().stream().flatMap(j -> j.stages().stream()).flatMap(s -> s.tasks().stream())
        .anyMatch(t -> t.lastFailureReason() != null && t.lastFailureReason().contains(id + " lost")));
  }

  @Test
  void resumeKeepsTheIncarnationAndRestartMakesANewOne() {
    String id = sim.cluster.executorIds().get(2);
    String before = incarnation(id);
    control(SimControl.PAUSE_EXECUTOR, "executor_id", id);
    sim.advance(2_000);
    int mark = sim.published.messages.size();
    control(SimControl.RESUME_EXECUTOR, "executor_id", id);
    assertEquals(before, heartbeatsOf(id, mark).get(0).incarnation());
    JsonObject restarted = control(SimControl.RESTART_EXECUTOR, "executor_id", id);
    assertNotEquals(before, restarted.getString("incarnation"));
    assertEquals(restarted.getString("incarnation"), heartbeatsOf(id, mark).get(1).incarnation());
    assertEquals(1, heartbeatsOf(id, mark).get(1).seq());
    assertCode(409, () -> control(SimControl.RESUME_EXECUTOR, "executor_id", id));
  }

  @Test
  void removedExecutorSaysGoodbyeAndLeavesTheCluster() {
    String id = busiestExecutor();
    int mark = sim.published.messages.size();
    control(SimControl.REMOVE_EXECUTOR, "executor_id", id);
    List<Heartbeat> last = heartbeatsOf(id, mark);
    assertEquals("removed", last.get(last.size() - 1).state());
    assertEquals(List.of(), last.get(last.size() - 1).runningTasks());
    assertTrue(!sim.cluster.executorIds().contains(id));
    assertEquals(0, runningOn(id));
    assertCode(409, () -> control(SimControl.PAUSE_EXECUTOR, "executor_id", id));
    assertCode(404, () -> control(SimControl.PAUSE_EXECUTOR, "executor_id", "exec-9999"));
  }

  @Test
  void failedTaskIsRetriedWithTheNextAttempt() {
    JobInfo job = sim.firstJob(j -> "running".equals(j.state()) && VirtualCluster.activeTask(j).isPresent())
        .orElseThrow();
    int[] st = VirtualCluster.activeTask(job).orElseThrow();
    int mark = sim.published.messages.size();
    control(SimControl.FAIL_TASK, "job_id", job.jobId(), "stage_id", st[0], "task_id", st[1]);
    TaskInfo failed = VirtualCluster.task(sim.cluster.job(job.jobId()), st[0], st[1]);
    assertEquals("retrying", failed.state());
    assertEquals(1, failed.attempt());
    assertEquals(1, failed.failureCount());
    // published at once, not at the next step
    JobsMessage m = JobsMessage.fromJson(sim.published.messages.get(mark).body());
    assertEquals(failed, VirtualCluster.task(m.jobs().get(0), st[0], st[1]));
    assertTrue(sim.advanceUntil(5_000, c -> VirtualCluster.task(c.job(job.jobId()), st[0], st[1]).executorId() != null));
    assertEquals(1, VirtualCluster.task(sim.cluster.job(job.jobId()), st[0], st[1]).attempt());
    assertCode(404, () -> control(SimControl.FAIL_TASK, "job_id", job.jobId(), "stage_id", 99, "task_id", 0));
    assertCode(400, () -> control(SimControl.FAIL_TASK, "job_id", job.jobId(), "stage_id", "x", "task_id", 0));
  }

  @Test
  void finishAndCancelEndJobs() {
    JobInfo a = sim.firstJob(j -> "running".equals(j.state())).orElseThrow();
    control(SimControl.FINISH_JOB, "job_id", a.jobId());
    assertEquals("succeeded", sim.cluster.job(a.jobId()).state());
    assertCode(409, () -> control(SimControl.CANCEL_JOB, "job_id", a.jobId()));
    JobInfo b = sim.firstJob(j -> !j.isTerminal()).orElseThrow();
    control(SimControl.CANCEL_JOB, "job_id", b.jobId());
    assertEquals("cancelled", sim.cluster.job(b.jobId()).state());
    assertCode(404, () -> control(SimControl.FINISH_JOB, "job_id", "job-nope"));
  }

  @Test
  void submittedJobHasTheRequestedShapeAndRuns() {
    String id = control(SimControl.SUBMIT_JOB, "kind", "batch", "name", "nightly-report", "namespace", "finance",
        "priority", 9, "stages", 3, "tasks_per_stage", 2).getString("job_id");
    JobInfo job = sim.cluster.job(id);
    assertEquals("nightly-report", job.jobName());
    assertEquals("finance", job.namespaceId());
    assertEquals(9, job.priority());
    assertEquals("queued", job.state());
    assertEquals(3, job.stages().size());
    assertEquals(List.of(0, 1), job.stages().get(2).upstreamStageIds());
    assertTrue(job.stages().stream().allMatch(s -> s.tasks().size() == 2));
    assertTrue(sim.advanceUntil(60_000, c -> c.job(id).isTerminal()));
    assertEquals("succeeded", sim.cluster.job(id).state());
    assertCode(400, () -> control(SimControl.SUBMIT_JOB, "kind", "interactive"));
    assertCode(400, () -> control(SimControl.SUBMIT_JOB, "kind", "batch", "stages", 0));
  }

  @Test
  void freezeStopsTheChurnButNotTheHeartbeats() {
    control(SimControl.FREEZE, "frozen", true);
    List<JobInfo> frozen = sim.cluster.jobs();
    int mark = sim.published.messages.size();
    sim.advance(20_000);
    assertEquals(frozen, sim.cluster.jobs());
    assertTrue(sim.published.messages.subList(mark, sim.published.messages.size()).stream()
        .filter(c -> c.address().equals(BusAddresses.COORDINATOR_JOBS))
        .allMatch(c -> c.body().getBoolean("full")), "only periodic full snapshots while frozen");
    assertTrue(heartbeatsOf(sim.cluster.executorIds().get(0), mark).size() >= 19);
    control(SimControl.FREEZE, "frozen", false);
    sim.advance(5_000);
    assertNotEquals(frozen, sim.cluster.jobs());
  }

  @Test
  void describeListsExecutorsAndJobs() {
    JsonObject d = control(SimControl.DESCRIBE);
    assertEquals(8, d.getJsonArray("executors").size());
    assertEquals(sim.cluster.jobs().size(), d.getJsonArray("jobs").size());
    assertEquals("up", d.getJsonArray("executors").getJsonObject(0).getString("presence"));
    assertCode(400, () -> control("explode"));
  }

  private String busiestExecutor() {
    return sim.cluster.executors().stream().max((a, b) -> Integer.compare(a.runningTasks(), b.runningTasks()))
        .orElseThrow().executorId();
  }

  private long runningOn(String executorId) {
    return sim.cluster.jobs().stream().flatMap(j -> j.stages().stream()).flatMap(s -> s.tasks().stream())
        .filter(t -> executorId.equals(t.executorId())).count();
  }

  private String incarnation(String executorId) {
    return sim.cluster.executors().stream().filter(e -> e.executorId().equals(executorId)).findFirst().orElseThrow()
        .incarnation();
  }
}
