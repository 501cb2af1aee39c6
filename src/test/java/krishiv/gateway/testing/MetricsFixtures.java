package krishiv.gateway.testing;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import krishiv.gateway.agent.ExecutorAgent;
import krishiv.gateway.bus.BusAddresses;
import krishiv.gateway.bus.message.CheckpointEpoch;
import krishiv.gateway.bus.message.CheckpointInfo;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.ResourceUsage;
import krishiv.gateway.bus.message.RuntimeStats;
import krishiv.gateway.bus.message.ShuffleInfo;
import krishiv.gateway.bus.message.StageInfo;
import krishiv.gateway.bus.message.StreamingInfo;
import krishiv.gateway.bus.message.TaskInfo;

/** Jobs and executors that exercise every metric family: checkpoints, streaming state, shuffle, spill. */
public final class MetricsFixtures {
  private MetricsFixtures() {}

  /**
   * An agent on the event bus whose heartbeats also carry the optional cumulative counters, growing with every
   * heartbeat (1 KiB and 1 file spilled, and every tenth heartbeat a failed assignment).
   */
  public static ExecutorAgent agentWithSpill(Vertx vertx, Duration interval) {
    Map<String, Long> beats = new ConcurrentHashMap<>();
    return new ExecutorAgent(json -> {
      long n = beats.merge(json.getString("executor_id"), 1L, Long::sum);
      JsonObject hb = json.put("spill_bytes", 1024 * n).put("spill_files", n).put("failed_assignments", n / 10);
      vertx.eventBus().publish(BusAddresses.EXECUTOR_HEARTBEAT, hb);
    }, System::currentTimeMillis, () -> UUID.randomUUID().toString(), interval);
  }

  /**
   * A running streaming job: a source stage feeding a sink stage, two sources with offset lags, committed epochs
   * 1..{@code latestEpoch} (the last three listed, with commit durations), state and operator memory.
   */
  public static JobInfo streamingJob(String id, long submittedAtMs, long latestEpoch, long watermarkMs) {
    List<TaskInfo> source = List.of(task(0, "running", 0, 0, 0), task(1, "running", 0, 0, 0));
    List<TaskInfo> sink = List.of(task(0, "running", 0, 0, 500), task(1, "running", 1, 1, 700));
    List<StageInfo> stages = List.of(
        new StageInfo(0, "source", "running", 0, List.of(), 4, 2048, 4, source),
        new StageInfo(1, "sink", "running", 0, List.of(0), 0, 0, 0, sink));
    List<CheckpointEpoch> epochs = new ArrayList<>();
    for (long e = Math.max(1, latestEpoch - 2); e <= latestEpoch; e++) {
      epochs.add(new CheckpointEpoch(e, submittedAtMs + e * 1000, false, null, 20 + 30 * e));
    }
    CheckpointInfo cp = new CheckpointInfo(latestEpoch, 1, submittedAtMs + latestEpoch * 1000, Map.of("kafka-in", 42L),
        Map.of(), false, null, null, Map.of(), epochs, null, 1);
    StreamingInfo streaming = new StreamingInfo(watermarkMs, Map.of("kafka-in", watermarkMs),
        Map.of("kafka-in", 120L, "files-in", 3L), 1200, 5000, 1 << 20);
    return new JobInfo(id, "stream " + id, "streaming", "running", 5, null, submittedAtMs, null, 1200,
        new ResourceUsage(10, 20, 30, 4), stages, new ShuffleInfo(0, 4, 0, 2048), cp, streaming, null,
        Map.of("hash_join", 4096L, "window_aggregate", 8192L));
  }

  /** A batch job whose one stage writes shuffle partitions (5 available, 1 failed of 8) and has a retried task. */
  public static JobInfo batchJob(String id, String state, long submittedAtMs) {
    List<TaskInfo> tasks = List.of(task(0, "succeeded", 0, 0, 10), task(1, "running", 2, 2, 0),
        task(2, "cancelled", 0, 0, 0));
    StageInfo stage = new StageInfo(0, "scan", "running", 1, List.of(), 8, 4096, 5, tasks, 1);
    return new JobInfo(id, "batch " + id, "batch", state, 5, null, submittedAtMs,
        JobInfo.TERMINAL_STATES.contains(state) ? submittedAtMs + 1 : null, 10, new ResourceUsage(10, 20, 30, 3),
        List.of(stage), new ShuffleInfo(2, 5, 1, 4096), null, null, null, Map.of("sort", 1024L));
  }

  private static TaskInfo task(int id, String state, int attempt, int failures, long outputRows) {
    return new TaskInfo(id, state, "exec-" + id, attempt, failures, failures > 0 ? "boom" : null, null, null,
        List.of(), List.of(), new RuntimeStats(0, outputRows, 0, 0, 0));
  }
}
