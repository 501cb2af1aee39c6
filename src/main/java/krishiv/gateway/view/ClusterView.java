package krishiv.gateway.view;

import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The read side of the view, shared by every verticle of the process: the latest immutable snapshot (a
 * volatile reference swapped by the writer), the event log, and the epoch of this gateway process.
 */
public final class ClusterView {
  private final String epoch;
  private final EventLog events;
  private final CopyOnWriteArrayList<Consumer<ViewEvent>> eventListeners = new CopyOnWriteArrayList<>();
  private volatile ViewSnapshot current;

  public ClusterView(int eventBufferSize) {
    this(UUID.randomUUID().toString().replace("-", "").substring(0, 12), eventBufferSize);
  }

  public ClusterView(String epoch, int eventBufferSize) {
    this.epoch = Objects.requireNonNull(epoch, "epoch");
    this.events = new EventLog(eventBufferSize);
    this.current = ViewSnapshot.empty(epoch);
  }

  /** Chosen at process start; a cursor of another epoch cannot be resumed here. */
  public String epoch() {
    return epoch;
  }

  /** The latest published snapshot; never null. */
  public ViewSnapshot snapshot() {
    return current;
  }

  public EventLog events() {
    return events;
  }

  /**
   * Registers a listener called on the writer's event loop for each new event, after it is in the log. It must
   * not block; it typically hands the event to other event loops.
   */
  public void onEvent(Consumer<ViewEvent> listener) {
    eventListeners.add(Objects.requireNonNull(listener));
  }

  void publish(ViewSnapshot snapshot) {
    current = snapshot;
  }

  void fire(ViewEvent event) {
    for (Consumer<ViewEvent> l : eventListeners) {
      l.accept(event);
    }
  }
}
