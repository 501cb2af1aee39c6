package krishiv.gateway.bus.message;

import static krishiv.gateway.bus.JsonFields.countOrZero;

import io.vertx.core.json.JsonObject;

/** A job's resource usage, as Krishiv's JobSummary carries it. */
public record ResourceUsage(long cpuNanos, long memoryPeakTaskBytes, long memoryTotalBytes, long taskCount) {
  public static final ResourceUsage ZERO = new ResourceUsage(0, 0, 0, 0);

  public static ResourceUsage fromJson(JsonObject o) {
    if (o == null) {
      return ZERO;
    }
    return new ResourceUsage(countOrZero(o, "cpu_nanos"), countOrZero(o, "memory_peak_task_bytes"),
        countOrZero(o, "memory_total_bytes"), countOrZero(o, "task_count"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("cpu_nanos", cpuNanos).put("memory_peak_task_bytes", memoryPeakTaskBytes)
        .put("memory_total_bytes", memoryTotalBytes).put("task_count", taskCount);
  }
}
