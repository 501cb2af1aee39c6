package krishiv.gateway.bus.message;

import static krishiv.gateway.bus.JsonFields.arrayOrEmpty;
import static krishiv.gateway.bus.JsonFields.countMap;
import static krishiv.gateway.bus.JsonFields.countOrZero;
import static krishiv.gateway.bus.JsonFields.objectAt;
import static krishiv.gateway.bus.JsonFields.optionalCount;
import static krishiv.gateway.bus.JsonFields.optionalObject;
import static krishiv.gateway.bus.JsonFields.optionalString;
import static krishiv.gateway.bus.JsonFields.requireCount;
import static krishiv.gateway.bus.JsonFields.requireEnum;
import static krishiv.gateway.bus.JsonFields.requireId;
import static krishiv.gateway.bus.JsonFields.requireLong;
import static krishiv.gateway.bus.JsonFields.requireString;
import static krishiv.gateway.bus.JsonFields.toInt;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import krishiv.gateway.bus.JsonFields;

/**
 * One job as the coordinator publishes it on {@code krishiv.coordinator.jobs}. {@code operatorMemoryBytes} is the
 * memory its operators hold now, by operator kind (optional on the bus; empty when absent).
 */
public record JobInfo(String jobId, String jobName, String kind, String state, int priority, String namespaceId,
    long submittedAtMs, Long completedAtMs, long totalRows, ResourceUsage resourceUsage, List<StageInfo> stages,
    ShuffleInfo shuffle, CheckpointInfo checkpoint, StreamingInfo streaming, ConnectorInfo connectors,
    Map<String, Long> operatorMemoryBytes) {

  public static final Set<String> KINDS = Set.of("batch", "streaming");
  public static final Set<String> STATES = Set.of(
      "queued", "accepted", "planning", "running", "committing", "succeeded", "failed", "cancelled");
  public static final Set<String> TERMINAL_STATES = Set.of("succeeded", "failed", "cancelled");
  public static final int MAX_STAGES = 1024;
  /** Most entries of {@code operator_memory_bytes}. */
  public static final int MAX_OPERATORS = 1024;

  public JobInfo {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(state, "state");
    stages = List.copyOf(stages);
    Objects.requireNonNull(resourceUsage, "resourceUsage");
    Objects.requireNonNull(shuffle, "shuffle");
    operatorMemoryBytes = Map.copyOf(operatorMemoryBytes);
  }

  /** A job without operator memory, as senders older than {@code operator_memory_bytes} publish it. */
  public JobInfo(String jobId, String jobName, String kind, String state, int priority, String namespaceId,
      long submittedAtMs, Long completedAtMs, long totalRows, ResourceUsage resourceUsage, List<StageInfo> stages,
      ShuffleInfo shuffle, CheckpointInfo checkpoint, StreamingInfo streaming, ConnectorInfo connectors) {
    this(jobId, jobName, kind, state, priority, namespaceId, submittedAtMs, completedAtMs, totalRows, resourceUsage,
        stages, shuffle, checkpoint, streaming, connectors, Map.of());
  }

  public static JobInfo fromJson(JsonObject o) {
    JsonArray a = arrayOrEmpty(o, "stages", MAX_STAGES);
    List<StageInfo> stages = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      stages.add(StageInfo.fromJson(objectAt(a, i, "stages")));
    }
    JsonObject checkpoint = optionalObject(o, "checkpoint");
    JsonObject streaming = optionalObject(o, "streaming");
    JsonObject connectors = optionalObject(o, "connectors");
    return new JobInfo(requireId(o, "job_id"), requireString(o, "job_name", JsonFields.MAX_ID_LENGTH * 2),
        requireEnum(o, "kind", KINDS), requireEnum(o, "state", STATES), toInt("priority", requireLong(o, "priority")),
        optionalString(o, "namespace_id", JsonFields.MAX_ID_LENGTH), requireCount(o, "submitted_at_ms"),
        optionalCount(o, "completed_at_ms"), countOrZero(o, "total_rows"),
        ResourceUsage.fromJson(optionalObject(o, "resource_usage")), stages,
        ShuffleInfo.fromJson(optionalObject(o, "shuffle")),
        checkpoint == null ? null : CheckpointInfo.fromJson(checkpoint),
        streaming == null ? null : StreamingInfo.fromJson(streaming),
        connectors == null ? null : ConnectorInfo.fromJson(connectors),
        countMap(o, "operator_memory_bytes", MAX_OPERATORS));
  }

  public JsonObject toJson() {
    JsonArray a = new JsonArray(new ArrayList<>(stages.size()));
    stages.forEach(s -> a.add(s.toJson()));
    return new JsonObject().put("job_id", jobId).put("job_name", jobName).put("kind", kind).put("state", state)
        .put("priority", priority).put("namespace_id", namespaceId).put("submitted_at_ms", submittedAtMs)
        .put("completed_at_ms", completedAtMs).put("total_rows", totalRows)
        .put("resource_usage", resourceUsage.toJson()).put("stages", a).put("shuffle", shuffle.toJson())
        .put("checkpoint", checkpoint == null ? null : checkpoint.toJson())
        .put("streaming", streaming == null ? null : streaming.toJson())
        .put("connectors", connectors == null ? null : connectors.toJson())
        .put("operator_memory_bytes", new JsonObject(new LinkedHashMap<>(operatorMemoryBytes)));
  }

  public boolean isTerminal() {
    return TERMINAL_STATES.contains(state);
  }
}
