package krishiv.gateway.metrics;

import java.util.List;
import java.util.stream.Collectors;
import krishiv.gateway.view.ClusterCounters;
import krishiv.gateway.view.DurationHistogram;

/** The cluster-wide counters the writer accumulates ({@link ClusterCounters}), and the commit-time histogram. */
final class CounterFamilies {
  private static final List<String> LE = DurationHistogram.BOUNDS_SECONDS.stream().map(String::valueOf)
      .collect(Collectors.toUnmodifiableList());

  private final ClusterCounters counters;
  private final ExpositionWriter out;
  private final SeriesBudget budget;

  CounterFamilies(ClusterCounters counters, ExpositionWriter out, SeriesBudget budget) {
    this.counters = counters;
    this.out = out;
    this.budget = budget;
  }

  /** Writes the samples of {@code f} if it is one of these families; false otherwise. */
  boolean write(MetricFamily f) {
    switch (f) {
      case TASKS_TOTAL:
        status(f, "succeeded", counters.tasksSucceeded());
        status(f, "failed", counters.tasksFailed());
        return true;
      case TASK_RETRIES:
        single(f, counters.taskRetries());
        return true;
      case FAILED_ASSIGNMENTS:
        single(f, counters.failedAssignments());
        return true;
      case SPILL_BYTES:
        single(f, counters.spillBytes());
        return true;
      case SPILL_FILES:
        single(f, counters.spillFiles());
        return true;
      case SHUFFLE_BYTES_WRITTEN:
        single(f, counters.shuffleBytesWritten());
        return true;
      case CHECKPOINT_COMMIT_DURATION:
        histogram(f, counters.checkpointCommitDurations());
        return true;
      default:
        return false;
    }
  }

  private void histogram(MetricFamily f, DurationHistogram h) {
    // Buckets, +Inf, sum and count: a histogram is rendered whole or not at all.
    if (!budget.admit(f, LE.size() + 3)) {
      return;
    }
    String bucket = f.metricName() + "_bucket";
    for (int i = 0; i < LE.size(); i++) {
      out.series(bucket).label("le", LE.get(i)).value(h.cumulativeCount(i));
    }
    out.series(bucket).label("le", "+Inf").value(h.count());
    out.series(f.metricName() + "_sum").value(h.sumSeconds());
    out.series(f.metricName() + "_count").value(h.count());
  }

  private void status(MetricFamily f, String status, long value) {
    if (budget.admit(f)) {
      out.series(f.metricName()).label("status", status).value(value);
    }
  }

  private void single(MetricFamily f, long value) {
    if (budget.admit(f)) {
      out.series(f.metricName()).value(value);
    }
  }
}
