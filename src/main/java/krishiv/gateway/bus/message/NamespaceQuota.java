package krishiv.gateway.bus.message;

import static krishiv.gateway.bus.JsonFields.optionalString;
import static krishiv.gateway.bus.JsonFields.requireCount;

import io.vertx.core.json.JsonObject;
import krishiv.gateway.bus.JsonFields;

/** One namespace's quota and reservation; {@code namespaceId} null is the default namespace. */
public record NamespaceQuota(
    String namespaceId,
    long cpuNanosReserved,
    long memoryBytesReserved,
    long activeJobCount,
    long maxActiveJobs,
    long maxCpuNanos,
    long maxMemoryBytes) {

  public static NamespaceQuota fromJson(JsonObject o) {
    return new NamespaceQuota(optionalString(o, "namespace_id", JsonFields.MAX_ID_LENGTH),
        requireCount(o, "cpu_nanos_reserved"), requireCount(o, "memory_bytes_reserved"),
        requireCount(o, "active_job_count"), requireCount(o, "max_active_jobs"), requireCount(o, "max_cpu_nanos"),
        requireCount(o, "max_memory_bytes"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("namespace_id", namespaceId).put("cpu_nanos_reserved", cpuNanosReserved)
        .put("memory_bytes_reserved", memoryBytesReserved).put("active_job_count", activeJobCount)
        .put("max_active_jobs", maxActiveJobs).put("max_cpu_nanos", maxCpuNanos)
        .put("max_memory_bytes", maxMemoryBytes);
  }
}
