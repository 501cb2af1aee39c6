package krishiv.gateway.sim;

import java.util.List;
import krishiv.gateway.bus.message.RunningTask;
import krishiv.gateway.bus.message.RuntimeStats;
import krishiv.gateway.bus.message.TaskInfo;

/**
 * One task of a stage and its current attempt. A waiting task ({@code pending}, or {@code retrying} after a
 * failed attempt) is placed on an executor by the {@link Scheduler}; it is then {@code assigned}, starts
 * {@code running} a moment later and does {@code workMs} of work, unless the attempt was drawn to fail after
 * {@code failAtMs}. Streaming tasks have unbounded work: they run until their job stops. Counters are cumulative
 * over attempts, so job totals only grow.
 */
final class SimTask {
  private static final long MIB = 1024L * 1024;
  private static final List<String> STREAM_SOURCE_CAPS = List.of("replayable", "exactly_once");
  private static final List<String> STREAM_SINK_CAPS = List.of("two_phase_commit", "idempotent_writes");
  private static final List<String> BATCH_SOURCE_CAPS = List.of("predicate_pushdown", "column_projection");
  private static final List<String> BATCH_SINK_CAPS = List.of("atomic_commit");

  final SimStage stage;
  final int taskId;
  String state = SimStates.PENDING;
  SimExecutor executor;
  int attempt;
  int failureCount;
  String lastFailureReason;
  /** A waiting task may be assigned from this time on (the retry backoff). */
  long readyAtMs;
  /** An assigned attempt starts running at this time. */
  long startAtMs;
  long workMs;
  long doneMs;
  /** The current attempt fails once it has done this much work; -1 when it will not fail. */
  long failAtMs = -1;
  /** Every attempt of a poisoned task fails (bad input), so its job fails once the retries are used up. */
  boolean poisoned;
  long rowsPerSecond;
  long memoryBytes;
  /** Streaming: how far this task's watermark trails the clock. */
  long lagMs;
  long inputRows;
  long outputRows;
  long cpuNanos;
  long spillBytes;
  /** Streaming sources: records read so far from this task's partition. */
  long sourceOffset;
  Long watermarkMs;

  SimTask(SimStage stage, int taskId) {
    this.stage = stage;
    this.taskId = taskId;
  }

  SimJob job() {
    return stage.job;
  }

  boolean isActive() {
    return SimStates.ASSIGNED.equals(state) || SimStates.RUNNING.equals(state);
  }

  boolean isWaiting(long nowMs) {
    return (SimStates.PENDING.equals(state) || SimStates.RETRYING.equals(state)) && nowMs >= readyAtMs;
  }

  boolean isTerminal() {
    return SimStates.isTerminal(state);
  }

  /** The source partition a streaming source task reads. */
  String partition() {
    return stage.job.topic + "/p" + taskId;
  }

  /** Places this attempt on {@code e}: draws its duration, its speed and whether (and when) it fails. */
  void assign(SimExecutor e, StepContext ctx) {
    executor = e;
    e.tasks.add(this);
    state = SimStates.ASSIGNED;
    startAtMs = ctx.nowMs() + ctx.between(100, 400);
    doneMs = 0;
    rowsPerSecond = ctx.between(20_000, 200_000);
    memoryBytes = ctx.between(64, 512) * MIB;
    double failureRate = ctx.tuning().taskFailureRate();
    boolean fails = ctx.random().nextDouble() < (stage.job.isStreaming() ? failureRate / 2 : failureRate);
    if (stage.job.isStreaming()) {
      workMs = Long.MAX_VALUE;
      failAtMs = fails || poisoned ? ctx.between(10_000, 60_000) : -1;
      if (lagMs == 0) {
        lagMs = ctx.between(200, 2_000);
      }
    } else {
      workMs = ctx.between(1_500, 8_000);
      failAtMs = fails || poisoned ? (long) (workMs * (0.1 + 0.8 * ctx.random().nextDouble())) : -1;
    }
  }

  /**
   * Lets the attempt run for the time that passed; returns true if its state changed (it started running).
   * Tasks on an unreachable executor are stuck and make no progress.
   */
  boolean run(StepContext ctx) {
    boolean started = false;
    long now = ctx.nowMs();
    if (SimStates.ASSIGNED.equals(state) && now >= startAtMs) {
      state = SimStates.RUNNING;
      started = true;
    }
    if (!SimStates.RUNNING.equals(state) || !executor.isUp()) {
      return started;
    }
    long ran = Math.min(ctx.elapsedMs(), now - startAtMs);
    if (ran > 0) {
      work(ran, now);
    }
    return started;
  }

  /** Adds {@code ran} ms of work to the counters (also used to fast-forward preloaded tasks). */
  void work(long ran, long nowMs) {
    doneMs += ran;
    long rows = rowsPerSecond * ran / 1000;
    inputRows += rows;
    outputRows += (long) (rows * stage.selectivity);
    cpuNanos += ran * 850_000L;
    if (memoryBytes > 400 * MIB) {
      spillBytes += ran * 4_096L;
    }
    if (stage.job.isStreaming()) {
      watermarkMs = Math.max(0, nowMs - lagMs);
      if (stage.reads) {
        sourceOffset += rows;
      }
    }
  }

  boolean failsNow() {
    return failAtMs >= 0 && doneMs >= failAtMs;
  }

  boolean isDone() {
    return doneMs >= workMs;
  }

  /** Frees the executor slot the attempt held, if any. */
  void release() {
    if (executor != null) {
      executor.tasks.remove(this);
      executor = null;
    }
  }

  void finish(String terminalState) {
    release();
    state = terminalState;
  }

  /** Records lag of the source partition in records: what arrived while the watermark trailed. */
  long sourceLagRecords() {
    return rowsPerSecond * lagMs / 1000;
  }

  RunningTask runningTask() {
    return new RunningTask(stage.job.jobId, stage.stageId, taskId, attempt);
  }

  TaskInfo toInfo() {
    boolean streaming = stage.job.isStreaming();
    List<String> sourceCaps = stage.reads ? (streaming ? STREAM_SOURCE_CAPS : BATCH_SOURCE_CAPS) : List.of();
    List<String> sinkCaps = stage.writes ? (streaming ? STREAM_SINK_CAPS : BATCH_SINK_CAPS) : List.of();
    String offset = streaming && stage.reads && (sourceOffset > 0 || isActive()) ? partition() + "@" + sourceOffset
        : null;
    return new TaskInfo(taskId, state, executor == null ? null : executor.executorId, attempt, failureCount,
        lastFailureReason, watermarkMs, offset, sourceCaps, sinkCaps,
        new RuntimeStats(inputRows, outputRows, cpuNanos, memoryBytes, spillBytes));
  }
}
