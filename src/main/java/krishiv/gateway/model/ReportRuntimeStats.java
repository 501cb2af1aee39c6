package krishiv.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A task's runtime counters in Krishiv's report: rows in and out, CPU time, memory and spill. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReportRuntimeStats(long inputRows, long outputRows, long cpuNanos, long memoryBytes, long spillBytes) {
  public static final ReportRuntimeStats ZERO = new ReportRuntimeStats(0, 0, 0, 0, 0);
}
