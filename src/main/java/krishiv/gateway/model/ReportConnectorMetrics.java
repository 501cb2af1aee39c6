package krishiv.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A job's source and sink connector counters in Krishiv's report, with the sink's last committed epoch if any. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReportConnectorMetrics(long totalRowsRead, long totalBytesRead, long totalRowsWritten,
    long totalBytesWritten, long sourceOffsetLag, Long sinkCommitEpoch) {}
