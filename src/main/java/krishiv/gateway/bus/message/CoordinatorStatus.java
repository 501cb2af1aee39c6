package krishiv.gateway.bus.message;

import static krishiv.gateway.bus.JsonFields.optionalCount;
import static krishiv.gateway.bus.JsonFields.optionalString;
import static krishiv.gateway.bus.JsonFields.requireEnum;
import static krishiv.gateway.bus.JsonFields.requireId;
import static krishiv.gateway.bus.JsonFields.requireLong;

import io.vertx.core.json.JsonObject;
import java.util.Objects;
import java.util.Set;
import krishiv.gateway.bus.BusAddresses;
import krishiv.gateway.bus.JsonFields;

/** Coordinator status ({@code krishiv.coordinator.status}); also its liveness signal. */
public record CoordinatorStatus(
    String coordinatorId, String state, String leaseHolder, Long leaseExpiresAtMs, long sentAtMs) {

  public static final Set<String> STATES = Set.of("active", "standby", "stopped");

  public CoordinatorStatus {
    Objects.requireNonNull(coordinatorId, "coordinatorId");
    Objects.requireNonNull(state, "state");
  }

  public static CoordinatorStatus fromJson(JsonObject o) {
    return new CoordinatorStatus(requireId(o, "coordinator_id"), requireEnum(o, "state", STATES),
        optionalString(o, "lease_holder", JsonFields.MAX_ID_LENGTH), optionalCount(o, "lease_expires_at_ms"),
        requireLong(o, "sent_at_ms"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("v", BusAddresses.PROTOCOL_VERSION).put("coordinator_id", coordinatorId)
        .put("state", state).put("lease_holder", leaseHolder).put("lease_expires_at_ms", leaseExpiresAtMs)
        .put("sent_at_ms", sentAtMs);
  }
}
