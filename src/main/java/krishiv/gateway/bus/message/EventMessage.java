package krishiv.gateway.bus.message;

import static krishiv.gateway.bus.JsonFields.requireId;
import static krishiv.gateway.bus.JsonFields.requireObject;

import io.vertx.core.json.JsonObject;
import krishiv.gateway.bus.BusAddresses;

/** {@code krishiv.coordinator.events}: one free-form coordinator event. */
public record EventMessage(String coordinatorId, EventInfo event) {
  public static EventMessage fromJson(JsonObject o) {
    return new EventMessage(requireId(o, "coordinator_id"), EventInfo.fromJson(requireObject(o, "event")));
  }

  public JsonObject toJson() {
    return new JsonObject().put("v", BusAddresses.PROTOCOL_VERSION).put("coordinator_id", coordinatorId)
        .put("event", event.toJson());
  }
}
