package krishiv.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * The job summary at the top of Krishiv's report ({@code job_kind} is {@code batch} or {@code streaming}), plus
 * the gateway-added {@code total_rows}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReportJob(String jobId, String jobName, String jobKind, String state, long submittedAtMs, int priority,
    String namespaceId, long elapsedMs, long totalRows) {

  public ReportJob {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(jobKind, "jobKind");
    Objects.requireNonNull(state, "state");
  }
}
