package krishiv.gateway.bus.message;

import static krishiv.gateway.bus.JsonFields.arrayOrEmpty;
import static krishiv.gateway.bus.JsonFields.countOrZero;
import static krishiv.gateway.bus.JsonFields.intList;
import static krishiv.gateway.bus.JsonFields.objectAt;
import static krishiv.gateway.bus.JsonFields.optionalString;
import static krishiv.gateway.bus.JsonFields.requireCount;
import static krishiv.gateway.bus.JsonFields.requireEnum;
import static krishiv.gateway.bus.JsonFields.toInt;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import krishiv.gateway.bus.JsonFields;

/**
 * One stage of a job with its tasks. {@code shufflePartitionsFailed} is optional on the bus (0 when absent); the
 * stage's pending partitions are the rest of {@code outputPartitionCount}.
 */
public record StageInfo(int stageId, String stageName, String state, int retryCount, List<Integer> upstreamStageIds,
    int outputPartitionCount, long shuffleBytesWritten, long shufflePartitionsAvailable, List<TaskInfo> tasks,
    long shufflePartitionsFailed) {

  public static final Set<String> STATES =
      Set.of("pending", "scheduling", "running", "succeeded", "failed", "retrying", "cancelled");
  public static final int MAX_TASKS = 100_000;

  public StageInfo {
    Objects.requireNonNull(state, "state");
    upstreamStageIds = List.copyOf(upstreamStageIds);
    tasks = List.copyOf(tasks);
  }

  /** A stage without failed partitions, as senders older than {@code shuffle_partitions_failed} publish it. */
  public StageInfo(int stageId, String stageName, String state, int retryCount, List<Integer> upstreamStageIds,
      int outputPartitionCount, long shuffleBytesWritten, long shufflePartitionsAvailable, List<TaskInfo> tasks) {
    this(stageId, stageName, state, retryCount, upstreamStageIds, outputPartitionCount, shuffleBytesWritten,
        shufflePartitionsAvailable, tasks, 0);
  }

  /** Output partitions neither available nor failed (never negative). */
  public long shufflePartitionsPending() {
    return Math.max(0, outputPartitionCount - shufflePartitionsAvailable - shufflePartitionsFailed);
  }

  public static StageInfo fromJson(JsonObject o) {
    JsonArray a = arrayOrEmpty(o, "tasks", MAX_TASKS);
    List<TaskInfo> tasks = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      tasks.add(TaskInfo.fromJson(objectAt(a, i, "tasks")));
    }
    int id = toInt("stage_id", requireCount(o, "stage_id"));
    String name = optionalString(o, "stage_name", JsonFields.MAX_ID_LENGTH * 2);
    return new StageInfo(id, name == null ? "stage-" + id : name, requireEnum(o, "state", STATES),
        toInt("retry_count", countOrZero(o, "retry_count")), intList(o, "upstream_stage_ids", 1024),
        toInt("output_partition_count", countOrZero(o, "output_partition_count")),
        countOrZero(o, "shuffle_bytes_written"), countOrZero(o, "shuffle_partitions_available"), tasks,
        countOrZero(o, "shuffle_partitions_failed"));
  }

  public JsonObject toJson() {
    JsonArray a = new JsonArray(new ArrayList<>(tasks.size()));
    tasks.forEach(t -> a.add(t.toJson()));
    return new JsonObject().put("stage_id", stageId).put("stage_name", stageName).put("state", state)
        .put("retry_count", retryCount).put("upstream_stage_ids", new JsonArray(List.copyOf(upstreamStageIds)))
        .put("output_partition_count", outputPartitionCount).put("shuffle_bytes_written", shuffleBytesWritten)
        .put("shuffle_partitions_available", shufflePartitionsAvailable)
        .put("shuffle_partitions_failed", shufflePartitionsFailed).put("tasks", a);
  }
}
