package krishiv.gateway.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * The rates and intervals of the simulation. The protocol's cadences (the first five, like the heartbeat
 * interval) are wall-clock time, so that {@link SimOptions#timeScale()} speeds up the workload without
 * multiplying the load on a gateway; the workload's own times (checkpoints, retention, outages, timeouts) are
 * simulated time. The defaults make a small cluster lively enough for a demo: a task attempt fails now and then,
 * an executor goes silent for longer than a gateway's heartbeat timeout about once every
 * {@code meanTimeBetweenOutages}, streaming jobs checkpoint every few seconds.
 *
 * @param stepInterval how often the simulator verticle advances the simulation (wall clock)
 * @param statusInterval how often the coordinator publishes its status, its liveness signal (wall clock)
 * @param fullSnapshotInterval how often the coordinator publishes every job, {@code full: true} (wall clock)
 * @param queuesInterval how often the quota snapshot is published when it did not change (wall clock)
 * @param progressInterval a job whose counters moved but whose states did not is published at most this often
 *     (wall clock)
 * @param checkpointInterval time between checkpoints of a running streaming job
 * @param jobRetention how long the coordinator keeps a finished job before dropping it from full snapshots
 * @param outageDuration how long an executor stays silent in an automatic outage before it restarts
 * @param meanTimeBetweenOutages mean time between automatic executor outages; zero turns them off
 * @param executorTimeout silence after which the coordinator gives an executor up and reschedules its tasks
 * @param taskFailureRate probability that a batch task attempt fails (streaming attempts: half of it)
 */
public record SimTuning(Duration stepInterval, Duration statusInterval, Duration fullSnapshotInterval,
    Duration queuesInterval, Duration progressInterval, Duration checkpointInterval, Duration jobRetention,
    Duration outageDuration, Duration meanTimeBetweenOutages, Duration executorTimeout, double taskFailureRate) {

  public SimTuning {
    requirePositive(stepInterval, "stepInterval");
    requirePositive(statusInterval, "statusInterval");
    requirePositive(fullSnapshotInterval, "fullSnapshotInterval");
    requirePositive(queuesInterval, "queuesInterval");
    requirePositive(progressInterval, "progressInterval");
    requirePositive(checkpointInterval, "checkpointInterval");
    requireNotNegative(jobRetention, "jobRetention");
    requirePositive(outageDuration, "outageDuration");
    requireNotNegative(meanTimeBetweenOutages, "meanTimeBetweenOutages");
    requirePositive(executorTimeout, "executorTimeout");
    if (!(taskFailureRate >= 0 && taskFailureRate <= 1)) {
      throw new IllegalArgumentException("taskFailureRate must be within [0, 1], got " + taskFailureRate);
    }
  }

  public static SimTuning defaults() {
    return new SimTuning(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(10),
        Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(60),
        Duration.ofSeconds(15), Duration.ofSeconds(40), Duration.ofSeconds(9), 0.05);
  }

  public SimTuning withStepInterval(Duration d) {
    return new SimTuning(d, statusInterval, fullSnapshotInterval, queuesInterval, progressInterval,
        checkpointInterval, jobRetention, outageDuration, meanTimeBetweenOutages, executorTimeout, taskFailureRate);
  }

  public SimTuning withJobRetention(Duration d) {
    return new SimTuning(stepInterval, statusInterval, fullSnapshotInterval, queuesInterval, progressInterval,
        checkpointInterval, d, outageDuration, meanTimeBetweenOutages, executorTimeout, taskFailureRate);
  }

  /** Automatic outages: each lasts {@code duration}, one starts every {@code meanEvery} on average (zero: none). */
  public SimTuning withOutages(Duration duration, Duration meanEvery) {
    return new SimTuning(stepInterval, statusInterval, fullSnapshotInterval, queuesInterval, progressInterval,
        checkpointInterval, jobRetention, duration, meanEvery, executorTimeout, taskFailureRate);
  }

  public SimTuning withExecutorTimeout(Duration d) {
    return new SimTuning(stepInterval, statusInterval, fullSnapshotInterval, queuesInterval, progressInterval,
        checkpointInterval, jobRetention, outageDuration, meanTimeBetweenOutages, d, taskFailureRate);
  }

  public SimTuning withTaskFailureRate(double rate) {
    return new SimTuning(stepInterval, statusInterval, fullSnapshotInterval, queuesInterval, progressInterval,
        checkpointInterval, jobRetention, outageDuration, meanTimeBetweenOutages, executorTimeout, rate);
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }

  private static void requireNotNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, got " + d);
    }
  }
}
