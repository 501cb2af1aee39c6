package krishiv.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * A streaming job's latest checkpoint in Krishiv's report: epoch, fencing token, commit time, per-source offsets,
 * per-operator snapshot locations, savepoint flag and label, Iceberg snapshot and Kafka offsets.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReportCheckpoint(long latestEpoch, long fencingToken, Long committedAtMs,
    Map<String, Long> sourceOffsets, Map<String, String> operatorSnapshots,
    // Pinned: Jackson 2.18 uses the component name, but an "is" accessor may otherwise read as "savepoint".
    @JsonProperty("is_savepoint") boolean isSavepoint, String savepointLabel, Long icebergSnapshotId,
    Map<String, Long> kafkaOffsets) {

  public ReportCheckpoint {
    sourceOffsets = ModelCollections.map(sourceOffsets);
    operatorSnapshots = ModelCollections.map(operatorSnapshots);
    kafkaOffsets = ModelCollections.map(kafkaOffsets);
  }
}
