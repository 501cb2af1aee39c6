package krishiv.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Objects;

/**
 * The whole cluster in one document ({@code GET /api/v1/report}): every job and executor in Krishiv's report
 * shapes, cluster totals and the most recent events.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ClusterReport(String generatedAt, String coordinatorId, List<ReportJob> jobs,
    List<ReportExecutor> executors, ClusterTotals totals, List<ReportEvent> recentEvents) {

  public ClusterReport {
    Objects.requireNonNull(generatedAt, "generatedAt");
    jobs = ModelCollections.list(jobs);
    executors = ModelCollections.list(executors);
    Objects.requireNonNull(totals, "totals");
    recentEvents = ModelCollections.list(recentEvents);
  }
}
