package krishiv.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * One task of a stage in Krishiv's report: its state, where it runs, its attempt and failures, streaming
 * progress (watermark, source offset) and runtime counters.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReportTask(int taskId, String state, String executorId, int attemptId, int failureCount,
    String lastFailureReason, Long watermarkMs, String sourceOffset, ReportRuntimeStats runtimeStats) {

  public ReportTask {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(runtimeStats, "runtimeStats");
  }
}
