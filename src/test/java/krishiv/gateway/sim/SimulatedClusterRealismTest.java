package krishiv.gateway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import krishiv.gateway.bus.BusAddresses;
import krishiv.gateway.bus.JsonFields;
import krishiv.gateway.bus.message.CheckpointEpoch;
import krishiv.gateway.bus.message.CoordinatorStatus;
import krishiv.gateway.bus.message.EventMessage;
import krishiv.gateway.bus.message.Heartbeat;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.JobsMessage;
import krishiv.gateway.bus.message.QueuesMessage;
import krishiv.gateway.bus.message.RunningTask;
import krishiv.gateway.bus.message.StageInfo;
import krishiv.gateway.bus.message.TaskInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The realism guarantee of docs/simulator.md, checked on the published messages alone (parsed with the bus
 * records' validators): with the default options and seed 42, within the simulated time {@code T} the cluster
 * shows several namespaces, both job kinds, a retried task, an executor silent for longer than the gateway's
 * heartbeat timeout and back with a new incarnation, and advancing checkpoint epochs. The clock is virtual
 * (100 ms steps); the two settings are the ones local mode runs: real time, and ten times faster (heartbeats
 * and the gateway's 9 s timeout stay wall-clock, so automatic outages are lengthened as local mode does).
 */
class SimulatedClusterRealismTest {
  static final long SEED = 42;
  static final long STEP_MS = 100;
  /** The gateway's heartbeat timeout in local mode with 1 s heartbeats (wall clock): 9 missed heartbeats. */
  static final long LOCAL_HEARTBEAT_TIMEOUT_MS = 9_000;

  /** --time-scale 1: 120 simulated seconds = 2 minutes. */
  @Nested
  class RealTime extends Checks {
    RealTime() {
      super(1, 120_000);
    }
  }

  /** --time-scale 10: 600 simulated seconds = 1 minute of wall time. */
  @Nested
  class TenTimesFaster extends Checks {
    TenTimesFaster() {
      super(10, 600_000);
    }
  }

  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  abstract static class Checks {
    final double timeScale;
    final long simulatedMs;
    /** The gateway's timeout in simulated time at this scale. */
    final long timeoutSimMs;
    CapturingPublisher published;
    List<JobInfo> jobUpdates;
    List<Heartbeat> heartbeats;

    Checks(double timeScale, long simulatedMs) {
      this.timeScale = timeScale;
      this.simulatedMs = simulatedMs;
      this.timeoutSimMs = (long) (LOCAL_HEARTBEAT_TIMEOUT_MS * timeScale);
    }

    @BeforeAll
    void run() {
      SimTuning tuning = SimTuning.defaults();
      long outageMs = Math.max(tuning.outageDuration().toMillis(), timeoutSimMs * 3 / 2 + 1); // as LocalCommand
      SimOptions options = SimOptions.defaults().withSeed(SEED).withTimeScale(timeScale)
          .withTuning(tuning.withOutages(Duration.ofMillis(outageMs), tuning.meanTimeBetweenOutages()));
      published = new CapturingPublisher();
      SimulatedCluster cluster = new SimulatedCluster(options, published, 0);
      for (long t = 0; t <= simulatedMs; t += STEP_MS) {
        cluster.step(t);
      }
      jobUpdates = new ArrayList<>();
      published.parsed(BusAddresses.COORDINATOR_JOBS, JobsMessage::fromJson).forEach(m -> jobUpdates.addAll(m.jobs()));
      heartbeats = published.parsed(BusAddresses.EXECUTOR_HEARTBEAT, Heartbeat::fromJson);
    }

    @Test
    void everyMessagePassesTheGatewaysValidators() {
      for (CapturingPublisher.Captured c : published.messages) {
        JsonObject body = JsonFields.envelope(c.body(), 1024 * 1024); // v:1, under the default 1 MiB limit
        switch (c.address()) {
          case BusAddresses.EXECUTOR_HEARTBEAT: Heartbeat.fromJson(body); break;
          case BusAddresses.COORDINATOR_JOBS: JobsMessage.fromJson(body); break;
          case BusAddresses.COORDINATOR_QUEUES: QueuesMessage.fromJson(body); break;
          case BusAddresses.COORDINATOR_STATUS: CoordinatorStatus.fromJson(body); break;
          case BusAddresses.COORDINATOR_EVENTS: EventMessage.fromJson(body); break;
          default: throw new AssertionError("unexpected address " + c.address());
        }
      }
    }

    @Test
    void showsSeveralNamespacesAndBothJobKinds() {
      Set<String> namespaces = new HashSet<>();
      Set<String> kinds = new HashSet<>();
      for (JobInfo j : jobUpdates) {
        namespaces.add(j.namespaceId() == null ? "default" : j.namespaceId());
        kinds.add(j.kind());
      }
      assertTrue(namespaces.size() >= 2, "namespaces: " + namespaces);
      assertEquals(Set.of("batch", "streaming"), kinds);
    }

    @Test
    void aFailedTaskIsRetriedWithTheNextAttempt() {
      Map<String, TaskInfo> failed = new HashMap<>();
      boolean retried = false;
      for (JobInfo j : jobUpdates) {
        for (StageInfo s : j.stages()) {
          for (TaskInfo t : s.tasks()) {
            String key = j.jobId() + "/" + s.stageId() + "/" + t.taskId();
            if ("retrying".equals(t.state())) {
              assertTrue(t.attempt() >= 1 && t.failureCount() >= 1 && t.lastFailureReason() != null, key + ": " + t);
              failed.putIfAbsent(key, t);
            } else if (failed.containsKey(key) && ("assigned".equals(t.state()) || "running".equals(t.state()))
                && t.attempt() >= failed.get(key).attempt()) {
              retried = true;
            }
          }
        }
      }
      assertTrue(retried, "no task was assigned again after a failed attempt; retrying: " + failed.keySet());
    }

    @Test
    void anExecutorIsSilentLongerThanTheHeartbeatTimeoutAndComesBackWithANewIncarnation() {
      Map<String, Heartbeat> last = new HashMap<>();
      List<String> recovered = new ArrayList<>();
      for (Heartbeat hb : heartbeats) {
        Heartbeat before = last.put(hb.executorId(), hb);
        if (before != null && hb.sentAtMs() - before.sentAtMs() > timeoutSimMs
            && !hb.incarnation().equals(before.incarnation())) {
          recovered.add(hb.executorId() + " silent " + (hb.sentAtMs() - before.sentAtMs()) + " ms");
        }
      }
      assertTrue(!recovered.isEmpty(), "no executor was lost and recovered");
    }

    @Test
    void checkpointEpochsAdvanceWithOperatorSnapshots() {
      Map<String, List<Long>> epochsByJob = new LinkedHashMap<>();
      for (JobInfo j : jobUpdates) {
        if (j.checkpoint() == null) {
          continue;
        }
        List<Long> seen = epochsByJob.computeIfAbsent(j.jobId(), k -> new ArrayList<>());
        long epoch = j.checkpoint().latestEpoch();
        if (seen.isEmpty() || seen.get(seen.size() - 1) != epoch) {
          assertTrue(seen.isEmpty() || epoch > seen.get(seen.size() - 1), "epochs go back in " + j.jobId() + ": " + seen);
          seen.add(epoch);
        }
        for (Map.Entry<String, String> e : j.checkpoint().operatorSnapshots().entrySet()) {
          assertEquals("s3://krishiv-sim/checkpoints/" + j.jobId() + "/" + epoch + "/" + e.getKey(), e.getValue());
        }
        List<CheckpointEpoch> kept = j.checkpoint().epochs();
        assertEquals(epoch, kept.get(kept.size() - 1).epoch());
      }
      assertTrue(epochsByJob.values().stream().anyMatch(l -> l.size() >= 3), "epochs: " + epochsByJob);
    }

    @Test
    void aSubmittedJobGoesThroughTheWholeLifecycle() {
      Map<String, List<String>> states = new LinkedHashMap<>();
      for (JobInfo j : jobUpdates) {
        List<String> seen = states.computeIfAbsent(j.jobId(), k -> new ArrayList<>());
        if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(j.state())) {
          seen.add(j.state());
        }
      }
      List<String> lifecycle = List.of("queued", "accepted", "planning", "running", "committing", "succeeded");
      assertTrue(states.values().contains(lifecycle), "lifecycles: " + states);
    }

    @Test
    void countersOnlyGrow() {
      Map<String, JobInfo> last = new HashMap<>();
      for (JobInfo j : jobUpdates) {
        JobInfo before = last.put(j.jobId(), j);
        if (before != null) {
          assertTrue(j.totalRows() >= before.totalRows(), j.jobId() + " total_rows");
          assertTrue(j.resourceUsage().cpuNanos() >= before.resourceUsage().cpuNanos(), j.jobId() + " cpu");
          assertTrue(j.shuffle().totalBytesWritten() >= before.shuffle().totalBytesWritten(), j.jobId() + " shuffle");
          assertTrue(j.connectors().totalRowsRead() >= before.connectors().totalRowsRead(), j.jobId() + " rows read");
        }
      }
      assertTrue(last.values().stream().anyMatch(j -> j.totalRows() > 0 && j.shuffle().totalBytesWritten() > 0));
    }

    @Test
    void finishedJobsLeaveTheFullSnapshotsAfterTheRetention() {
      List<JobsMessage> fulls = new ArrayList<>();
      published.parsed(BusAddresses.COORDINATOR_JOBS, JobsMessage::fromJson).stream().filter(JobsMessage::full)
          .forEach(fulls::add);
      Set<String> finishedEarly = new HashSet<>();
      fulls.get(fulls.size() / 2).jobs().stream().filter(JobInfo::isTerminal).forEach(j -> finishedEarly.add(j.jobId()));
      Set<String> inLast = new HashSet<>();
      fulls.get(fulls.size() - 1).jobs().forEach(j -> inLast.add(j.jobId()));
      assertTrue(!finishedEarly.isEmpty(), "no finished job in the middle snapshot");
      finishedEarly.retainAll(inLast);
      assertEquals(Set.of(), finishedEarly, "finished jobs kept past the 60 s retention");
    }

    @Test
    void coordinatorPublishesStatusEveryTwoAndAllJobsEveryTenWallClockSeconds() {
      List<CoordinatorStatus> status = published.parsed(BusAddresses.COORDINATOR_STATUS, CoordinatorStatus::fromJson);
      List<JobsMessage> fulls = new ArrayList<>();
      published.parsed(BusAddresses.COORDINATOR_JOBS, JobsMessage::fromJson).stream().filter(JobsMessage::full)
          .forEach(fulls::add);
      assertEquals((long) (simulatedMs / (2_000 * timeScale)) + 1, status.size());
      assertEquals((long) (simulatedMs / (10_000 * timeScale)) + 1, fulls.size());
      assertTrue(published.count(BusAddresses.COORDINATOR_QUEUES) >= fulls.size());
    }

    @Test
    void heartbeatsReportExactlyTheTasksTheCoordinatorAssignedToTheExecutor() {
      Map<String, JobInfo> latest = new HashMap<>();
      int compared = 0;
      for (CapturingPublisher.Captured c : published.messages) {
        if (c.address().equals(BusAddresses.COORDINATOR_JOBS)) {
          JobsMessage m = JobsMessage.fromJson(c.body());
          if (m.full()) {
            latest.clear();
          }
          m.jobs().forEach(j -> latest.put(j.jobId(), j));
        } else if (c.address().equals(BusAddresses.EXECUTOR_HEARTBEAT)) {
          Heartbeat hb = Heartbeat.fromJson(c.body());
          Set<RunningTask> expected = new HashSet<>();
          for (JobInfo j : latest.values()) {
            for (StageInfo s : j.stages()) {
              for (TaskInfo t : s.tasks()) {
                if (hb.executorId().equals(t.executorId()) && ("assigned".equals(t.state()) || "running".equals(t.state()))) {
                  expected.add(new RunningTask(j.jobId(), s.stageId(), t.taskId(), t.attempt()));
                }
              }
            }
          }
          assertEquals(expected, new HashSet<>(hb.runningTasks()), "heartbeat " + hb.seq() + " of " + hb.executorId()
              + " at " + hb.sentAtMs());
          compared++;
        }
      }
      assertEquals(heartbeats.size(), compared);
      assertTrue(compared > 100, "compared " + compared + " heartbeats");
    }
  }
}
