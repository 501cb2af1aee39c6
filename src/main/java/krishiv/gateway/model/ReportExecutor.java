package krishiv.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * An executor in Krishiv's report: host, state, slots, active tasks, heartbeat age in coordinator ticks and
 * memory, plus the gateway-added {@code slots_used}, {@code slots_total} and {@code lost_count}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReportExecutor(String executorId, String host, String state, int slots, int activeTasks,
    long heartbeatAgeTicks, String taskEndpoint, long memoryUsedBytes, long memoryLimitBytes, int slotsUsed,
    int slotsTotal, int lostCount) {

  public ReportExecutor {
    Objects.requireNonNull(executorId, "executorId");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(state, "state");
  }
}
