package krishiv.gateway.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * {@code krishiv_gateway_series_dropped_total}: every scrape adds the series its body left out, so the rate is
 * "series missing per second of scraping" whatever the scrape interval, and a budget that stops being exceeded
 * shows a flat line. Thread-safe.
 */
final class DroppedSeries {
  private final LongAdder[] byFamily = new LongAdder[MetricFamily.values().length];

  DroppedSeries() {
    for (int i = 0; i < byFamily.length; i++) {
      byFamily[i] = new LongAdder();
    }
  }

  void add(RenderedFamilies served) {
    for (MetricFamily f : MetricFamily.fromSnapshot()) {
      long n = served.dropped(f);
      if (n > 0) {
        byFamily[f.ordinal()].add(n);
      }
    }
  }

  long total(MetricFamily f) {
    return byFamily[f.ordinal()].sum();
  }
}
