package krishiv.gateway.bus.message;

import static krishiv.gateway.bus.JsonFields.MAX_TEXT_LENGTH;
import static krishiv.gateway.bus.JsonFields.optionalCount;
import static krishiv.gateway.bus.JsonFields.optionalString;
import static krishiv.gateway.bus.JsonFields.requireCount;
import static krishiv.gateway.bus.JsonFields.requireId;
import static krishiv.gateway.bus.JsonFields.toInt;

import io.vertx.core.json.JsonObject;
import java.util.Objects;
import krishiv.gateway.bus.JsonFields;

/** A coordinator event as it arrives on {@code krishiv.coordinator.events}. */
public record EventInfo(long timestampMs, String eventKind, String detail, String jobId, Integer stageId,
    Integer taskId, String executorId) {

  public EventInfo {
    Objects.requireNonNull(eventKind, "eventKind");
    Objects.requireNonNull(detail, "detail");
  }

  public static EventInfo fromJson(JsonObject o) {
    Long stage = optionalCount(o, "stage_id");
    Long task = optionalCount(o, "task_id");
    String detail = optionalString(o, "detail", MAX_TEXT_LENGTH);
    return new EventInfo(requireCount(o, "timestamp_ms"), requireId(o, "event_kind"), detail == null ? "" : detail,
        optionalString(o, "job_id", JsonFields.MAX_ID_LENGTH), stage == null ? null : toInt("stage_id", stage),
        task == null ? null : toInt("task_id", task), optionalString(o, "executor_id", JsonFields.MAX_ID_LENGTH));
  }

  public JsonObject toJson() {
    return new JsonObject().put("timestamp_ms", timestampMs).put("event_kind", eventKind).put("detail", detail)
        .put("job_id", jobId).put("stage_id", stageId).put("task_id", taskId).put("executor_id", executorId);
  }
}
