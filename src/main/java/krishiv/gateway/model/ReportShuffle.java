package krishiv.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A job's shuffle partitions in Krishiv's report: counts by state (pending, available, failed) and bytes written. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReportShuffle(long pending, long available, long failed, long totalBytesWritten) {
  public static final ReportShuffle ZERO = new ReportShuffle(0, 0, 0, 0);
}
