package krishiv.gateway.view;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable histogram of durations observed since the gateway started, with fixed bucket bounds. Counts only
 * grow, so it renders as a Prometheus histogram.
 */
public final class DurationHistogram {
  /** Upper bounds of the buckets in seconds, ascending; a last, unbounded bucket ({@code +Inf}) follows. */
  public static final List<Double> BOUNDS_SECONDS =
      List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0);

  private static final long[] BOUNDS_MS = BOUNDS_SECONDS.stream().mapToLong(s -> Math.round(s * 1000)).toArray();
  private static final DurationHistogram EMPTY = new DurationHistogram(new long[BOUNDS_MS.length + 1], 0);

  private final long[] bucketCounts; // per bucket, not cumulative; the last one is +Inf
  private final long sumMs;

  private DurationHistogram(long[] bucketCounts, long sumMs) {
    this.bucketCounts = bucketCounts;
    this.sumMs = sumMs;
  }

  public static DurationHistogram empty() {
    return EMPTY;
  }

  /** This histogram plus one observation; the receiver is unchanged. */
  public DurationHistogram plus(long durationMs) {
    long ms = Math.max(0, durationMs);
    int i = 0;
    while (i < BOUNDS_MS.length && ms > BOUNDS_MS[i]) {
      i++;
    }
    long[] counts = bucketCounts.clone();
    counts[i]++;
    return new DurationHistogram(counts, sumMs + ms);
  }

  /** Observations at most {@code BOUNDS_SECONDS.get(bucket)} (cumulative); {@code bucket == size} is +Inf. */
  public long cumulativeCount(int bucket) {
    long n = 0;
    for (int i = 0; i <= bucket && i < bucketCounts.length; i++) {
      n += bucketCounts[i];
    }
    return n;
  }

  public long count() {
    return cumulativeCount(bucketCounts.length - 1);
  }

  public double sumSeconds() {
    return sumMs / 1000.0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DurationHistogram && ((DurationHistogram) o).sumMs == sumMs
        && Arrays.equals(((DurationHistogram) o).bucketCounts, bucketCounts);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(bucketCounts) + Long.hashCode(sumMs);
  }

  @Override
  public String toString() {
    return "DurationHistogram" + Arrays.toString(bucketCounts) + " sum " + sumMs + " ms";
  }
}
