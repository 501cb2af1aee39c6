package krishiv.gateway.metrics;

/**
 * Counts the series of one rendering against {@link MetricsLimits}. Families are rendered in a fixed order and
 * each in the snapshot's sorted order, so the same snapshot always keeps and drops the same series.
 */
final class SeriesBudget {
  private final MetricsLimits limits;
  private final int[] admitted = new int[MetricFamily.values().length];
  private final long[] dropped = new long[MetricFamily.values().length];
  private int total;

  SeriesBudget(MetricsLimits limits) {
    this.limits = limits;
  }

  /** One series without variable labels. */
  boolean admit(MetricFamily f) {
    return admit(f, 1);
  }

  /** One series with one variable label value. */
  boolean admit(MetricFamily f, String labelValue) {
    if (labelValue.length() > limits.maxLabelValueLength()) {
      dropped[f.ordinal()]++;
      return false;
    }
    return admit(f, 1);
  }

  /** One series with two variable label values. */
  boolean admit(MetricFamily f, String first, String second) {
    if (second.length() > limits.maxLabelValueLength()) {
      dropped[f.ordinal()]++;
      return false;
    }
    return admit(f, first);
  }

  /** {@code samples} series that must stay together (a histogram's buckets, sum and count): all or none. */
  boolean admit(MetricFamily f, int samples) {
    int i = f.ordinal();
    if (admitted[i] + samples > limits.maxSeriesPerFamily() || total + samples > limits.maxSeries()) {
      dropped[i] += samples;
      return false;
    }
    admitted[i] += samples;
    total += samples;
    return true;
  }

  int total() {
    return total;
  }

  /** Series dropped per family, indexed by {@link MetricFamily#ordinal()} (a copy). */
  long[] dropped() {
    return dropped.clone();
  }
}
