package krishiv.gateway.metrics.bench;

import java.util.Arrays;

/** Durations collected by one benchmark phase, in nanoseconds, summarised as percentiles in milliseconds. */
final class LatencyStats {
  private long[] nanos = new long[256];
  private int n;

  synchronized void add(long durationNanos) {
    if (n == nanos.length) {
      nanos = Arrays.copyOf(nanos, n * 2);
    }
    nanos[n++] = durationNanos;
  }

  synchronized int count() {
    return n;
  }

  /** The {@code p}-th percentile (0..100) in milliseconds, nearest rank. */
  synchronized double percentileMs(double p) {
    if (n == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, n);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * n) - 1;
    return sorted[Math.max(0, Math.min(n - 1, rank))] / 1e6;
  }
}
