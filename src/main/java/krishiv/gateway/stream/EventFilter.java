package krishiv.gateway.stream;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import krishiv.gateway.bus.message.EventInfo;

/**
 * What a subscriber wants: events of any of {@code jobIds}, any of {@code kinds}, any of {@code executorIds};
 * an empty set does not restrict, and the three combine with AND. Sets are built once per subscription, so
 * matching an event costs at most three hash lookups on fields the event already has.
 */
public record EventFilter(Set<String> jobIds, Set<String> kinds, Set<String> executorIds) {
  /** Matches every event. */
  public static final EventFilter ALL = new EventFilter(Set.of(), Set.of(), Set.of());

  static final int MAX_VALUES = 256;
  static final int MAX_VALUE_LENGTH = 128;

  public EventFilter {
    jobIds = Set.copyOf(jobIds);
    kinds = Set.copyOf(kinds);
    executorIds = Set.copyOf(executorIds);
  }

  public static EventFilter of(List<String> jobIds, List<String> kinds, List<String> executorIds) {
    return new EventFilter(new LinkedHashSet<>(jobIds), new LinkedHashSet<>(kinds), new LinkedHashSet<>(executorIds));
  }

  /**
   * Reads the filter of a {@code subscribe} frame; absent fields do not restrict.
   *
   * @throws IllegalArgumentException naming the bad field
   */
  public static EventFilter fromJson(JsonObject frame) {
    return new EventFilter(values(frame, "job_id"), values(frame, "kind"), values(frame, "executor_id"));
  }

  private static Set<String> values(JsonObject frame, String field) {
    Object raw = frame.getValue(field);
    if (raw == null) {
      return Set.of();
    }
    if (!(raw instanceof JsonArray)) {
      throw new IllegalArgumentException(field + " must be an array of strings");
    }
    JsonArray a = (JsonArray) raw;
    if (a.size() > MAX_VALUES) {
      throw new IllegalArgumentException(field + " has more than " + MAX_VALUES + " values");
    }
    Set<String> out = new LinkedHashSet<>();
    for (Object v : a) {
      if (!(v instanceof String) || ((String) v).isEmpty() || ((String) v).length() > MAX_VALUE_LENGTH) {
        throw new IllegalArgumentException(field + " values must be strings of 1 to " + MAX_VALUE_LENGTH + " characters");
      }
      out.add((String) v);
    }
    return out;
  }

  public boolean matchesAll() {
    return jobIds.isEmpty() && kinds.isEmpty() && executorIds.isEmpty();
  }

  public boolean matches(EventInfo e) {
    return (jobIds.isEmpty() || e.jobId() != null && jobIds.contains(e.jobId()))
        && (kinds.isEmpty() || kinds.contains(e.eventKind()))
        && (executorIds.isEmpty() || e.executorId() != null && executorIds.contains(e.executorId()));
  }

  @Override
  public String toString() {
    return "EventFilter{job_id=" + jobIds + ", kind=" + kinds + ", executor_id=" + executorIds + "}";
  }
}
