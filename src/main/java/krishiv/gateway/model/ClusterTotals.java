package krishiv.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/** Cluster-wide totals of a {@link ClusterReport}: checkpoints, shuffle, streaming and connectors. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ClusterTotals(Checkpoints checkpoints, ReportShuffle shuffle, Streaming streaming,
    ReportConnectorMetrics connectors) {

  /** Jobs with checkpoints, the sum of their latest epochs, and how many latest checkpoints are savepoints. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Checkpoints(int jobCount, long epochsCommitted, int savepointCount) {}

  /** Streaming jobs, rows emitted and state size summed, and the lowest watermark (null: none). */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Streaming(int jobCount, long totalRowsEmitted, long stateKeyCount, long stateBytes,
      Long lowWatermarkMs) {}

  public ClusterTotals {
    Objects.requireNonNull(checkpoints, "checkpoints");
    Objects.requireNonNull(shuffle, "shuffle");
    Objects.requireNonNull(streaming, "streaming");
    Objects.requireNonNull(connectors, "connectors");
  }
}
