package krishiv.gateway.view;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import krishiv.gateway.bus.message.CheckpointEpoch;
import krishiv.gateway.bus.message.CheckpointInfo;
import krishiv.gateway.bus.message.EventInfo;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.StageInfo;
import krishiv.gateway.bus.message.TaskInfo;

/**
 * Derives lifecycle events from two versions of a job. Deriving them here, at the moment the view applies the
 * change, makes an event and the state it describes enter the snapshot together.
 */
final class JobChangeEvents {
  /** Receives derived events in order. */
  interface Sink {
    void emit(EventInfo event);
  }

  private JobChangeEvents() {}

  static void derive(JobInfo before, JobInfo after, long nowMs, Sink sink) {
    String jobId = after.jobId();
    if (before == null) {
      sink.emit(new EventInfo(nowMs, EventKinds.JOB_SUBMITTED,
          after.kind() + " job '" + after.jobName() + "' in namespace "
              + (after.namespaceId() == null ? "default" : after.namespaceId()) + ", state " + after.state(),
          jobId, null, null, null));
      for (StageInfo s : after.stages()) {
        sink.emit(stagePlanned(jobId, s, nowMs));
      }
      for (StageInfo s : after.stages()) {
        for (TaskInfo t : s.tasks()) {
          taskChange(jobId, s.stageId(), null, t, nowMs, sink);
        }
      }
      checkpointChange(jobId, null, after.checkpoint(), nowMs, sink);
      terminalEvents(jobId, after, nowMs, sink);
      return;
    }
    Map<Integer, StageInfo> oldStages = new HashMap<>();
    for (StageInfo s : before.stages()) {
      oldStages.put(s.stageId(), s);
    }
    for (StageInfo s : after.stages()) {
      StageInfo old = oldStages.get(s.stageId());
      if (old == null) {
        sink.emit(stagePlanned(jobId, s, nowMs));
      }
      diffTasks(jobId, s.stageId(), old == null ? List.of() : old.tasks(), s.tasks(), nowMs, sink);
    }
    checkpointChange(jobId, before.checkpoint(), after.checkpoint(), nowMs, sink);
    if (!before.state().equals(after.state())) {
      sink.emit(new EventInfo(nowMs, EventKinds.JOB_STATE_CHANGED, before.state() + " -> " + after.state(), jobId,
          null, null, null));
      terminalEvents(jobId, after, nowMs, sink);
    }
  }

  private static void terminalEvents(String jobId, JobInfo job, long nowMs, Sink sink) {
    if ("cancelled".equals(job.state())) {
      sink.emit(new EventInfo(nowMs, EventKinds.JOB_CANCELLED, "cancelled", jobId, null, null, null));
    } else if ("succeeded".equals(job.state()) || "failed".equals(job.state())) {
      sink.emit(new EventInfo(nowMs, EventKinds.JOB_COMPLETED, job.state(), jobId, null, null, null));
    }
  }

  private static EventInfo stagePlanned(String jobId, StageInfo s, long nowMs) {
    return new EventInfo(nowMs, EventKinds.STAGE_PLANNED,
        "stage '" + s.stageName() + "' with " + s.tasks().size() + " tasks, upstream " + s.upstreamStageIds(),
        jobId, s.stageId(), null, null);
  }

  private static void diffTasks(String jobId, int stageId, List<TaskInfo> before, List<TaskInfo> after, long nowMs,
      Sink sink) {
    // Tasks usually keep their position; fall back to a map only when they do not.
    Map<Integer, TaskInfo> byId = null;
    for (int i = 0; i < after.size(); i++) {
      TaskInfo t = after.get(i);
      TaskInfo old = null;
      if (i < before.size() && before.get(i).taskId() == t.taskId()) {
        old = before.get(i);
      } else if (!before.isEmpty()) {
        if (byId == null) {
          byId = new HashMap<>();
          for (TaskInfo b : before) {
            byId.put(b.taskId(), b);
          }
        }
        old = byId.get(t.taskId());
      }
      taskChange(jobId, stageId, old, t, nowMs, sink);
    }
  }

  private static void taskChange(String jobId, int stageId, TaskInfo old, TaskInfo t, long nowMs, Sink sink) {
    boolean stateChanged = old == null || !old.state().equals(t.state()) || old.attempt() != t.attempt();
    if (!stateChanged) {
      return;
    }
    // A coordinator may clear a finished task's executor: the event still names the one that ran the attempt.
    String executor = t.executorId() != null ? t.executorId()
        : old != null && old.attempt() == t.attempt() ? old.executorId() : null;
    switch (t.state()) {
      case "assigned":
        sink.emit(new EventInfo(nowMs, EventKinds.TASK_ASSIGNED, "attempt " + t.attempt() + " on " + executor,
            jobId, stageId, t.taskId(), executor));
        break;
      case "running":
        sink.emit(new EventInfo(nowMs, EventKinds.TASK_STARTED, "attempt " + t.attempt(), jobId, stageId, t.taskId(),
            executor));
        break;
      case "succeeded":
        sink.emit(new EventInfo(nowMs, EventKinds.TASK_SUCCEEDED, "attempt " + t.attempt(), jobId, stageId,
            t.taskId(), executor));
        break;
      case "failed":
      case "retrying":
        if (old == null || t.failureCount() > old.failureCount() || !Objects.equals(old.state(), t.state())) {
          sink.emit(new EventInfo(nowMs, EventKinds.TASK_FAILED,
              "attempt " + t.attempt() + " failed" + (t.lastFailureReason() == null ? "" : ": " + t.lastFailureReason())
                  + ("retrying".equals(t.state()) ? "; retrying" : ""),
              jobId, stageId, t.taskId(), executor));
        }
        break;
      default:
        break;
    }
  }

  private static void checkpointChange(String jobId, CheckpointInfo before, CheckpointInfo after, long nowMs,
      Sink sink) {
    if (after == null) {
      return;
    }
    long previous = before == null ? -1 : before.latestEpoch();
    if (after.latestEpoch() <= previous) {
      return;
    }
    boolean any = false;
    for (CheckpointEpoch e : after.epochs()) {
      if (e.epoch() > previous) {
        sink.emit(checkpointEvent(jobId, e.epoch(), e.isSavepoint(), e.savepointLabel(), nowMs));
        any = true;
      }
    }
    if (!any && (before != null || after.latestEpoch() > 0)) {
      sink.emit(checkpointEvent(jobId, after.latestEpoch(), after.isSavepoint(), after.savepointLabel(), nowMs));
    }
  }

  private static EventInfo checkpointEvent(String jobId, long epoch, boolean savepoint, String label, long nowMs) {
    return savepoint
        ? new EventInfo(nowMs, EventKinds.SAVEPOINT_COMPLETED,
            "epoch " + epoch + (label == null ? "" : " label " + label), jobId, null, null, null)
        : new EventInfo(nowMs, EventKinds.CHECKPOINT_COMPLETED, "epoch " + epoch, jobId, null, null, null);
  }
}
