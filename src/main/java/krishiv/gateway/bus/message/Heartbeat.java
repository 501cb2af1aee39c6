package krishiv.gateway.bus.message;

import static krishiv.gateway.bus.JsonFields.MAX_ID_LENGTH;
import static krishiv.gateway.bus.JsonFields.arrayOrEmpty;
import static krishiv.gateway.bus.JsonFields.countOrZero;
import static krishiv.gateway.bus.JsonFields.objectAt;
import static krishiv.gateway.bus.JsonFields.optionalCount;
import static krishiv.gateway.bus.JsonFields.optionalString;
import static krishiv.gateway.bus.JsonFields.requireCount;
import static krishiv.gateway.bus.JsonFields.requireEnum;
import static krishiv.gateway.bus.JsonFields.requireId;
import static krishiv.gateway.bus.JsonFields.requireIntCount;
import static krishiv.gateway.bus.JsonFields.requireLong;
import static krishiv.gateway.bus.JsonFields.requireString;
import static krishiv.gateway.bus.JsonFields.toInt;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import krishiv.gateway.bus.BusAddresses;

/**
 * An executor heartbeat ({@code krishiv.executor.heartbeat}). {@link #fromJson} is the validator of this
 * message kind: it rejects with a reason and never returns a half-read value.
 *
 * <p>{@code spillBytes}, {@code spillFiles} and {@code failedAssignments} are cumulative within one incarnation
 * (optional on the bus, 0 when absent); the view turns them into cluster counters.
 */
public record Heartbeat(
    String executorId,
    String incarnation,
    long seq,
    String host,
    String state,
    int slots,
    List<RunningTask> runningTasks,
    long memoryUsedBytes,
    long memoryLimitBytes,
    int cpuCores,
    long networkBytesSent,
    long networkBytesRecv,
    String taskEndpoint,
    String barrierEndpoint,
    Long leaseGeneration,
    Integer consecutiveTaskFailures,
    long sentAtMs,
    long spillBytes,
    long spillFiles,
    long failedAssignments) {

  /** States an executor may report about itself; {@code lost} is only ever the gateway's verdict. */
  public static final Set<String> STATES = Set.of("registered", "healthy", "draining", "removed");
  /** Most running tasks one heartbeat may list. */
  public static final int MAX_RUNNING_TASKS = 4096;

  public Heartbeat {
    Objects.requireNonNull(executorId, "executorId");
    Objects.requireNonNull(incarnation, "incarnation");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(state, "state");
    runningTasks = List.copyOf(runningTasks);
  }

  /**
   * A heartbeat without the optional cumulative counters ({@code spill_bytes}, {@code spill_files},
   * {@code failed_assignments}), as senders older than those fields publish it: they read as 0.
   */
  public Heartbeat(String executorId, String incarnation, long seq, String host, String state, int slots,
      List<RunningTask> runningTasks, long memoryUsedBytes, long memoryLimitBytes, int cpuCores,
      long networkBytesSent, long networkBytesRecv, String taskEndpoint, String barrierEndpoint,
      Long leaseGeneration, Integer consecutiveTaskFailures, long sentAtMs) {
    this(executorId, incarnation, seq, host, state, slots, runningTasks, memoryUsedBytes, memoryLimitBytes, cpuCores,
        networkBytesSent, networkBytesRecv, taskEndpoint, barrierEndpoint, leaseGeneration, consecutiveTaskFailures,
        sentAtMs, 0, 0, 0);
  }

  public static Heartbeat fromJson(JsonObject o) {
    JsonArray tasks = arrayOrEmpty(o, "running_tasks", MAX_RUNNING_TASKS);
    List<RunningTask> running = new ArrayList<>(tasks.size());
    for (int i = 0; i < tasks.size(); i++) {
      running.add(RunningTask.fromJson(objectAt(tasks, i, "running_tasks")));
    }
    Long failures = optionalCount(o, "consecutive_task_failures");
    return new Heartbeat(
        requireId(o, "executor_id"),
        requireId(o, "incarnation"),
        requireCount(o, "seq"),
        requireString(o, "host", MAX_ID_LENGTH * 2),
        requireEnum(o, "state", STATES),
        requireIntCount(o, "slots"),
        running,
        requireCount(o, "memory_used_bytes"),
        requireCount(o, "memory_limit_bytes"),
        requireIntCount(o, "cpu_cores"),
        requireCount(o, "network_bytes_sent"),
        requireCount(o, "network_bytes_recv"),
        optionalString(o, "task_endpoint", MAX_ID_LENGTH * 2),
        optionalString(o, "barrier_endpoint", MAX_ID_LENGTH * 2),
        optionalCount(o, "lease_generation"),
        failures == null ? null : toInt("consecutive_task_failures", failures),
        requireLong(o, "sent_at_ms"),
        countOrZero(o, "spill_bytes"),
        countOrZero(o, "spill_files"),
        countOrZero(o, "failed_assignments"));
  }

  public JsonObject toJson() {
    JsonArray tasks = new JsonArray(new ArrayList<>(runningTasks.size()));
    for (RunningTask t : runningTasks) {
      tasks.add(t.toJson());
    }
    return new JsonObject()
        .put("v", BusAddresses.PROTOCOL_VERSION)
        .put("executor_id", executorId)
        .put("incarnation", incarnation)
        .put("seq", seq)
        .put("host", host)
        .put("state", state)
        .put("slots", slots)
        .put("running_tasks", tasks)
        .put("memory_used_bytes", memoryUsedBytes)
        .put("memory_limit_bytes", memoryLimitBytes)
        .put("cpu_cores", cpuCores)
        .put("network_bytes_sent", networkBytesSent)
        .put("network_bytes_recv", networkBytesRecv)
        .put("task_endpoint", taskEndpoint)
        .put("barrier_endpoint", barrierEndpoint)
        .put("lease_generation", leaseGeneration)
        .put("consecutive_task_failures", consecutiveTaskFailures)
        .put("sent_at_ms", sentAtMs)
        .put("spill_bytes", spillBytes)
        .put("spill_files", spillFiles)
        .put("failed_assignments", failedAssignments);
  }
}
