package krishiv.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * Host and process metrics of the gateway ({@code GET /api/v1/system}), in Krishiv's {@code SystemMetrics} shape:
 * logical CPU cores, host memory, host identity, and the process's pid, uptime, resident memory and threads.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SystemMetrics(int cpuCores, long memoryTotalBytes, long memoryAvailableBytes, String hostname,
    String os, String kernelVersion, long pid, long uptimeSeconds, long processMemoryBytes,
    int processThreadCount) {

  public SystemMetrics {
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(kernelVersion, "kernelVersion");
  }

  /**
   * Reads the metrics of the running JVM process. May block (hostname lookup can wait on DNS, and on Linux it
   * reads {@code /proc}): call it off the event loop, e.g. with {@code executeBlocking}.
   */
  public static SystemMetrics current() {
    return SystemMetricsProbe.read();
  }
}
