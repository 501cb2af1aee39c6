package krishiv.gateway.bus.message;

import static krishiv.gateway.bus.JsonFields.requireCount;
import static krishiv.gateway.bus.JsonFields.requireId;
import static krishiv.gateway.bus.JsonFields.toInt;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/** A task attempt an executor reports as running in its heartbeat. */
public record RunningTask(String jobId, int stageId, int taskId, int attemptId) {
  public RunningTask {
    Objects.requireNonNull(jobId, "jobId");
  }

  public static RunningTask fromJson(JsonObject o) {
    return new RunningTask(requireId(o, "job_id"), toInt("stage_id", requireCount(o, "stage_id")),
        toInt("task_id", requireCount(o, "task_id")), toInt("attempt_id", requireCount(o, "attempt_id")));
  }

  public JsonObject toJson() {
    return new JsonObject().put("job_id", jobId).put("stage_id", stageId).put("task_id", taskId)
        .put("attempt_id", attemptId);
  }
}
