package krishiv.gateway.bus.message;

import static krishiv.gateway.bus.JsonFields.arrayOrEmpty;
import static krishiv.gateway.bus.JsonFields.booleanOrFalse;
import static krishiv.gateway.bus.JsonFields.countMap;
import static krishiv.gateway.bus.JsonFields.countOrZero;
import static krishiv.gateway.bus.JsonFields.objectAt;
import static krishiv.gateway.bus.JsonFields.optionalCount;
import static krishiv.gateway.bus.JsonFields.optionalString;
import static krishiv.gateway.bus.JsonFields.requireCount;
import static krishiv.gateway.bus.JsonFields.stringMap;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import krishiv.gateway.bus.JsonFields;

/**
 * The latest checkpoint of a streaming job and its last few epochs. {@code committedEpochCount} and
 * {@code failedEpochCount} count the job's epochs since it started (optional on the bus: committed defaults to
 * {@code latestEpoch}, failed to 0).
 */
public record CheckpointInfo(long latestEpoch, long fencingToken, Long committedAtMs, Map<String, Long> sourceOffsets,
    Map<String, String> operatorSnapshots, boolean isSavepoint, String savepointLabel, Long icebergSnapshotId,
    Map<String, Long> kafkaOffsets, List<CheckpointEpoch> epochs, Long committedEpochCount, long failedEpochCount) {

  public static final int MAX_ENTRIES = 4096;

  public CheckpointInfo {
    sourceOffsets = ordered(sourceOffsets);
    operatorSnapshots = ordered(operatorSnapshots);
    kafkaOffsets = ordered(kafkaOffsets);
    epochs = List.copyOf(epochs);
  }

  /** A checkpoint without epoch counts, as senders older than those fields publish it. */
  public CheckpointInfo(long latestEpoch, long fencingToken, Long committedAtMs, Map<String, Long> sourceOffsets,
      Map<String, String> operatorSnapshots, boolean isSavepoint, String savepointLabel, Long icebergSnapshotId,
      Map<String, Long> kafkaOffsets, List<CheckpointEpoch> epochs) {
    this(latestEpoch, fencingToken, committedAtMs, sourceOffsets, operatorSnapshots, isSavepoint, savepointLabel,
        icebergSnapshotId, kafkaOffsets, epochs, null, 0);
  }

  /** Epochs committed since the job started: the reported count, else the latest epoch number. */
  public long committedEpochs() {
    return committedEpochCount != null ? committedEpochCount : latestEpoch;
  }

  public static CheckpointInfo fromJson(JsonObject o) {
    JsonArray a = arrayOrEmpty(o, "epochs", MAX_ENTRIES);
    List<CheckpointEpoch> epochs = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      epochs.add(CheckpointEpoch.fromJson(objectAt(a, i, "epochs")));
    }
    return new CheckpointInfo(requireCount(o, "latest_epoch"), requireCount(o, "fencing_token"),
        optionalCount(o, "committed_at_ms"), countMap(o, "source_offsets", MAX_ENTRIES),
        stringMap(o, "operator_snapshots", MAX_ENTRIES), booleanOrFalse(o, "is_savepoint"),
        optionalString(o, "savepoint_label", JsonFields.MAX_ID_LENGTH * 2), optionalCount(o, "iceberg_snapshot_id"),
        countMap(o, "kafka_offsets", MAX_ENTRIES), epochs, optionalCount(o, "committed_epoch_count"),
        countOrZero(o, "failed_epoch_count"));
  }

  public JsonObject toJson() {
    JsonArray a = new JsonArray();
    epochs.forEach(e -> a.add(e.toJson()));
    return new JsonObject().put("latest_epoch", latestEpoch).put("fencing_token", fencingToken)
        .put("committed_at_ms", committedAtMs).put("source_offsets", new JsonObject(new java.util.LinkedHashMap<>(sourceOffsets)))
        .put("operator_snapshots", new JsonObject(new java.util.LinkedHashMap<>(operatorSnapshots))).put("is_savepoint", isSavepoint)
        .put("savepoint_label", savepointLabel).put("iceberg_snapshot_id", icebergSnapshotId)
        .put("kafka_offsets", new JsonObject(new java.util.LinkedHashMap<>(kafkaOffsets))).put("epochs", a)
        .put("committed_epoch_count", committedEpochCount).put("failed_epoch_count", failedEpochCount);
  }

  /** An unmodifiable copy that keeps the sender's key order, so the encoded JSON is the same in every run. */
  private static <K, V> Map<K, V> ordered(Map<K, V> m) {
    return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(m));
  }
}
