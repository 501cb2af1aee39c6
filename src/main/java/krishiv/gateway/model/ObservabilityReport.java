package krishiv.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Objects;

/**
 * Krishiv's per-job diagnosis ({@code GET /api/v1/jobs/{job_id}/diagnose}): the job, its stages and tasks, the
 * executors, checkpoint, shuffle, streaming and connector state, and recent events, as of {@code generated_at}.
 *
 * <p>{@code generatedAt} is kept as the RFC 3339 string it is on the wire; build it with
 * {@link ModelJson#rfc3339(long)}. {@code checkpoint}, {@code streamingState} and {@code connectorMetrics} are
 * {@code null} for jobs that have none (batch jobs).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ObservabilityReport(String generatedAt, String coordinatorId, ReportJob job, List<ReportStage> stages,
    List<ReportExecutor> executors, ReportCheckpoint checkpoint, ReportShuffle shufflePartitions,
    ReportStreamingState streamingState, List<ReportEvent> recentEvents, ReportConnectorMetrics connectorMetrics) {

  public ObservabilityReport {
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(coordinatorId, "coordinatorId");
    Objects.requireNonNull(job, "job");
    stages = ModelCollections.list(stages);
    executors = ModelCollections.list(executors);
    Objects.requireNonNull(shufflePartitions, "shufflePartitions");
    recentEvents = ModelCollections.list(recentEvents);
  }
}
