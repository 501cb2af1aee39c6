package krishiv.gateway.metrics;

import io.vertx.core.buffer.Buffer;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import krishiv.gateway.bus.BusAddresses;
import krishiv.gateway.bus.BusInputStats;
import krishiv.gateway.bus.RejectReason;
import krishiv.gateway.view.CoordinatorView;
import krishiv.gateway.view.ViewSnapshot;

/**
 * The {@link MetricFamily.Source#SCRAPE} families: a few dozen series computed at each scrape, because they
 * depend on the time of the scrape (ages) or on counters outside the snapshot (bus input, dropped series). They
 * have a fixed set of series (every input address and reason appears, at 0 until something happens), so they
 * are outside the cardinality budget.
 */
final class ScrapeFamilies {
  private final BusInputStats bus;
  private final DroppedSeries dropped;
  private final LongSupplier clock;
  private final long tickMs;
  private final long statusWindowMs;

  ScrapeFamilies(BusInputStats bus, DroppedSeries dropped, LongSupplier clock, long tickMs, long statusWindowMs) {
    this.bus = bus;
    this.dropped = dropped;
    this.clock = clock;
    this.tickMs = Math.max(1, tickMs);
    this.statusWindowMs = statusWindowMs;
  }

  /** Renders the families for a scrape that serves {@code served} (rendered from {@code snapshot}). */
  Buffer render(ViewSnapshot snapshot, RenderedFamilies served, ExpositionFormat format) {
    long now = clock.getAsLong();
    ExpositionWriter out = new ExpositionWriter(format, 8192);

    out.family(MetricFamily.MAX_HEARTBEAT_AGE);
    long oldest = served.oldestLiveHeartbeatMs();
    out.series(MetricFamily.MAX_HEARTBEAT_AGE.metricName()).value(oldest < 0 ? 0 : Math.max(0, now - oldest) / tickMs);

    out.family(MetricFamily.COORDINATOR_UP);
    out.series(MetricFamily.COORDINATOR_UP.metricName()).value(coordinatorUp(snapshot.coordinator(), now) ? 1 : 0);

    out.family(MetricFamily.SNAPSHOT_AGE);
    out.series(MetricFamily.SNAPSHOT_AGE.metricName())
        .valueMillisAsSeconds(served.version() == 0 ? 0 : Math.max(0, now - served.snapshotBuiltAtMs()));

    out.family(MetricFamily.BUS_MESSAGES);
    Map<String, Long> received = new TreeMap<>();
    BusAddresses.INPUTS.forEach(a -> received.put(a, 0L));
    received.putAll(bus.receivedByAddress());
    received.forEach((address, n) -> out.series(MetricFamily.BUS_MESSAGES.metricName()).label("address", address)
        .value(n));

    out.family(MetricFamily.BUS_REJECTED);
    Map<BusInputStats.RejectKey, Long> rejected = new TreeMap<>(Comparator.comparing(BusInputStats.RejectKey::address)
        .thenComparing(BusInputStats.RejectKey::reason));
    for (String address : BusAddresses.INPUTS) {
      for (RejectReason r : RejectReason.values()) {
        rejected.put(new BusInputStats.RejectKey(address, r.label()), 0L);
      }
    }
    rejected.putAll(bus.rejectedByKey());
    rejected.forEach((k, n) -> out.series(MetricFamily.BUS_REJECTED.metricName()).label("address", k.address())
        .label("reason", k.reason()).value(n));

    out.family(MetricFamily.SERIES_DROPPED);
    for (MetricFamily f : MetricFamily.fromSnapshot()) {
      out.series(MetricFamily.SERIES_DROPPED.metricName()).label("family", f.metricName()).value(dropped.total(f));
    }
    if (format == ExpositionFormat.OPENMETRICS) {
      out.eof();
    }
    return out.toBuffer();
  }

  private boolean coordinatorUp(CoordinatorView c, long now) {
    return c != null && now - c.lastSeenMs() <= statusWindowMs && !"stopped".equals(c.status().state());
  }
}
