package krishiv.gateway.view;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import krishiv.gateway.bus.message.EventInfo;

/**
 * The bounded ring of recent events. One writer (the view verticle) appends; any thread may read. Every
 * appended event takes the next sequence number, starting at 1, with no holes; once the ring is full the oldest
 * event is overwritten, and a reader asking for it learns that its cursor expired.
 */
public final class EventLog {
  private final AtomicReferenceArray<ViewEvent> ring;
  private final int capacity;
  private volatile long lastSeq;

  public EventLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
    this.ring = new AtomicReferenceArray<>(capacity);
  }

  /** Appends an event (writer thread only) and returns it with its sequence number. */
  public ViewEvent append(EventInfo event) {
    long seq = lastSeq + 1;
    ViewEvent e = new ViewEvent(seq, event);
    ring.set((int) (seq % capacity), e);
    lastSeq = seq; // volatile write publishes the slot to readers
    return e;
  }

  /** The sequence number of the newest event, 0 if none yet. */
  public long lastSeq() {
    return lastSeq;
  }

  /** The oldest sequence number still held (lastSeq + 1 when empty). */
  public long firstSeq() {
    long last = lastSeq;
    return Math.max(1, last - capacity + 1);
  }

  public int capacity() {
    return capacity;
  }

  /**
   * The events after {@code afterSeq}, oldest first, at most {@code max}; {@code null} if some of them are no
   * longer held (the caller must tell its client to re-list instead of skipping silently).
   */
  public List<ViewEvent> readAfter(long afterSeq, int max) {
    long last = lastSeq;
    if (afterSeq >= last) {
      return List.of();
    }
    if (afterSeq + 1 < firstSeq()) {
      return null;
    }
    long until = Math.min(last, afterSeq + max);
    List<ViewEvent> out = new ArrayList<>((int) (until - afterSeq));
    for (long s = afterSeq + 1; s <= until; s++) {
      ViewEvent e = ring.get((int) (s % capacity));
      if (e == null || e.seq() != s) {
        return null; // overwritten while we read: treat as expired
      }
      out.add(e);
    }
    return out;
  }
}
