package krishiv.gateway.metrics.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import krishiv.gateway.agent.ExecutorStatus;
import krishiv.gateway.bus.BusAddresses;
import krishiv.gateway.bus.CommandOps;
import krishiv.gateway.bus.message.CheckpointEpoch;
import krishiv.gateway.bus.message.CheckpointInfo;
import krishiv.gateway.bus.message.CoordinatorStatus;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.JobsMessage;
import krishiv.gateway.bus.message.NamespaceQuota;
import krishiv.gateway.bus.message.QueuesMessage;
import krishiv.gateway.bus.message.ResourceUsage;
import krishiv.gateway.bus.message.RunningTask;
import krishiv.gateway.bus.message.RuntimeStats;
import krishiv.gateway.bus.message.ShuffleInfo;
import krishiv.gateway.bus.message.StageInfo;
import krishiv.gateway.bus.message.StreamingInfo;
import krishiv.gateway.bus.message.SyncReply;
import krishiv.gateway.bus.message.TaskInfo;

/**
 * The benchmark's cluster: half streaming jobs (a source and a sink stage, checkpoints, two sources, operator
 * memory) and half batch jobs (one stage of 20 tasks writing shuffle partitions), a coordinator stand-in that
 * answers {@code sync} with them and keeps publishing changes, and executor statuses with running tasks.
 */
final class BenchCluster {
  static final String COORDINATOR = "coord-bench";

  private final Vertx vertx;
  private final List<JobInfo> jobs = new ArrayList<>();
  private MessageConsumer<JsonObject> commands;
  private long round;

  BenchCluster(Vertx vertx, int jobCount) {
    this.vertx = vertx;
    long now = System.currentTimeMillis();
    for (int i = 0; i < jobCount; i++) {
      String id = String.format("job-%05d", i);
      jobs.add(i % 2 == 0 ? streamingJob(id, now - 100_000 + i, 10, now) : batchJob(id, now - 200_000 + i));
    }
  }

  /** Answers {@code sync}, then publishes {@code changesPerSecond} changed jobs every second in 10 batches. */
  Future<Void> start(int changesPerSecond) {
    commands = vertx.eventBus().consumer(BusAddresses.COORDINATOR_COMMANDS, msg -> {
      if (CommandOps.SYNC.equals(msg.body().getString("op"))) {
        long now = System.currentTimeMillis();
        msg.reply(new SyncReply(new CoordinatorStatus(COORDINATOR, "active", COORDINATOR, now + 10_000, now),
            new JobsMessage(COORDINATOR, true, now, List.copyOf(jobs)),
            new QueuesMessage(COORDINATOR, now, List.of(new NamespaceQuota(null, 0, 0, jobs.size(), 10_000, 1, 1))))
            .toJson());
      } else {
        msg.fail(400, "unsupported op");
      }
    });
    int perBatch = Math.max(1, changesPerSecond / 10);
    vertx.setPeriodic(100, id -> publishChanges(perBatch));
    vertx.setPeriodic(2_000, id -> {
      long now = System.currentTimeMillis();
      vertx.eventBus().publish(BusAddresses.COORDINATOR_STATUS,
          new CoordinatorStatus(COORDINATOR, "active", COORDINATOR, now + 10_000, now).toJson());
    });
    return commands.completion();
  }

  /** The next streaming jobs commit a new checkpoint epoch. */
  private void publishChanges(int count) {
    List<JobInfo> changed = new ArrayList<>(count);
    long now = System.currentTimeMillis();
    for (int k = 0; k < count; k++) {
      int i = (int) ((round++ * 2) % jobs.size());
      JobInfo j = jobs.get(i);
      if (j.checkpoint() != null) {
        JobInfo next = streamingJob(j.jobId(), j.submittedAtMs(), j.checkpoint().latestEpoch() + 1, now);
        jobs.set(i, next);
        changed.add(next);
      }
    }
    if (!changed.isEmpty()) {
      vertx.eventBus().publish(BusAddresses.COORDINATOR_JOBS, new JobsMessage(COORDINATOR, false, now, changed)
          .toJson());
    }
  }

  /** An executor's status: 8 slots, {@code index % 5} of them running tasks of some batch job. */
  ExecutorStatus status(int index) {
    List<RunningTask> running = new ArrayList<>();
    String job = jobs.get((index * 2 + 1) % jobs.size()).jobId();
    for (int t = 0; t < index % 5; t++) {
      running.add(new RunningTask(job, 0, t, 0));
    }
    String host = String.format("host-%05d", index);
    return new ExecutorStatus(host, "healthy", 8, running, 1L << 30, 4L << 30, 8, 0, 0, host + ":7337", null, null,
        0);
  }

  static JobInfo streamingJob(String id, long submittedAtMs, long epoch, long now) {
    List<TaskInfo> source = List.of(task(0, 0), task(1, 0));
    List<TaskInfo> sink = List.of(task(0, 500 * epoch), task(1, 700 * epoch));
    List<StageInfo> stages = List.of(new StageInfo(0, "source", "running", 0, List.of(), 4, 2048, 4, source),
        new StageInfo(1, "sink", "running", 0, List.of(0), 0, 0, 0, sink));
    List<CheckpointEpoch> epochs = List.of(new CheckpointEpoch(epoch - 1, now - 1000, false, null, 40L),
        new CheckpointEpoch(epoch, now, false, null, 60L));
    CheckpointInfo cp = new CheckpointInfo(epoch, 1, now, Map.of("kafka-in", epoch), Map.of(), false, null, null,
        Map.of(), epochs, null, 0);
    StreamingInfo streaming = new StreamingInfo(now - 2_000, Map.of("kafka-in", now - 2_000),
        Map.of("kafka-in", 120L, "files-in", 3L), 1200 * epoch, 5000, 1 << 20);
    return new JobInfo(id, "stream " + id, "streaming", "running", 5, null, submittedAtMs, null, 1200,
        new ResourceUsage(10, 20, 30, 4), stages, new ShuffleInfo(0, 4, 0, 2048), cp, streaming, null,
        Map.of("hash_join", 4096L, "window_aggregate", 8192L));
  }

  static JobInfo batchJob(String id, long submittedAtMs) {
    List<TaskInfo> tasks = new ArrayList<>();
    for (int t = 0; t < 20; t++) {
      tasks.add(task(t, 0));
    }
    StageInfo stage = new StageInfo(0, "scan", "running", 0, List.of(), 16, 4096, 8, tasks, 1);
    return new JobInfo(id, "batch " + id, "batch", "running", 5, null, submittedAtMs, null, 10,
        new ResourceUsage(10, 20, 30, 20), List.of(stage), new ShuffleInfo(7, 8, 1, 4096), null, null, null,
        Map.of("sort", 1024L));
  }

  private static TaskInfo task(int id, long outputRows) {
    return new TaskInfo(id, "running", "exec-" + id, 0, 0, null, null, null, List.of(), List.of(),
        new RuntimeStats(0, outputRows, 0, 0, 0));
  }
}
