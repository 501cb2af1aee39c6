package krishiv.gateway.view;

import krishiv.gateway.bus.message.CheckpointEpoch;
import krishiv.gateway.bus.message.CheckpointInfo;
import krishiv.gateway.bus.message.EventInfo;
import krishiv.gateway.bus.message.Heartbeat;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.StageInfo;
import krishiv.gateway.bus.message.TaskInfo;

/**
 * The writer's monotonic accumulators behind {@link ClusterCounters}. The sources report cumulative values per
 * executor incarnation or per job; this adds up their increases, so the totals survive the sources leaving.
 * Owned by the writer thread, like {@link ViewState}.
 */
final class ClusterCountersAccumulator {
  private long tasksSucceeded;
  private long tasksFailed;
  private long taskRetries;
  private long failedAssignments;
  private long spillBytes;
  private long spillFiles;
  private long shuffleBytesWritten;
  private DurationHistogram commitDurations = DurationHistogram.empty();
  private ClusterCounters last = ClusterCounters.ZERO;
  private boolean changed;

  /**
   * An applied heartbeat. The first one heard from an executor is its baseline; a new incarnation counts from 0
   * again, as does a value that went down (the executor reset it).
   */
  void onHeartbeat(Heartbeat previous, Heartbeat next) {
    if (previous == null) {
      return;
    }
    boolean restarted = !previous.incarnation().equals(next.incarnation());
    long assignments = increase(restarted, previous.failedAssignments(), next.failedAssignments());
    long bytes = increase(restarted, previous.spillBytes(), next.spillBytes());
    long files = increase(restarted, previous.spillFiles(), next.spillFiles());
    if ((assignments | bytes | files) != 0) {
      failedAssignments += assignments;
      spillBytes += bytes;
      spillFiles += files;
      changed = true;
    }
  }

  private static long increase(boolean restarted, long before, long after) {
    return restarted || after < before ? after : after - before;
  }

  /**
   * A job change the view applied while warm ({@code before} null for a job new to the view, which then counts
   * in full). Changes applied while cold (the first sync) are the baseline and are not passed here.
   */
  void onJobChange(JobInfo before, JobInfo after) {
    taskRetries += Math.max(0, attempts(after) - (before == null ? 0 : attempts(before)));
    shuffleBytesWritten += Math.max(0, shuffleBytes(after) - (before == null ? 0 : shuffleBytes(before)));
    CheckpointInfo cp = after.checkpoint();
    if (cp != null) {
      long previousEpoch = before == null || before.checkpoint() == null ? -1 : before.checkpoint().latestEpoch();
      for (CheckpointEpoch e : cp.epochs()) {
        if (e.epoch() > previousEpoch && e.durationMs() != null) {
          commitDurations = commitDurations.plus(e.durationMs());
        }
      }
    }
    changed = true;
  }

  /** An event the view derived from a job change. */
  void onDerivedEvent(EventInfo event) {
    if (EventKinds.TASK_SUCCEEDED.equals(event.eventKind())) {
      tasksSucceeded++;
      changed = true;
    } else if (EventKinds.TASK_FAILED.equals(event.eventKind())) {
      tasksFailed++;
      changed = true;
    }
  }

  ClusterCounters snapshot() {
    if (changed) {
      last = new ClusterCounters(tasksSucceeded, tasksFailed, taskRetries, failedAssignments, spillBytes, spillFiles,
          shuffleBytesWritten, commitDurations);
      changed = false;
    }
    return last;
  }

  /** Retries of a job so far: every attempt after a task's first. */
  private static long attempts(JobInfo job) {
    long n = 0;
    for (StageInfo s : job.stages()) {
      for (TaskInfo t : s.tasks()) {
        n += t.attempt();
      }
    }
    return n;
  }

  /** The job's shuffle total, or the sum over its stages when the job-level total is not reported. */
  static long shuffleBytes(JobInfo job) {
    long total = job.shuffle().totalBytesWritten();
    if (total > 0) {
      return total;
    }
    for (StageInfo s : job.stages()) {
      total += s.shuffleBytesWritten();
    }
    return total;
  }
}
