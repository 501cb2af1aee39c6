package krishiv.gateway.testing;

import java.util.ArrayList;
import java.util.List;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.ResourceUsage;
import krishiv.gateway.bus.message.RuntimeStats;
import krishiv.gateway.bus.message.ShuffleInfo;
import krishiv.gateway.bus.message.StageInfo;
import krishiv.gateway.bus.message.TaskInfo;

/** Builds small, valid job records for tests. */
public final class TestJobs {
  private TestJobs() {}

  /** A batch job with one stage of {@code tasks} tasks, all in {@code taskState}. */
  public static JobInfo job(String id, String state, long submittedAtMs, int tasks, String taskState) {
    List<TaskInfo> t = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      t.add(task(i, taskState, "pending".equals(taskState) ? null : "exec-" + i, 0, 0));
    }
    StageInfo stage = new StageInfo(0, "scan", "running", 0, List.of(), tasks, 1024, 1, t);
    return new JobInfo(id, "job " + id, "batch", state, 5, null, submittedAtMs, null, 100,
        new ResourceUsage(10, 20, 30, tasks), List.of(stage), new ShuffleInfo(0, 1, 0, 1024), null, null, null);
  }

  public static TaskInfo task(int id, String state, String executor, int attempt, int failures) {
    return new TaskInfo(id, state, executor, attempt, failures, failures > 0 ? "boom" : null, null, null, List.of(),
        List.of(), RuntimeStats.ZERO);
  }

  /** The same job with another state. */
  public static JobInfo withState(JobInfo j, String state) {
    return new JobInfo(j.jobId(), j.jobName(), j.kind(), state, j.priority(), j.namespaceId(), j.submittedAtMs(),
        j.completedAtMs(), j.totalRows(), j.resourceUsage(), j.stages(), j.shuffle(), j.checkpoint(), j.streaming(),
        j.connectors());
  }

  /** The same job with its first stage's tasks replaced. */
  public static JobInfo withTasks(JobInfo j, List<TaskInfo> tasks) {
    StageInfo s = j.stages().get(0);
    StageInfo ns = new StageInfo(s.stageId(), s.stageName(), s.state(), s.retryCount(), s.upstreamStageIds(),
        s.outputPartitionCount(), s.shuffleBytesWritten(), s.shufflePartitionsAvailable(), tasks);
    return new JobInfo(j.jobId(), j.jobName(), j.kind(), j.state(), j.priority(), j.namespaceId(), j.submittedAtMs(),
        j.completedAtMs(), j.totalRows(), j.resourceUsage(), List.of(ns), j.shuffle(), j.checkpoint(), j.streaming(),
        j.connectors());
  }
}
