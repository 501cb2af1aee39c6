package krishiv.gateway.sim;

import java.util.Objects;
import krishiv.gateway.bus.JsonFields;
import krishiv.gateway.bus.message.JobInfo;

/**
 * What to submit: the job's kind, name, namespace (null: the default one) and priority, and the size of its
 * plan. Batch stages form a DAG (scans, then transforms, then a write); streaming stages form a pipeline.
 */
public record JobSpec(String kind, String name, String namespaceId, int priority, int stages, int tasksPerStage) {
  public static final int MAX_STAGES = 16;
  public static final int MAX_TASKS_PER_STAGE = 256;

  public JobSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    if (!JobInfo.KINDS.contains(kind)) {
      throw new IllegalArgumentException("kind must be batch or streaming, got '" + kind + "'");
    }
    if (name.isBlank() || name.length() > JsonFields.MAX_ID_LENGTH) {
      throw new IllegalArgumentException("name must be 1 to " + JsonFields.MAX_ID_LENGTH + " characters");
    }
    if (namespaceId != null && (namespaceId.isEmpty() || namespaceId.length() > JsonFields.MAX_ID_LENGTH)) {
      throw new IllegalArgumentException("namespace must be null or 1 to " + JsonFields.MAX_ID_LENGTH
          + " characters");
    }
    if (stages < 1 || stages > MAX_STAGES) {
      throw new IllegalArgumentException("stages must be within 1.." + MAX_STAGES + ", got " + stages);
    }
    if (tasksPerStage < 1 || tasksPerStage > MAX_TASKS_PER_STAGE) {
      throw new IllegalArgumentException("tasks per stage must be within 1.." + MAX_TASKS_PER_STAGE + ", got "
          + tasksPerStage);
    }
  }

  public boolean isStreaming() {
    return SimStates.STREAMING.equals(kind);
  }
}
