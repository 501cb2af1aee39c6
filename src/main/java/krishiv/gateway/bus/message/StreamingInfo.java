package krishiv.gateway.bus.message;

import static krishiv.gateway.bus.JsonFields.countMap;
import static krishiv.gateway.bus.JsonFields.countOrZero;
import static krishiv.gateway.bus.JsonFields.optionalCount;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/** Streaming state of a job: watermarks, lags, rows emitted, state size. */
public record StreamingInfo(Long lowWatermarkMs, Map<String, Long> sourceWatermarks,
    Map<String, Long> sourceOffsetsLag, long totalRowsEmitted, long stateKeyCount, long stateBytes) {

  public static final int MAX_SOURCES = 1024;

  public StreamingInfo {
    sourceWatermarks = ordered(sourceWatermarks);
    sourceOffsetsLag = ordered(sourceOffsetsLag);
  }

  public static StreamingInfo fromJson(JsonObject o) {
    return new StreamingInfo(optionalCount(o, "low_watermark_ms"), countMap(o, "source_watermarks", MAX_SOURCES),
        countMap(o, "source_offsets_lag", MAX_SOURCES), countOrZero(o, "total_rows_emitted"),
        countOrZero(o, "state_key_count"), countOrZero(o, "state_bytes"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("low_watermark_ms", lowWatermarkMs)
        .put("source_watermarks", new JsonObject(new java.util.LinkedHashMap<>(sourceWatermarks)))
        .put("source_offsets_lag", new JsonObject(new java.util.LinkedHashMap<>(sourceOffsetsLag)))
        .put("total_rows_emitted", totalRowsEmitted).put("state_key_count", stateKeyCount)
        .put("state_bytes", stateBytes);
  }

  /** An unmodifiable copy that keeps the sender's key order, so the encoded JSON is the same in every run. */
  private static <K, V> Map<K, V> ordered(Map<K, V> m) {
    return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(m));
  }
}
