package krishiv.gateway.sim;

import io.vertx.core.json.JsonObject;

/**
 * Where the simulated cluster sends its bus messages: the event bus in a running process, a list in tests. The
 * simulation never talks to Vert.x itself, so it can be stepped by a virtual clock on any thread.
 */
@FunctionalInterface
public interface SimPublisher {
  /** Publishes {@code body} on {@code address}; the simulation does not touch the object afterwards. */
  void publish(String address, JsonObject body);
}
