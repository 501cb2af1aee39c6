package krishiv.gateway.bus.message;

import static krishiv.gateway.bus.JsonFields.booleanOrFalse;
import static krishiv.gateway.bus.JsonFields.optionalString;
import static krishiv.gateway.bus.JsonFields.requireCount;

import io.vertx.core.json.JsonObject;
import krishiv.gateway.bus.JsonFields;

/** One committed checkpoint epoch. */
public record CheckpointEpoch(long epoch, long committedAtMs, boolean isSavepoint, String savepointLabel) {
  public static CheckpointEpoch fromJson(JsonObject o) {
    return new CheckpointEpoch(requireCount(o, "epoch"), requireCount(o, "committed_at_ms"),
        booleanOrFalse(o, "is_savepoint"), optionalString(o, "savepoint_label", JsonFields.MAX_ID_LENGTH * 2));
  }

  public JsonObject toJson() {
    return new JsonObject().put("epoch", epoch).put("committed_at_ms", committedAtMs).put("is_savepoint", isSavepoint)
        .put("savepoint_label", savepointLabel);
  }
}
