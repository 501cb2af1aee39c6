package krishiv.gateway.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import krishiv.gateway.bus.message.CheckpointEpoch;
import krishiv.gateway.bus.message.CheckpointInfo;
import krishiv.gateway.bus.message.Heartbeat;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.JobsMessage;
import krishiv.gateway.testing.TestJobs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The writer's monotonic cluster counters: baselines, increases, restarts, and jobs that leave. */
class ClusterCountersTest {
  ViewState state;

  @BeforeEach
  void setUp() {
    state = new ViewState("ep", new ViewLimits(10, 10, 5, 1000, 5, 1_000, 10_000, 100), new EventLog(1000), e -> { });
  }

  static Heartbeat hb(String incarnation, long seq, long spillBytes, long spillFiles, long failedAssignments) {
    return new Heartbeat("e1", incarnation, seq, "h", "healthy", 4, List.of(), 0, 0, 1, 0, 0, null, null, null, null,
        0, spillBytes, spillFiles, failedAssignments);
  }

  ClusterCounters counters(long now) {
    return state.snapshot(now).counters();
  }

  @Test
  void executorCountersAddUpIncreasesAndSurviveRestarts() {
    state.applyHeartbeat(hb("a", 1, 1000, 3, 1), 0);
    assertEquals(0, counters(0).spillBytes(), "the first heartbeat heard is the baseline");
    state.applyHeartbeat(hb("a", 2, 1500, 4, 1), 1);
    state.applyHeartbeat(hb("a", 2, 9999, 9, 9), 2); // stale: ignored
    assertEquals(500, counters(3).spillBytes());
    assertEquals(1, counters(3).spillFiles());
    state.applyHeartbeat(hb("b", 1, 200, 1, 2), 4); // restarted: counts from 0 again
    ClusterCounters c = counters(5);
    assertEquals(700, c.spillBytes());
    assertEquals(2, c.spillFiles());
    assertEquals(2, c.failedAssignments());
    state.applyHeartbeat(hb("b", 2, 100, 1, 2), 6); // went down without a restart: a reset, counted from 0
    assertEquals(800, counters(7).spillBytes(), "never decreases");
  }

  @Test
  void jobCountersStartAtTheFirstSyncAndOutliveTheJobs() {
    JobInfo a = TestJobs.job("a", "running", 1, 2, "running");
    state.applyJobs(new JobsMessage("c", true, 0, List.of(a)), 0);
    assertEquals(ClusterCounters.ZERO, counters(0), "the cold sync is the baseline");

    JobInfo retried = TestJobs.withTasks(a, List.of(TestJobs.task(0, "succeeded", "x", 0, 0),
        TestJobs.task(1, "retrying", "x", 2, 2)));
    state.applyJobs(new JobsMessage("c", false, 1, List.of(retried)), 1);
    ClusterCounters c = counters(1);
    assertEquals(1, c.tasksSucceeded());
    assertEquals(1, c.tasksFailed());
    assertEquals(2, c.taskRetries());

    JobInfo b = TestJobs.job("b", "running", 2, 1, "succeeded"); // new while warm: counts in full
    state.applyJobs(new JobsMessage("c", false, 2, List.of(b)), 2);
    assertEquals(2, counters(2).tasksSucceeded());
    assertEquals(1024, counters(2).shuffleBytesWritten());

    state.applyJobs(new JobsMessage("c", true, 3, List.of()), 3); // both jobs leave the view
    c = counters(3);
    assertEquals(2, c.tasksSucceeded());
    assertEquals(2, c.taskRetries());
    assertEquals(1024, c.shuffleBytesWritten());
  }

  @Test
  void newCheckpointEpochsWithADurationAreObservedOnce() {
    JobInfo j = TestJobs.job("s", "running", 1, 1, "running");
    state.applyJobs(new JobsMessage("c", true, 0, List.of(withEpochs(j, 2, epoch(1, 40L), epoch(2, 80L)))), 0);
    state.applyJobs(new JobsMessage("c", false, 1,
        List.of(withEpochs(j, 4, epoch(2, 80L), epoch(3, 1500L), epoch(4, null)))), 1);
    DurationHistogram h = counters(1).checkpointCommitDurations();
    assertEquals(1, h.count(), "epoch 3 only: 1-2 were the baseline, 4 has no duration");
    assertEquals(1.5, h.sumSeconds());
    assertEquals(0, h.cumulativeCount(DurationHistogram.BOUNDS_SECONDS.indexOf(1.0)));
    assertEquals(1, h.cumulativeCount(DurationHistogram.BOUNDS_SECONDS.indexOf(2.5)));
  }

  static CheckpointEpoch epoch(long n, Long durationMs) {
    return new CheckpointEpoch(n, 1000 * n, false, null, durationMs);
  }

  static JobInfo withEpochs(JobInfo j, long latest, CheckpointEpoch... epochs) {
    CheckpointInfo cp = new CheckpointInfo(latest, 1, 1L, Map.of(), Map.of(), false, null, null, Map.of(),
        List.of(epochs));
    return new JobInfo(j.jobId(), j.jobName(), "streaming", j.state(), j.priority(), j.namespaceId(),
        j.submittedAtMs(), j.completedAtMs(), j.totalRows(), j.resourceUsage(), j.stages(), j.shuffle(), cp, null, null);
  }
}
