package krishiv.gateway.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import krishiv.gateway.bus.message.CheckpointEpoch;
import krishiv.gateway.bus.message.CheckpointInfo;
import krishiv.gateway.bus.message.ConnectorInfo;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.ResourceUsage;
import krishiv.gateway.bus.message.ShuffleInfo;
import krishiv.gateway.bus.message.StageInfo;
import krishiv.gateway.bus.message.StreamingInfo;

/**
 * One simulated job and its lifecycle: {@code queued → accepted → planning → running → committing →
 * succeeded}, or {@code failed} once a task used up its attempts, or {@code cancelled}. Running streaming jobs
 * checkpoint every {@link SimTuning#checkpointInterval()} (the next one becomes a savepoint when asked) and are
 * stopped by their owner after a while. {@link #toInfo()} renders it as the bus protocol's {@link JobInfo}.
 *
 * <p>{@code changed} marks a state change, published in the same step; {@code progressed} marks counters that
 * moved, published at most every {@link SimTuning#progressInterval()}.
 */
final class SimJob {
  /** Attempts a task gets before its job fails. */
  static final int MAX_ATTEMPTS = 4;
  static final String SNAPSHOT_ROOT = "s3://krishiv-sim/checkpoints/";
  private static final int EPOCHS_KEPT = 5;
  private static final long BYTES_PER_ROW_READ = 180;
  private static final long BYTES_PER_ROW_WRITTEN = 160;
  private static final List<String> FAILURE_REASONS = List.of(
      "java.lang.OutOfMemoryError: task memory limit exceeded",
      "shuffle fetch failed: connection reset by peer",
      "java.io.IOException: object store read timed out",
      "executor disk full while spilling",
      "task heartbeat timed out");
  private static final String POISON_REASON =
      "java.lang.ArithmeticException: / by zero in UDF parse_amount (bad input row)";

  final String jobId;
  final int number;
  final String name;
  final String kind;
  final int priority;
  final String namespaceId;
  final long submittedAtMs;
  /** The table or topic the job reads first; names source partitions. */
  final String topic;
  final List<SimStage> stages = new ArrayList<>();
  String state = SimStates.QUEUED;
  Long completedAtMs;
  /** When a waiting phase (queued, accepted, planning, committing) may end. */
  long nextPhaseAtMs;
  /** Streaming: when the owner stops the job. */
  long stopAtMs = Long.MAX_VALUE;
  long nextCheckpointAtMs = Long.MAX_VALUE;
  long fencingToken = 1;
  String pendingSavepointLabel;
  long shufflePartitionsFailed;
  boolean changed = true;
  boolean progressed;
  long lastPublishedMs;
  private final ArrayDeque<CheckpointEpoch> epochs = new ArrayDeque<>();
  private CheckpointInfo checkpoint;
  private JobInfo cached;

  SimJob(String jobId, int number, JobSpec spec, String topic, long submittedAtMs) {
    this.jobId = jobId;
    this.number = number;
    this.name = spec.name();
    this.kind = spec.kind();
    this.priority = spec.priority();
    this.namespaceId = spec.namespaceId();
    this.topic = topic;
    this.submittedAtMs = submittedAtMs;
  }

  boolean isStreaming() {
    return SimStates.STREAMING.equals(kind);
  }

  boolean isTerminal() {
    return SimStates.isTerminal(state);
  }

  /** Admitted and not finished: it holds a share of its namespace's quota. */
  boolean isActive() {
    return !SimStates.QUEUED.equals(state) && !isTerminal();
  }

  /** Tasks of the widest stage: what the job reserves from its namespace. */
  int parallelism() {
    int p = 1;
    for (SimStage s : stages) {
      p = Math.max(p, s.tasks.size());
    }
    return p;
  }

  SimStage stage(int stageId) {
    for (SimStage s : stages) {
      if (s.stageId == stageId) {
        return s;
      }
    }
    return null;
  }

  SimStage stageNamed(String stageName) {
    for (SimStage s : stages) {
      if (s.name.equals(stageName)) {
        return s;
      }
    }
    return null;
  }

  long latestEpoch() {
    return checkpoint == null ? 0 : checkpoint.latestEpoch();
  }

  CheckpointInfo checkpoint() {
    return checkpoint;
  }

  void markChanged() {
    changed = true;
    cached = null;
  }

  void markProgressed() {
    progressed = true;
    cached = null;
  }

  // ---------------------------------------------------------------- lifecycle

  void accept(StepContext ctx) {
    state = SimStates.ACCEPTED;
    nextPhaseAtMs = ctx.nowMs() + ctx.between(200, 600);
    markChanged();
  }

  /** Puts the job straight into {@code running} with its first stages open (initial and preloaded jobs). */
  void startInPlace(StepContext ctx) {
    startRunning(ctx);
    if (isStreaming()) {
      nextCheckpointAtMs = ctx.nowMs() + ctx.between(500, ctx.tuning().checkpointInterval().toMillis());
    }
  }

  /** Makes the just-placed attempts look as if they had been running for a while. */
  void fastForward(StepContext ctx) {
    for (SimStage s : stages) {
      for (SimTask t : s.tasks) {
        if (t.isActive()) {
          t.state = SimStates.RUNNING;
          t.startAtMs = ctx.nowMs();
          long ran = isStreaming() ? ctx.between(5_000, 60_000) : (long) (t.workMs * 0.7 * ctx.random().nextDouble());
          t.work(ran, ctx.nowMs());
          s.addShuffleOutput(t.outputRows);
        }
      }
      s.refreshState();
    }
    markChanged();
  }

  /** Advances the job by one step: phase changes, running attempts, checkpoints, completion. */
  void advance(StepContext ctx) {
    long now = ctx.nowMs();
    switch (state) {
      case SimStates.ACCEPTED:
        if (now >= nextPhaseAtMs) {
          state = SimStates.PLANNING;
          nextPhaseAtMs = now + ctx.between(300, 900);
          markChanged();
        }
        break;
      case SimStates.PLANNING:
        if (now >= nextPhaseAtMs) {
          startRunning(ctx);
          if (isStreaming()) {
            nextCheckpointAtMs = now + (pendingSavepointLabel != null ? 1_000
                : ctx.tuning().checkpointInterval().toMillis());
          }
        }
        break;
      case SimStates.RUNNING:
        runTasks(ctx);
        if (SimStates.RUNNING.equals(state)) {
          if (isStreaming()) {
            maybeCheckpoint(ctx);
            if (now >= stopAtMs) {
              end(SimStates.CANCELLED, SimStates.CANCELLED, now);
            }
          } else {
            openReadyStages();
            if (stages.stream().allMatch(s -> SimStates.SUCCEEDED.equals(s.state))) {
              state = SimStates.COMMITTING;
              nextPhaseAtMs = now + ctx.between(300, 1_200);
              markChanged();
            }
          }
        }
        break;
      case SimStates.COMMITTING:
        if (now >= nextPhaseAtMs) {
          state = SimStates.SUCCEEDED;
          completedAtMs = now;
          markChanged();
        }
        break;
      default:
        break;
    }
  }

  private void startRunning(StepContext ctx) {
    state = SimStates.RUNNING;
    if (isStreaming()) {
      stages.forEach(SimStage::open);
      stopAtMs = ctx.nowMs() + ctx.between(90_000, 300_000);
    } else {
      openReadyStages();
    }
    markChanged();
  }

  /** Opens the batch stages whose upstream stages all succeeded. */
  private void openReadyStages() {
    for (SimStage s : stages) {
      if (SimStates.PENDING.equals(s.state) && s.upstream.stream()
          .allMatch(id -> SimStates.SUCCEEDED.equals(stage(id).state))) {
        s.open();
        markChanged();
      }
    }
  }

  private void runTasks(StepContext ctx) {
    for (SimStage s : stages) {
      if (!s.isOpen()) {
        continue;
      }
      for (SimTask t : s.tasks) {
        if (!t.isActive()) {
          continue;
        }
        long rowsBefore = t.outputRows;
        long doneBefore = t.doneMs;
        if (t.run(ctx)) {
          markChanged();
        }
        if (t.doneMs != doneBefore) {
          s.addShuffleOutput(t.outputRows - rowsBefore);
          markProgressed();
        }
        if (t.failsNow()) {
          t.executor.consecutiveTaskFailures++;
          String reason = t.poisoned ? POISON_REASON
              : FAILURE_REASONS.get(ctx.random().nextInt(FAILURE_REASONS.size()));
          failAttempt(t, reason, ctx);
          if (isTerminal()) {
            return;
          }
        } else if (t.isDone()) {
          t.executor.consecutiveTaskFailures = 0;
          t.finish(SimStates.SUCCEEDED);
          markChanged();
        }
      }
      if (s.refreshState()) {
        markChanged();
      }
    }
  }

  /**
   * The current attempt of {@code t} failed: the task is retried with attempt + 1 after a short backoff, or, once
   * it used up {@link #MAX_ATTEMPTS}, the stage and the job fail.
   */
  void failAttempt(SimTask t, String reason, StepContext ctx) {
    t.release();
    t.failureCount++;
    t.lastFailureReason = reason;
    t.stage.retryCount++;
    if (!t.stage.writes) {
      shufflePartitionsFailed++;
    }
    if (isStreaming()) {
      fencingToken++; // the pipeline recovers from its last checkpoint under a new fencing token
    }
    if (t.failureCount >= MAX_ATTEMPTS) {
      t.state = SimStates.FAILED;
      t.stage.state = SimStates.FAILED;
      end(SimStates.FAILED, SimStates.CANCELLED, ctx.nowMs());
    } else {
      t.attempt++;
      t.state = SimStates.RETRYING;
      t.readyAtMs = ctx.nowMs() + ctx.between(500, 1_500);
      t.stage.refreshState();
    }
    markChanged();
  }

  /** Stops the job in {@code jobState}; unfinished tasks and stages end as {@code leftovers}. */
  void end(String jobState, String leftovers, long nowMs) {
    for (SimStage s : stages) {
      for (SimTask t : s.tasks) {
        if (!t.isTerminal()) {
          t.finish(leftovers);
        }
      }
      if (!s.isTerminal()) {
        s.state = leftovers;
        if (SimStates.SUCCEEDED.equals(leftovers) && !s.writes) {
          s.shufflePartitionsAvailable = s.outputPartitions;
        }
      }
    }
    state = jobState;
    completedAtMs = nowMs;
    markChanged();
  }

  // ---------------------------------------------------------------- checkpoints

  /** Schedules a savepoint: the next checkpoint (soon) carries {@code label}; returns its epoch. */
  long requestSavepoint(String label, long nowMs) {
    pendingSavepointLabel = label;
    if (SimStates.RUNNING.equals(state)) {
      nextCheckpointAtMs = Math.min(nextCheckpointAtMs, nowMs + 1_000);
    }
    return latestEpoch() + 1;
  }

  private void maybeCheckpoint(StepContext ctx) {
    long now = ctx.nowMs();
    if (now < nextCheckpointAtMs) {
      return;
    }
    Map<String, Long> offsets = new TreeMap<>();
    for (SimStage s : stages) {
      for (SimTask t : s.tasks) {
        if (!SimStates.RUNNING.equals(t.state) || !t.executor.isUp()) {
          return; // a barrier cannot pass a task that is not running: wait for the retry
        }
        if (s.reads) {
          offsets.put(t.partition(), t.sourceOffset);
        }
      }
    }
    long epoch = latestEpoch() + 1;
    Map<String, String> snapshots = new TreeMap<>();
    for (SimStage s : stages) {
      snapshots.put(s.name, snapshotPath(epoch, s.name));
    }
    boolean savepoint = pendingSavepointLabel != null;
    String label = pendingSavepointLabel;
    pendingSavepointLabel = null;
    epochs.addLast(new CheckpointEpoch(epoch, now, savepoint, label));
    while (epochs.size() > EPOCHS_KEPT) {
      epochs.removeFirst();
    }
    Long icebergSnapshot = stages.get(stages.size() - 1).name.contains("iceberg") ? number * 1_000_000L + epoch : null;
    checkpoint = new CheckpointInfo(epoch, fencingToken, now, offsets, snapshots, savepoint, label, icebergSnapshot,
        offsets, new ArrayList<>(epochs));
    nextCheckpointAtMs = now + ctx.tuning().checkpointInterval().toMillis();
    markChanged();
  }

  String snapshotPath(long epoch, String operator) {
    return SNAPSHOT_ROOT + jobId + "/" + epoch + "/" + operator;
  }

  // ---------------------------------------------------------------- rendering

  JobInfo toInfo() {
    if (cached == null) {
      cached = render();
    }
    return cached;
  }

  private JobInfo render() {
    List<StageInfo> stageInfos = new ArrayList<>(stages.size());
    long cpu = 0;
    long peak = 0;
    long memory = 0;
    int taskCount = 0;
    long rowsRead = 0;
    long rowsWritten = 0;
    long pendingPartitions = 0;
    long availablePartitions = 0;
    long shuffleBytes = 0;
    for (SimStage s : stages) {
      stageInfos.add(s.toInfo());
      for (SimTask t : s.tasks) {
        cpu += t.cpuNanos;
        peak = Math.max(peak, t.memoryBytes);
        memory += t.memoryBytes;
        taskCount++;
        rowsRead += s.reads ? t.inputRows : 0;
        rowsWritten += s.writes ? t.outputRows : 0;
      }
      if (!s.writes) {
        pendingPartitions += s.outputPartitions - s.shufflePartitionsAvailable;
        availablePartitions += s.shufflePartitionsAvailable;
      }
      shuffleBytes += s.shuffleBytesWritten;
    }
    StreamingInfo streaming = isStreaming() ? streamingInfo(rowsWritten) : null;
    long lag = streaming == null ? 0 : streaming.sourceOffsetsLag().values().stream().mapToLong(Long::longValue).sum();
    Long sinkEpoch = isStreaming() ? (checkpoint == null ? null : checkpoint.latestEpoch())
        : SimStates.SUCCEEDED.equals(state) ? Long.valueOf(1) : null;
    return new JobInfo(jobId, name, kind, state, priority, namespaceId, submittedAtMs, completedAtMs, rowsWritten,
        new ResourceUsage(cpu, peak, memory, taskCount), stageInfos,
        new ShuffleInfo(pendingPartitions, availablePartitions, shufflePartitionsFailed, shuffleBytes), checkpoint,
        streaming, new ConnectorInfo(rowsRead, rowsRead * BYTES_PER_ROW_READ, rowsWritten,
            rowsWritten * BYTES_PER_ROW_WRITTEN, lag, sinkEpoch));
  }

  private StreamingInfo streamingInfo(long rowsEmitted) {
    Map<String, Long> watermarks = new TreeMap<>();
    Map<String, Long> lags = new TreeMap<>();
    Long low = null;
    long stateRows = 0;
    for (SimStage s : stages) {
      for (SimTask t : s.tasks) {
        if (s.reads) {
          lags.put(t.partition(), t.isActive() ? t.sourceLagRecords() : 0L);
          if (t.watermarkMs != null) {
            watermarks.put(t.partition(), t.watermarkMs);
            low = low == null ? t.watermarkMs : Math.min(low, t.watermarkMs);
          }
        }
        if (!s.writes || stages.size() == 1) {
          stateRows += t.inputRows;
        }
      }
    }
    long keys = stateRows / 40;
    return new StreamingInfo(low, watermarks, lags, rowsEmitted, keys, keys * 96);
  }
}
