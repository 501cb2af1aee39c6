package krishiv.gateway.sim;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Records every message the simulation publishes, encoded at publish time (so later mutation cannot hide). */
final class CapturingPublisher implements SimPublisher {
  /** One published message. */
  record Captured(String address, String json) {
    JsonObject body() {
      return new JsonObject(json);
    }
  }

  final List<Captured> messages = new ArrayList<>();

  @Override
  public void publish(String address, JsonObject body) {
    messages.add(new Captured(address, body.encode()));
  }

  /** The messages on {@code address}, parsed with {@code parser} (a bus record's fromJson). */
  <T> List<T> parsed(String address, Function<JsonObject, T> parser) {
    List<T> out = new ArrayList<>();
    for (Captured c : messages) {
      if (c.address().equals(address)) {
        out.add(parser.apply(c.body()));
      }
    }
    return out;
  }

  long count(String address) {
    return messages.stream().filter(c -> c.address().equals(address)).count();
  }
}
