package krishiv.gateway.bus.message;

import static krishiv.gateway.bus.JsonFields.booleanOrFalse;
import static krishiv.gateway.bus.JsonFields.objectAt;
import static krishiv.gateway.bus.JsonFields.requireArray;
import static krishiv.gateway.bus.JsonFields.requireId;
import static krishiv.gateway.bus.JsonFields.requireLong;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import krishiv.gateway.bus.BusAddresses;

/** {@code krishiv.coordinator.jobs}: changed jobs ({@code full=false}) or every job ({@code full=true}). */
public record JobsMessage(String coordinatorId, boolean full, long sentAtMs, List<JobInfo> jobs) {
  public static final int MAX_JOBS = 100_000;

  public JobsMessage {
    jobs = List.copyOf(jobs);
  }

  public static JobsMessage fromJson(JsonObject o) {
    JsonArray a = requireArray(o, "jobs", MAX_JOBS);
    List<JobInfo> jobs = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      jobs.add(JobInfo.fromJson(objectAt(a, i, "jobs")));
    }
    return new JobsMessage(requireId(o, "coordinator_id"), booleanOrFalse(o, "full"), requireLong(o, "sent_at_ms"),
        jobs);
  }

  public JsonObject toJson() {
    JsonArray a = new JsonArray(new ArrayList<>(jobs.size()));
    jobs.forEach(j -> a.add(j.toJson()));
    return new JsonObject().put("v", BusAddresses.PROTOCOL_VERSION).put("coordinator_id", coordinatorId)
        .put("full", full).put("sent_at_ms", sentAtMs).put("jobs", a);
  }
}
