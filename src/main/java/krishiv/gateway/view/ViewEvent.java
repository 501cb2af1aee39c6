package krishiv.gateway.view;

import java.util.Objects;
import krishiv.gateway.bus.message.EventInfo;

/** An event with the sequence number the gateway gave it (its {@code epoch} is the gateway's). */
public record ViewEvent(long seq, EventInfo event) {
  public ViewEvent {
    Objects.requireNonNull(event, "event");
  }
}
