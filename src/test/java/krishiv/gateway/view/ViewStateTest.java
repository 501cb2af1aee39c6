package krishiv.gateway.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import krishiv.gateway.bus.MessageRejectedException;
import krishiv.gateway.bus.RejectReason;
import krishiv.gateway.bus.message.Heartbeat;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.JobsMessage;
import krishiv.gateway.bus.message.TaskInfo;
import krishiv.gateway.testing.TestJobs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The writer's state machine, driven with explicit times (no Vert.x, no clock). */
class ViewStateTest {
  static final long TIMEOUT = 1_000;
  EventLog log;
  List<ViewEvent> seen;
  ViewState state;

  @BeforeEach
  void setUp() {
    log = new EventLog(1000);
    seen = new ArrayList<>();
    state = new ViewState("ep", new ViewLimits(3, 3, 2, 1000, 5, TIMEOUT, 10_000, 100), log, seen::add);
  }

  static Heartbeat hb(String id, String incarnation, long seq) {
    return new Heartbeat(id, incarnation, seq, "h", "healthy", 4, List.of(), 0, 0, 1, 0, 0, null, null, null, null, 0);
  }

  List<String> kinds() {
    return seen.stream().map(e -> e.event().eventKind()).collect(Collectors.toList());
  }

  @Test
  void executorIsLostAfterTheTimeoutAndRecoversWithItsNextHeartbeat() {
    state.applyHeartbeat(hb("e1", "a", 1), 0);
    state.checkExecutors(TIMEOUT); // exactly at the timeout: still healthy
    assertEquals("healthy", state.snapshot(TIMEOUT).executor("e1").state());

    state.checkExecutors(TIMEOUT + 1);
    ExecutorEntry lost = state.snapshot(TIMEOUT + 1).executor("e1");
    assertEquals("lost", lost.state());
    assertEquals(1, lost.lostCount());
    state.checkExecutors(TIMEOUT + 500);
    assertEquals(1, state.snapshot(TIMEOUT + 500).executor("e1").lostCount(), "one loss counts once");

    state.applyHeartbeat(hb("e1", "b", 1), 2_000); // restarted: new incarnation, seq from 1
    ExecutorEntry back = state.snapshot(2_000).executor("e1");
    assertEquals("healthy", back.state());
    assertEquals(1, back.lostCount());

    state.checkExecutors(3_100);
    assertEquals(2, state.snapshot(3_100).executor("e1").lostCount(), "lost_count +1 per loss");
    assertEquals(2, state.snapshot(3_100).executorLostTotal());
    assertEquals(List.of("ExecutorRegistered", "ExecutorLost", "ExecutorRecovered", "ExecutorLost"), kinds());
  }

  @Test
  void staleHeartbeatsAreIgnoredAndANewIncarnationResetsTheSequence() {
    assertEquals(ViewState.HeartbeatOutcome.APPLIED, state.applyHeartbeat(hb("e1", "a", 5), 0));
    assertEquals(ViewState.HeartbeatOutcome.STALE, state.applyHeartbeat(hb("e1", "a", 4), 1));
    assertEquals(ViewState.HeartbeatOutcome.STALE, state.applyHeartbeat(hb("e1", "a", 5), 2));
    assertEquals(5, state.snapshot(3).executor("e1").heartbeat().seq());
    assertEquals(0, state.snapshot(3).executor("e1").lastHeartbeatMs(), "a stale heartbeat is not a sign of life");
    assertEquals(ViewState.HeartbeatOutcome.APPLIED, state.applyHeartbeat(hb("e1", "b", 1), 4));
    assertEquals("b", state.snapshot(5).executor("e1").heartbeat().incarnation());
  }

  @Test
  void executorsBeyondTheBoundAreRejectedNotStored() {
    for (int i = 0; i < 3; i++) {
      state.applyHeartbeat(hb("e" + i, "a", 1), 0);
    }
    MessageRejectedException e = assertThrows(MessageRejectedException.class,
        () -> state.applyHeartbeat(hb("e9", "a", 1), 0));
    assertEquals(RejectReason.OVER_CAPACITY, e.reason());
    assertEquals(3, state.snapshot(1).executorCount());
    state.applyHeartbeat(hb("e0", "a", 2), 2); // known executors still update
  }

  @Test
  void everyEventTakesTheNextSeqAndTheSnapshotCursorIsTheLastOneReflected() {
    state.applyJobs(new JobsMessage("c", true, 0, List.of(TestJobs.job("j1", "running", 10, 2, "assigned"))), 0);
    assertTrue(seen.isEmpty(), "the first full snapshot is the starting state, not a change");
    ViewSnapshot s0 = state.snapshot(0);
    assertTrue(s0.warm());
    assertEquals(new Cursor("ep", 0), s0.cursor());

    JobInfo j1 = TestJobs.job("j1", "running", 10, 2, "assigned");
    List<TaskInfo> running = List.of(TestJobs.task(0, "running", "exec-0", 0, 0),
        TestJobs.task(1, "retrying", "exec-1", 0, 1));
    state.applyJobs(new JobsMessage("c", false, 1, List.of(TestJobs.withTasks(j1, running))), 1);
    state.applyHeartbeat(hb("e1", "a", 1), 1);
    ViewSnapshot s1 = state.snapshot(2);
    state.applyJobs(new JobsMessage("c", false, 3, List.of(TestJobs.withState(TestJobs.withTasks(j1, running),
        "succeeded"))), 3);
    ViewSnapshot s2 = state.snapshot(4);

    for (int i = 0; i < seen.size(); i++) {
      assertEquals(i + 1, seen.get(i).seq(), "no holes");
    }
    assertEquals(List.of("TaskStarted", "TaskFailed", "ExecutorRegistered", "JobStateChanged", "JobCompleted"),
        kinds());
    assertEquals(3, s1.cursor().seq());
    assertEquals("running", s1.job("j1").job().state(), "s1 reflects events 1..3 and nothing later");
    assertEquals(5, s2.cursor().seq());
    assertEquals("succeeded", s2.job("j1").job().state());
    assertEquals(4, s2.job("j1").recentEvents().size(), "the job keeps its own events, not the executor's");
    assertNotNull(s2.historyRecord("j1"), "a terminal job is recorded in the history");
    assertEquals(List.of(seen.get(3), seen.get(4)), log.readAfter(3, 100), "the log serves what follows a cursor");
  }

  @Test
  void aFinishedTaskEventNamesTheExecutorThatRanItEvenWhenTheCoordinatorClearedIt() {
    JobInfo running = TestJobs.withTasks(TestJobs.job("j1", "running", 10, 1, "running"),
        List.of(TestJobs.task(0, "running", "exec-7", 0, 0)));
    state.applyJobs(new JobsMessage("c", true, 0, List.of(running)), 0);
    state.applyJobs(new JobsMessage("c", false, 1, List.of(TestJobs.withTasks(running,
        List.of(TestJobs.task(0, "succeeded", null, 0, 0))))), 1);
    assertEquals("TaskSucceeded", seen.get(0).event().eventKind());
    assertEquals("exec-7", seen.get(0).event().executorId());
  }

  @Test
  void aFullSnapshotDropsJobsTheCoordinatorNoLongerHasAndHistoryIsBounded() {
    state.applyJobs(new JobsMessage("c", true, 0, List.of(
        TestJobs.job("a", "succeeded", 1, 1, "succeeded"), TestJobs.job("b", "failed", 2, 1, "failed"),
        TestJobs.job("c", "running", 3, 1, "running"))), 0);
    state.applyJobs(new JobsMessage("c", false, 1, List.of(TestJobs.job("d", "cancelled", 4, 1, "cancelled"))), 1);
    assertEquals(3, state.snapshot(1).jobs().size(), "max-jobs bounds the jobs held");
    assertEquals(1, state.overCapacityDrops());
    state.applyJobs(new JobsMessage("c", true, 2, List.of(TestJobs.job("c", "running", 3, 1, "running"))), 2);
    ViewSnapshot s = state.snapshot(2);
    assertEquals(List.of("c"), s.jobs().stream().map(JobEntry::jobId).collect(Collectors.toList()));
    assertEquals(2, s.history().size(), "history-size bounds the history");
    assertNull(s.job("a"));
  }

  @Test
  void jobsAreSortedNewestFirstAndUnchangedPartsAreShared() {
    state.applyJobs(new JobsMessage("c", true, 0, List.of(TestJobs.job("x", "running", 1, 1, "running"),
        TestJobs.job("y", "running", 3, 1, "running"), TestJobs.job("w", "running", 3, 1, "running"))), 0);
    ViewSnapshot s = state.snapshot(0);
    assertEquals(List.of("w", "y", "x"), s.jobs().stream().map(JobEntry::jobId).collect(Collectors.toList()));
    state.applyHeartbeat(hb("e1", "a", 1), 1);
    ViewSnapshot s2 = state.snapshot(1);
    assertSame(s.job("x"), s2.job("x"), "a heartbeat does not rebuild the jobs");
    assertFalse(state.dirty());
    assertSame(s2, state.snapshot(2), "nothing changed: the same snapshot");
  }

  @Test
  void theEventLogSaysWhenACursorHasExpired() {
    EventLog small = new EventLog(3);
    for (int i = 0; i < 5; i++) {
      small.append(new krishiv.gateway.bus.message.EventInfo(i, "K", "", null, null, null, null));
    }
    assertEquals(3, small.firstSeq());
    assertNull(small.readAfter(1, 10), "event 2 is gone: expired, not silently skipped");
    assertEquals(List.of(3L, 4L, 5L), small.readAfter(2, 10).stream().map(ViewEvent::seq)
        .collect(Collectors.toList()));
    assertEquals(List.of(), small.readAfter(5, 10));
  }
}
