package krishiv.gateway.bus;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of bus input: messages received per address, rejected per address and reason, and stale heartbeats.
 * Written by the view's consumers, read by the metrics renderer and tests; thread-safe.
 */
public final class BusInputStats {
  /** Key of a rejection counter. */
  public record RejectKey(String address, String reason) {}

  private final ConcurrentHashMap<String, LongAdder> received = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<RejectKey, LongAdder> rejected = new ConcurrentHashMap<>();
  private final LongAdder stale = new LongAdder();

  public void received(String address) {
    received.computeIfAbsent(address, a -> new LongAdder()).increment();
  }

  public void rejected(String address, RejectReason reason) {
    rejected.computeIfAbsent(new RejectKey(address, reason.label()), k -> new LongAdder()).increment();
  }

  public void stale() {
    stale.increment();
  }

  /** Messages received per address (sorted copy). */
  public Map<String, Long> receivedByAddress() {
    Map<String, Long> out = new TreeMap<>();
    received.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** Rejections per address and reason (copy). */
  public Map<RejectKey, Long> rejectedByKey() {
    Map<RejectKey, Long> out = new TreeMap<>((a, b) -> a.address().equals(b.address())
        ? a.reason().compareTo(b.reason()) : a.address().compareTo(b.address()));
    rejected.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public long rejected(String address, String reason) {
    LongAdder a = rejected.get(new RejectKey(address, reason));
    return a == null ? 0 : a.sum();
  }

  public long rejectedTotal() {
    return rejected.values().stream().mapToLong(LongAdder::sum).sum();
  }

  public long staleTotal() {
    return stale.sum();
  }
}
