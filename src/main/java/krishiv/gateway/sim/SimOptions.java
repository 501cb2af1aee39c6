package krishiv.gateway.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * What to simulate: the size of the cluster, the seed of its one random source, how fast its clock runs, and
 * whether it starts fully loaded or frozen.
 *
 * @param executors number of executors (at least 1; 10,000 is a supported size)
 * @param jobs how many unfinished jobs the coordinator aims to have at once; with {@code preload} all of them
 *     are in place (running) from the start, otherwise about half are and the rest arrive over time
 * @param seed the seed of the simulation's only random source: the same seed gives the same run
 * @param timeScale how many simulated milliseconds pass per wall-clock millisecond (the verticle's clock); jobs,
 *     failures, checkpoints and outages run that much faster, the protocol's cadences (heartbeats, status and
 *     snapshots, see {@link SimTuning}) do not
 * @param heartbeatInterval heartbeat interval of every executor in wall-clock time (1 s by default, so a user
 *     sees live data; real executors default to 5 s); the simulation scales it by {@code timeScale}, so the
 *     heartbeat load on a gateway and the meaning of its heartbeat timeout do not depend on the time scale
 * @param preload start with all {@code jobs} jobs running on the executors (benchmarks: 10,000 × 1,000)
 * @param freeze keep heartbeats and periodic snapshots flowing but change nothing: no new jobs, no task or
 *     state changes, no outages, so measurements compare like with like
 * @param slotsPerExecutor task slots of each executor
 * @param tuning the rates and intervals of the simulation
 */
public record SimOptions(int executors, int jobs, long seed, double timeScale, Duration heartbeatInterval,
    boolean preload, boolean freeze, int slotsPerExecutor, SimTuning tuning) {

  public static final int DEFAULT_EXECUTORS = 8;
  public static final int DEFAULT_JOBS = 6;
  public static final long DEFAULT_SEED = 42;
  public static final int DEFAULT_SLOTS = 4;

  public SimOptions {
    if (executors < 1) {
      throw new IllegalArgumentException("executors must be at least 1, got " + executors);
    }
    if (jobs < 0) {
      throw new IllegalArgumentException("jobs must not be negative, got " + jobs);
    }
    if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
      throw new IllegalArgumentException("time scale must be a positive number, got " + timeScale);
    }
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    if (heartbeatInterval.toMillis() < 1) {
      throw new IllegalArgumentException("heartbeat interval must be at least 1 ms, got " + heartbeatInterval);
    }
    if (slotsPerExecutor < 1) {
      throw new IllegalArgumentException("slots per executor must be at least 1, got " + slotsPerExecutor);
    }
    Objects.requireNonNull(tuning, "tuning");
  }

  /** 8 executors with 4 slots, 6 jobs, seed 42, real time, 1 s heartbeats, not preloaded, not frozen. */
  public static SimOptions defaults() {
    return new SimOptions(DEFAULT_EXECUTORS, DEFAULT_JOBS, DEFAULT_SEED, 1.0, Duration.ofSeconds(1), false, false,
        DEFAULT_SLOTS, SimTuning.defaults());
  }

  public SimOptions withExecutors(int n) {
    return new SimOptions(n, jobs, seed, timeScale, heartbeatInterval, preload, freeze, slotsPerExecutor, tuning);
  }

  public SimOptions withJobs(int n) {
    return new SimOptions(executors, n, seed, timeScale, heartbeatInterval, preload, freeze, slotsPerExecutor,
        tuning);
  }

  public SimOptions withSeed(long s) {
    return new SimOptions(executors, jobs, s, timeScale, heartbeatInterval, preload, freeze, slotsPerExecutor,
        tuning);
  }

  public SimOptions withTimeScale(double scale) {
    return new SimOptions(executors, jobs, seed, scale, heartbeatInterval, preload, freeze, slotsPerExecutor,
        tuning);
  }

  public SimOptions withHeartbeatInterval(Duration d) {
    return new SimOptions(executors, jobs, seed, timeScale, d, preload, freeze, slotsPerExecutor, tuning);
  }

  public SimOptions withPreload(boolean p) {
    return new SimOptions(executors, jobs, seed, timeScale, heartbeatInterval, p, freeze, slotsPerExecutor, tuning);
  }

  public SimOptions withFreeze(boolean f) {
    return new SimOptions(executors, jobs, seed, timeScale, heartbeatInterval, preload, f, slotsPerExecutor, tuning);
  }

  public SimOptions withSlotsPerExecutor(int slots) {
    return new SimOptions(executors, jobs, seed, timeScale, heartbeatInterval, preload, freeze, slots, tuning);
  }

  public SimOptions withTuning(SimTuning t) {
    return new SimOptions(executors, jobs, seed, timeScale, heartbeatInterval, preload, freeze, slotsPerExecutor, t);
  }
}
