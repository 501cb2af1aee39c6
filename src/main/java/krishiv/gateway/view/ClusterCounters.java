package krishiv.gateway.view;

import java.util.Objects;

/**
 * Cluster-wide counters the writer accumulates while the gateway runs. They never decrease, even when the jobs or
 * executors they came from leave the view, so they render as Prometheus counters. They start at 0 when the
 * gateway starts: what the first coordinator sync and each executor's first heartbeat report is the baseline,
 * not an increase (Prometheus reads the process restart as a counter reset).
 *
 * @param tasksSucceeded task attempts seen succeeding ({@code TaskSucceeded} events the view derived)
 * @param tasksFailed task attempts seen failing ({@code TaskFailed} events, including those that retry)
 * @param taskRetries increase of task attempt numbers over all jobs
 * @param failedAssignments increase of the executors' {@code failed_assignments}
 * @param spillBytes increase of the executors' {@code spill_bytes}
 * @param spillFiles increase of the executors' {@code spill_files}
 * @param shuffleBytesWritten increase of the jobs' shuffle bytes written
 * @param checkpointCommitDurations {@code duration_ms} of each newly committed checkpoint epoch
 */
public record ClusterCounters(long tasksSucceeded, long tasksFailed, long taskRetries, long failedAssignments,
    long spillBytes, long spillFiles, long shuffleBytesWritten, DurationHistogram checkpointCommitDurations) {

  public static final ClusterCounters ZERO = new ClusterCounters(0, 0, 0, 0, 0, 0, 0, DurationHistogram.empty());

  public ClusterCounters {
    Objects.requireNonNull(checkpointCommitDurations, "checkpointCommitDurations");
  }
}
