package krishiv.gateway.view;

import java.util.List;
import java.util.Objects;
import krishiv.gateway.bus.message.Heartbeat;
import krishiv.gateway.bus.message.RunningTask;

/**
 * What the view knows of one executor: its latest heartbeat plus the gateway's own verdict ({@code state},
 * which may be {@code lost}), when it last heard from it, and how often it lost it.
 */
public record ExecutorEntry(
    Heartbeat heartbeat,
    String state,
    long firstSeenMs,
    long lastHeartbeatMs,
    long stateSinceMs,
    int lostCount) {

  public ExecutorEntry {
    Objects.requireNonNull(heartbeat, "heartbeat");
    Objects.requireNonNull(state, "state");
  }

  public String executorId() {
    return heartbeat.executorId();
  }

  public List<RunningTask> runningTasks() {
    return heartbeat.runningTasks();
  }

  public int slotsUsed() {
    return Math.min(heartbeat.slots(), heartbeat.runningTasks().size());
  }

  public ExecutorEntry withState(String newState, long atMs, int newLostCount) {
    return new ExecutorEntry(heartbeat, newState, firstSeenMs, lastHeartbeatMs, atMs, newLostCount);
  }
}
