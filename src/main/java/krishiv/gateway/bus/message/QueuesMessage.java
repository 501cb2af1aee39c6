package krishiv.gateway.bus.message;

import static krishiv.gateway.bus.JsonFields.objectAt;
import static krishiv.gateway.bus.JsonFields.requireArray;
import static krishiv.gateway.bus.JsonFields.requireId;
import static krishiv.gateway.bus.JsonFields.requireLong;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import krishiv.gateway.bus.BusAddresses;

/** The complete namespace quota snapshot ({@code krishiv.coordinator.queues}). */
public record QueuesMessage(String coordinatorId, long sentAtMs, List<NamespaceQuota> namespaces) {
  public static final int MAX_NAMESPACES = 10_000;

  public QueuesMessage {
    namespaces = List.copyOf(namespaces);
  }

  public static QueuesMessage fromJson(JsonObject o) {
    JsonArray a = requireArray(o, "namespaces", MAX_NAMESPACES);
    List<NamespaceQuota> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      out.add(NamespaceQuota.fromJson(objectAt(a, i, "namespaces")));
    }
    return new QueuesMessage(requireId(o, "coordinator_id"), requireLong(o, "sent_at_ms"), out);
  }

  public JsonObject toJson() {
    JsonArray a = new JsonArray();
    namespaces.forEach(n -> a.add(n.toJson()));
    return new JsonObject().put("v", BusAddresses.PROTOCOL_VERSION).put("coordinator_id", coordinatorId)
        .put("sent_at_ms", sentAtMs).put("namespaces", a);
  }
}
