package krishiv.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * A streaming job's progress in Krishiv's report: low watermark, per-source watermarks and offset lags, rows
 * emitted and the size of its keyed state.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReportStreamingState(Long lowWatermarkMs, Map<String, Long> sourceWatermarks,
    Map<String, Long> sourceOffsetsLag, long totalRowsEmitted, long stateKeyCount, long stateBytes) {

  public ReportStreamingState {
    sourceWatermarks = ModelCollections.map(sourceWatermarks);
    sourceOffsetsLag = ModelCollections.map(sourceOffsetsLag);
  }
}
