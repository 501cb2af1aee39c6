package krishiv.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One stage of a job in Krishiv's report: its state, task counts by task state, upstream stages, output
 * partitions and the tasks themselves.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReportStage(int stageId, String stageName, String state, Map<String, Long> taskCounts,
    List<Integer> upstreamStageIds, int outputPartitionCount, List<ReportTask> taskDetails) {

  public ReportStage {
    Objects.requireNonNull(stageName, "stageName");
    Objects.requireNonNull(state, "state");
    taskCounts = ModelCollections.map(taskCounts);
    upstreamStageIds = ModelCollections.list(upstreamStageIds);
    taskDetails = ModelCollections.list(taskDetails);
  }
}
