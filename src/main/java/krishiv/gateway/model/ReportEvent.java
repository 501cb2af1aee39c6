package krishiv.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * A Krishiv cluster event (e.g. {@code ExecutorLost}) with the job, stage, task and executor it concerns, where
 * known; the unit of the gateway's live event stream.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReportEvent(long timestampMs, String eventKind, String detail, String jobId, Integer stageId,
    Integer taskId, String executorId) {

  public ReportEvent {
    Objects.requireNonNull(eventKind, "eventKind");
    Objects.requireNonNull(detail, "detail");
  }
}
