package krishiv.gateway.bus.message;

import static krishiv.gateway.bus.JsonFields.MAX_TEXT_LENGTH;
import static krishiv.gateway.bus.JsonFields.optionalCount;
import static krishiv.gateway.bus.JsonFields.optionalObject;
import static krishiv.gateway.bus.JsonFields.optionalString;
import static krishiv.gateway.bus.JsonFields.requireCount;
import static krishiv.gateway.bus.JsonFields.requireEnum;
import static krishiv.gateway.bus.JsonFields.stringList;
import static krishiv.gateway.bus.JsonFields.toInt;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import krishiv.gateway.bus.JsonFields;

/** One task of a stage, as the coordinator reports it. */
public record TaskInfo(int taskId, String state, String executorId, int attempt, int failureCount,
    String lastFailureReason, Long watermarkMs, String sourceOffset, List<String> sourceCapabilities,
    List<String> sinkCapabilities, RuntimeStats runtimeStats) {

  public static final Set<String> STATES =
      Set.of("pending", "assigned", "running", "succeeded", "failed", "retrying", "cancelled");

  public TaskInfo {
    Objects.requireNonNull(state, "state");
    sourceCapabilities = List.copyOf(sourceCapabilities);
    sinkCapabilities = List.copyOf(sinkCapabilities);
    Objects.requireNonNull(runtimeStats, "runtimeStats");
  }

  public static TaskInfo fromJson(JsonObject o) {
    return new TaskInfo(toInt("task_id", requireCount(o, "task_id")), requireEnum(o, "state", STATES),
        optionalString(o, "executor_id", JsonFields.MAX_ID_LENGTH), toInt("attempt", requireCount(o, "attempt")),
        toInt("failure_count", requireCount(o, "failure_count")),
        optionalString(o, "last_failure_reason", MAX_TEXT_LENGTH), optionalCount(o, "watermark_ms"),
        optionalString(o, "source_offset", JsonFields.MAX_ID_LENGTH * 2), stringList(o, "source_capabilities", 64),
        stringList(o, "sink_capabilities", 64), RuntimeStats.fromJson(optionalObject(o, "runtime_stats")));
  }

  public JsonObject toJson() {
    return new JsonObject().put("task_id", taskId).put("state", state).put("executor_id", executorId)
        .put("attempt", attempt).put("failure_count", failureCount).put("last_failure_reason", lastFailureReason)
        .put("watermark_ms", watermarkMs).put("source_offset", sourceOffset)
        .put("source_capabilities", new JsonArray(List.copyOf(sourceCapabilities)))
        .put("sink_capabilities", new JsonArray(List.copyOf(sinkCapabilities)))
        .put("runtime_stats", runtimeStats.toJson());
  }

  public boolean isTerminal() {
    return "succeeded".equals(state) || "failed".equals(state) || "cancelled".equals(state);
  }
}
