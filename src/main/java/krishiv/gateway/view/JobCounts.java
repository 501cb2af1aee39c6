package krishiv.gateway.view;

import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.StageInfo;
import krishiv.gateway.bus.message.TaskInfo;

/** Counts over a job's stages and tasks, computed once when the job changes rather than on every read. */
public record JobCounts(int stageCount, int taskCount, int assignedTaskCount, int runningTaskCount,
    int succeededTaskCount, int failedTaskCount, int retriedTaskCount, long shuffleBytesWritten,
    long shufflePartitionsAvailable) {

  public static JobCounts of(JobInfo job) {
    int tasks = 0;
    int assigned = 0;
    int running = 0;
    int succeeded = 0;
    int failed = 0;
    int retried = 0;
    long shuffleBytes = 0;
    long partitions = 0;
    for (StageInfo s : job.stages()) {
      shuffleBytes += s.shuffleBytesWritten();
      partitions += s.shufflePartitionsAvailable();
      for (TaskInfo t : s.tasks()) {
        tasks++;
        switch (t.state()) {
          case "assigned": assigned++; break;
          case "running": running++; break;
          case "succeeded": succeeded++; break;
          case "failed": failed++; break;
          default: break;
        }
        if (t.attempt() > 0 || t.failureCount() > 0) {
          retried++;
        }
      }
    }
    return new JobCounts(job.stages().size(), tasks, assigned, running, succeeded, failed, retried, shuffleBytes,
        partitions);
  }
}
