package krishiv.gateway.bus.message;

import static krishiv.gateway.bus.JsonFields.countOrZero;

import io.vertx.core.json.JsonObject;

/** Per-task runtime counters. */
public record RuntimeStats(long inputRows, long outputRows, long cpuNanos, long memoryBytes, long spillBytes) {
  public static final RuntimeStats ZERO = new RuntimeStats(0, 0, 0, 0, 0);

  public static RuntimeStats fromJson(JsonObject o) {
    if (o == null) {
      return ZERO;
    }
    return new RuntimeStats(countOrZero(o, "input_rows"), countOrZero(o, "output_rows"), countOrZero(o, "cpu_nanos"),
        countOrZero(o, "memory_bytes"), countOrZero(o, "spill_bytes"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("input_rows", inputRows).put("output_rows", outputRows).put("cpu_nanos", cpuNanos)
        .put("memory_bytes", memoryBytes).put("spill_bytes", spillBytes);
  }
}
