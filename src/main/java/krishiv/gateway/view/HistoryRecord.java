package krishiv.gateway.view;

import java.util.Objects;
import krishiv.gateway.bus.message.JobInfo;

/** A finished job as the history keeps it (Krishiv's JobHistory record). */
public record HistoryRecord(String jobId, String jobKind, String finalState, long completedAtMs, int stageCount,
    int taskCount, int succeededTaskCount, int failedTaskCount, long cpuNanos, long memoryPeakTaskBytes,
    String namespaceId, int priority) {

  public HistoryRecord {
    Objects.requireNonNull(jobId, "jobId");
  }

  static HistoryRecord of(JobInfo job, JobCounts counts, long fallbackCompletedAtMs) {
    return new HistoryRecord(job.jobId(), job.kind(), job.state(),
        job.completedAtMs() != null ? job.completedAtMs() : fallbackCompletedAtMs, counts.stageCount(),
        counts.taskCount(), counts.succeededTaskCount(), counts.failedTaskCount(), job.resourceUsage().cpuNanos(),
        job.resourceUsage().memoryPeakTaskBytes(), job.namespaceId(), job.priority());
  }
}
