package krishiv.gateway.bus.message;

import static krishiv.gateway.bus.JsonFields.requireObject;

import io.vertx.core.json.JsonObject;
import krishiv.gateway.bus.BusAddresses;

/** The coordinator's answer to {@code sync}: its status, every job and the quota snapshot. */
public record SyncReply(CoordinatorStatus coordinator, JobsMessage jobs, QueuesMessage queues) {
  public static SyncReply fromJson(JsonObject o) {
    return new SyncReply(CoordinatorStatus.fromJson(requireObject(o, "coordinator")),
        JobsMessage.fromJson(requireObject(o, "jobs")), QueuesMessage.fromJson(requireObject(o, "queues")));
  }

  public JsonObject toJson() {
    return new JsonObject().put("v", BusAddresses.PROTOCOL_VERSION).put("coordinator", coordinator.toJson())
        .put("jobs", jobs.toJson()).put("queues", queues.toJson());
  }
}
