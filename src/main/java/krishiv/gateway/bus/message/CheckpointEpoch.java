package krishiv.gateway.bus.message;

import static krishiv.gateway.bus.JsonFields.booleanOrFalse;
import static krishiv.gateway.bus.JsonFields.optionalCount;
import static krishiv.gateway.bus.JsonFields.optionalString;
import static krishiv.gateway.bus.JsonFields.requireCount;

import io.vertx.core.json.JsonObject;
import krishiv.gateway.bus.JsonFields;

/**
 * One committed checkpoint epoch. {@code durationMs} is how long its commit took (optional on the bus; null when
 * the sender does not measure it).
 */
public record CheckpointEpoch(long epoch, long committedAtMs, boolean isSavepoint, String savepointLabel,
    Long durationMs) {

  /** An epoch without a commit duration, as senders older than {@code duration_ms} publish it. */
  public CheckpointEpoch(long epoch, long committedAtMs, boolean isSavepoint, String savepointLabel) {
    this(epoch, committedAtMs, isSavepoint, savepointLabel, null);
  }

  public static CheckpointEpoch fromJson(JsonObject o) {
    return new CheckpointEpoch(requireCount(o, "epoch"), requireCount(o, "committed_at_ms"),
        booleanOrFalse(o, "is_savepoint"), optionalString(o, "savepoint_label", JsonFields.MAX_ID_LENGTH * 2),
        optionalCount(o, "duration_ms"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("epoch", epoch).put("committed_at_ms", committedAtMs).put("is_savepoint", isSavepoint)
        .put("savepoint_label", savepointLabel).put("duration_ms", durationMs);
  }
}
