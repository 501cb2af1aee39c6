package krishiv.gateway.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Objects;

/**
 * Sends commands to the coordinator by event-bus request-reply, always with a timeout. The future fails with
 * the bus's {@link io.vertx.core.eventbus.ReplyException} (timeout, no handlers, or the coordinator's own failure
 * code); callers map those to their protocol (the HTTP layer: 504, 503, the code).
 */
public final class CoordinatorClient {
  private final Vertx vertx;
  private final DeliveryOptions options;

  public CoordinatorClient(Vertx vertx, Duration timeout) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.options = new DeliveryOptions().setSendTimeout(Math.max(1, timeout.toMillis()));
  }

  /** Sends {@code {v, op, ...args}} and returns the reply body, which must be a JSON object. */
  public Future<JsonObject> send(String op, JsonObject args) {
    JsonObject request = args.copy().put("v", BusAddresses.PROTOCOL_VERSION).put("op", op);
    return vertx.eventBus().<Object>request(BusAddresses.COORDINATOR_COMMANDS, request, options).map(msg -> {
      Object body = msg.body();
      if (body instanceof JsonObject) {
        return (JsonObject) body;
      }
      throw new MessageRejectedException(RejectReason.NOT_JSON, "the coordinator's reply is not a JSON object");
    });
  }
}
