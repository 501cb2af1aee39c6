package krishiv.gateway.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import krishiv.gateway.bus.message.Heartbeat;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.RunningTask;
import krishiv.gateway.bus.message.StageInfo;
import krishiv.gateway.bus.message.TaskInfo;
import krishiv.gateway.view.ExecutorEntry;
import krishiv.gateway.view.JobCounts;
import krishiv.gateway.view.JobEntry;

/**
 * Renders view entries in the API's shapes (Krishiv's JobSummary, Stage, Task and Executor, snake_case, plus
 * the gateway's added fields). Pure functions of their inputs.
 */
public final class ApiJson {
  private ApiJson() {}

  public static JsonObject jobSummary(JobEntry e) {
    JobInfo j = e.job();
    JobCounts c = e.counts();
    return new JsonObject()
        .put("job_id", j.jobId())
        .put("job_name", j.jobName())
        .put("kind", j.kind())
        .put("state", j.state())
        .put("stage_count", c.stageCount())
        .put("task_count", c.taskCount())
        .put("assigned_task_count", c.assignedTaskCount())
        .put("running_task_count", c.runningTaskCount())
        .put("succeeded_task_count", c.succeededTaskCount())
        .put("failed_task_count", c.failedTaskCount())
        .put("priority", j.priority())
        .put("namespace_id", j.namespaceId())
        .put("resource_usage", j.resourceUsage().toJson())
        .put("shuffle_bytes_written", c.shuffleBytesWritten())
        .put("shuffle_partitions_available", c.shufflePartitionsAvailable())
        .put("submitted_at_ms", j.submittedAtMs())
        .put("total_rows", j.totalRows());
  }

  public static JsonObject jobDetail(JobEntry e) {
    JsonArray stages = new JsonArray(new ArrayList<>(e.job().stages().size()));
    for (StageInfo s : e.job().stages()) {
      stages.add(stage(s));
    }
    return new JsonObject().put("summary", jobSummary(e)).put("stages", stages);
  }

  static JsonObject stage(StageInfo s) {
    JsonArray tasks = new JsonArray(new ArrayList<>(s.tasks().size()));
    for (TaskInfo t : s.tasks()) {
      tasks.add(task(t));
    }
    return new JsonObject()
        .put("stage_id", s.stageId())
        .put("stage_name", s.stageName())
        .put("state", s.state())
        .put("retry_count", s.retryCount())
        .put("task_count", s.tasks().size())
        .put("upstream_stage_ids", new JsonArray(List.copyOf(s.upstreamStageIds())))
        .put("shuffle_bytes_written", s.shuffleBytesWritten())
        .put("shuffle_partitions_available", s.shufflePartitionsAvailable())
        .put("tasks", tasks);
  }

  static JsonObject task(TaskInfo t) {
    return new JsonObject()
        .put("task_id", t.taskId())
        .put("state", t.state())
        .put("assigned_executor", t.executorId())
        .put("attempt", t.attempt())
        .put("failure_count", t.failureCount())
        .put("failure_reason_display", t.lastFailureReason())
        .put("last_watermark_display", t.watermarkMs() == null ? null : Instant.ofEpochMilli(t.watermarkMs()).toString())
        .put("last_source_offset_display", t.sourceOffset())
        .put("source_capabilities", new JsonArray(List.copyOf(t.sourceCapabilities())))
        .put("sink_capabilities", new JsonArray(List.copyOf(t.sinkCapabilities())))
        .put("runtime_stats", t.runtimeStats().toJson());
  }

  /**
   * @param nowMs the time of the request (heartbeat ages are computed from it)
   * @param tickMs length of a coordinator tick, for the *_ticks fields
   * @param startMs when this gateway started: tick 0
   */
  public static JsonObject executor(ExecutorEntry e, long nowMs, long tickMs, long startMs) {
    Heartbeat hb = e.heartbeat();
    JsonArray running = new JsonArray(new ArrayList<>(hb.runningTasks().size()));
    for (RunningTask t : hb.runningTasks()) {
      running.add(t.toJson());
    }
    long age = Math.max(0, nowMs - e.lastHeartbeatMs());
    double pct = hb.memoryLimitBytes() == 0 ? 0.0
        : Math.round(10_000.0 * hb.memoryUsedBytes() / hb.memoryLimitBytes()) / 100.0;
    return new JsonObject()
        .put("executor_id", hb.executorId())
        .put("state", e.state())
        .put("host", hb.host())
        .put("slots", hb.slots())
        .put("slots_total", hb.slots())
        .put("slots_used", e.slotsUsed())
        .put("running_tasks", running)
        .put("active_task_count", hb.runningTasks().size())
        .put("memory_used_bytes", hb.memoryUsedBytes())
        .put("memory_limit_bytes", hb.memoryLimitBytes())
        .put("memory_used_pct", pct)
        .put("cpu_cores", hb.cpuCores())
        .put("network_bytes_sent", hb.networkBytesSent())
        .put("network_bytes_recv", hb.networkBytesRecv())
        .put("task_endpoint", hb.taskEndpoint())
        .put("task_endpoint_display", hb.taskEndpoint() == null ? "-" : hb.taskEndpoint())
        .put("barrier_endpoint_display", hb.barrierEndpoint() == null ? "-" : hb.barrierEndpoint())
        .put("last_heartbeat_tick", Math.max(0, (e.lastHeartbeatMs() - startMs) / tickMs))
        .put("heartbeat_age_ticks", age / tickMs)
        .put("last_heartbeat_ms", e.lastHeartbeatMs())
        .put("heartbeat_age_ms", age)
        .put("lease_generation", hb.leaseGeneration())
        .put("lost_count", e.lostCount())
        .put("consecutive_task_failures", hb.consecutiveTaskFailures() == null ? 0 : hb.consecutiveTaskFailures());
  }
}
