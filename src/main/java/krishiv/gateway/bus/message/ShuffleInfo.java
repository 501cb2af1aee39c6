package krishiv.gateway.bus.message;

import static krishiv.gateway.bus.JsonFields.countOrZero;

import io.vertx.core.json.JsonObject;

/** A job's shuffle partitions by state and bytes written. */
public record ShuffleInfo(long pending, long available, long failed, long totalBytesWritten) {
  public static final ShuffleInfo ZERO = new ShuffleInfo(0, 0, 0, 0);

  public static ShuffleInfo fromJson(JsonObject o) {
    if (o == null) {
      return ZERO;
    }
    return new ShuffleInfo(countOrZero(o, "pending"), countOrZero(o, "available"), countOrZero(o, "failed"),
        countOrZero(o, "total_bytes_written"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("pending", pending).put("available", available).put("failed", failed)
        .put("total_bytes_written", totalBytesWritten);
  }
}
