package krishiv.gateway.sim;

import java.util.ArrayList;
import java.util.List;
import krishiv.gateway.agent.ExecutorAgent;
import krishiv.gateway.agent.ExecutorStatus;
import krishiv.gateway.bus.message.RunningTask;

/**
 * One simulated executor: its fixed resources, the task attempts the coordinator placed on it, and whether it is
 * reachable. It is also the {@link ExecutorAgent.StatusSource} of its heartbeats, so what a heartbeat reports as
 * running is exactly the list of tasks the coordinator assigned to it.
 */
final class SimExecutor implements ExecutorAgent.StatusSource {
  /** Reachability as the simulated coordinator sees it. */
  enum Presence {
    /** Heartbeating and schedulable. */
    UP,
    /** Stopped heartbeating; its tasks are stuck until the coordinator gives it up or it comes back. */
    SILENT,
    /** Silent past the coordinator's timeout: its tasks were rescheduled elsewhere. */
    GONE,
    /** Deregistered for good. */
    REMOVED
  }

  private static final long MIB = 1024L * 1024;

  final String executorId;
  final String host;
  final int slots;
  final int cpuCores;
  final long memoryLimitBytes;
  /** Assigned or running task attempts, in assignment order. */
  final List<SimTask> tasks;
  Presence presence = Presence.UP;
  long silentSinceMs;
  /** When an automatic outage ends with a restart; {@code Long.MAX_VALUE} when none is planned. */
  long restartAtMs = Long.MAX_VALUE;
  long networkBytesSent;
  long networkBytesRecv;
  int consecutiveTaskFailures;

  SimExecutor(String executorId, String host, int slots, int cpuCores, long memoryLimitBytes) {
    this.executorId = executorId;
    this.host = host;
    this.slots = slots;
    this.cpuCores = cpuCores;
    this.memoryLimitBytes = memoryLimitBytes;
    this.tasks = new ArrayList<>(slots);
  }

  boolean isUp() {
    return presence == Presence.UP;
  }

  boolean isSilent() {
    return presence == Presence.SILENT || presence == Presence.GONE;
  }

  int freeSlots() {
    return isUp() ? slots - tasks.size() : 0;
  }

  /** Running tasks exchange shuffle and source data; the counters are cumulative, as the protocol wants. */
  void exchangeData(long elapsedMs) {
    int running = tasks.size();
    if (running > 0 && isUp()) {
      networkBytesSent += running * elapsedMs * 1_200L;
      networkBytesRecv += running * elapsedMs * 900L;
    }
  }

  @Override
  public ExecutorStatus get() {
    List<RunningTask> running = new ArrayList<>(tasks.size());
    long memory = 256 * MIB;
    for (SimTask t : tasks) {
      running.add(t.runningTask());
      memory += t.memoryBytes;
    }
    return new ExecutorStatus(host, "healthy", slots, running, Math.min(memory, memoryLimitBytes), memoryLimitBytes,
        cpuCores, networkBytesSent, networkBytesRecv, host + ":7337", host + ":7338", null, consecutiveTaskFailures);
  }
}
