package krishiv.gateway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import krishiv.gateway.bus.message.CheckpointEpoch;
import krishiv.gateway.bus.message.CheckpointInfo;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.SyncReply;
import krishiv.gateway.bus.message.TaskInfo;
import org.junit.jupiter.api.Test;

/** The simulated coordinator's answers on {@code krishiv.coordinator.commands}, per docs/bus-protocol.md. */
class CoordinatorCommandsTest {
  private final VirtualCluster sim = new VirtualCluster(SimOptions.defaults().withTuning(
      SimTuning.defaults().withTaskFailureRate(0).withOutages(Duration.ofSeconds(15), Duration.ZERO)));

  @Test
  void syncAnswersStatusEveryJobAndTheQuotas() {
    SyncReply reply = SyncReply.fromJson(sim.commands.handle(sim.command("sync")));
    assertEquals(SimulatedCluster.COORDINATOR_ID, reply.coordinator().coordinatorId());
    assertTrue(reply.jobs().full());
    assertEquals(sim.cluster.jobs(), reply.jobs().jobs());
    assertEquals(4, reply.queues().namespaces().size());
  }

  @Test
  void savepointMakesTheNextCheckpointASavepointWithTheLabel() {
    JobInfo job = sim.firstJob(VirtualCluster::isRunningStreaming).orElseThrow();
    JsonObject reply = sim.commands.handle(sim.command("savepoint").put("job_id", job.jobId())
        .put("label", "before-upgrade"));
    long epoch = reply.getLong("epoch");
    assertEquals(job.jobId(), reply.getString("job_id"));
    assertEquals("before-upgrade", reply.getString("label"));
    assertTrue(reply.getString("message").contains("before-upgrade"));
    assertTrue(sim.advanceUntil(10_000, c -> c.job(job.jobId()).checkpoint() != null
        && c.job(job.jobId()).checkpoint().latestEpoch() >= epoch));
    CheckpointInfo cp = sim.cluster.job(job.jobId()).checkpoint();
    assertEquals(epoch, cp.latestEpoch());
    assertTrue(cp.isSavepoint());
    assertEquals("before-upgrade", cp.savepointLabel());
    CheckpointEpoch last = cp.epochs().get(cp.epochs().size() - 1);
    assertEquals(new CheckpointEpoch(epoch, cp.committedAtMs(), true, "before-upgrade"), last);
    sim.advance(6_000);
    CheckpointInfo next = sim.cluster.job(job.jobId()).checkpoint();
    assertTrue(next.latestEpoch() > epoch && !next.isSavepoint(), "the savepoint is taken once");
  }

  @Test
  void savepointIsRefusedForBatchUnknownAndFinishedJobs() {
    JobInfo batch = sim.firstJob(j -> "batch".equals(j.kind())).orElseThrow();
    assertCode(409, () -> sim.commands.handle(sim.command("savepoint").put("job_id", batch.jobId())));
    assertCode(404, () -> sim.commands.handle(sim.command("savepoint").put("job_id", "job-nope")));
    assertCode(400, () -> sim.commands.handle(sim.command("savepoint")));
    assertCode(400, () -> sim.commands.handle(sim.command("savepoint").put("job_id", 12)));
  }

  @Test
  void cancelStopsTheJobAndFreesItsSlots() {
    JobInfo job = sim.firstJob(j -> "running".equals(j.state())).orElseThrow();
    JsonObject reply = sim.commands.handle(sim.command("cancel").put("job_id", job.jobId()));
    assertEquals(new JsonObject().put("job_id", job.jobId()).put("cancelled", true), reply);
    JobInfo after = sim.cluster.job(job.jobId());
    assertEquals("cancelled", after.state());
    assertTrue(after.stages().stream().flatMap(s -> s.tasks().stream()).allMatch(TaskInfo::isTerminal));
    assertTrue(after.stages().stream().flatMap(s -> s.tasks().stream()).allMatch(t -> t.executorId() == null));
    assertCode(409, () -> sim.commands.handle(sim.command("cancel").put("job_id", job.jobId())));
    assertCode(404, () -> sim.commands.handle(sim.command("cancel").put("job_id", "job-nope")));
  }

  @Test
  void inspectStateListsTheSnapshotOfEveryTaskOfTheOperator() {
    JobInfo job = sim.firstJob(VirtualCluster::isRunningStreaming).orElseThrow();
    String operator = job.stages().get(0).stageName();
    assertCode(409, () -> sim.commands.handle(sim.command("inspect_state").put("job_id", job.jobId())
        .put("operator_id", operator)));
    assertTrue(sim.advanceUntil(10_000, c -> c.job(job.jobId()).checkpoint() != null));
    long epoch = sim.cluster.job(job.jobId()).checkpoint().latestEpoch();
    JsonObject reply = sim.commands.handle(sim.command("inspect_state").put("job_id", job.jobId())
        .put("operator_id", operator));
    assertEquals(job.jobId(), reply.getString("job_id"));
    assertEquals(operator, reply.getString("operator_id"));
    JsonArray snapshots = reply.getJsonArray("snapshots");
    assertEquals(job.stages().get(0).tasks().size(), snapshots.size());
    assertEquals(new JsonObject().put("task_id", 0).put("snapshot_path",
        "s3://krishiv-sim/checkpoints/" + job.jobId() + "/" + epoch + "/" + operator + "/task-0"),
        snapshots.getJsonObject(0));
    assertCode(404, () -> sim.commands.handle(sim.command("inspect_state").put("job_id", job.jobId())
        .put("operator_id", "no-such-operator")));
    assertCode(400, () -> sim.commands.handle(sim.command("inspect_state").put("job_id", job.jobId())));
  }

  @Test
  void unknownOpsAndVersionsAreBadRequests() {
    assertCode(400, () -> sim.commands.handle(sim.command("reboot")));
    assertCode(400, () -> sim.commands.handle(new JsonObject().put("v", 2).put("op", "sync")));
    assertCode(400, () -> sim.commands.handle(new JsonObject()));
  }

  static void assertCode(int code, Runnable call) {
    SimCommandException e = assertThrows(SimCommandException.class, call::run);
    assertEquals(code, e.code(), e.getMessage());
  }
}
