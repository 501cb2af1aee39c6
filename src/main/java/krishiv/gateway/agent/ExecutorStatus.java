package krishiv.gateway.agent;

import java.util.List;
import java.util.Objects;
import krishiv.gateway.bus.message.RunningTask;

/** What an executor reports about itself at one heartbeat; the agent adds id, incarnation, seq and time. */
public record ExecutorStatus(String host, String state, int slots, List<RunningTask> runningTasks,
    long memoryUsedBytes, long memoryLimitBytes, int cpuCores, long networkBytesSent, long networkBytesRecv,
    String taskEndpoint, String barrierEndpoint, Long leaseGeneration, Integer consecutiveTaskFailures) {

  public ExecutorStatus {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(state, "state");
    runningTasks = List.copyOf(runningTasks);
  }

  /** An idle, healthy executor. */
  public static ExecutorStatus idle(String host, int slots, int cpuCores, long memoryLimitBytes) {
    return new ExecutorStatus(host, "healthy", slots, List.of(), 0, memoryLimitBytes, cpuCores, 0, 0,
        host + ":7337", null, null, 0);
  }

  public ExecutorStatus withState(String newState) {
    return new ExecutorStatus(host, newState, slots, runningTasks, memoryUsedBytes, memoryLimitBytes, cpuCores,
        networkBytesSent, networkBytesRecv, taskEndpoint, barrierEndpoint, leaseGeneration,
        consecutiveTaskFailures);
  }
}
