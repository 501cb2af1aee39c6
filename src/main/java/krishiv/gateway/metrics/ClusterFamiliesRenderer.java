package krishiv.gateway.metrics;

import java.util.Objects;
import krishiv.gateway.view.ViewSnapshot;

/**
 * Renders the {@link MetricFamily.Source#SNAPSHOT} families of one snapshot: a pure function of the snapshot,
 * the format and the limits (same input, same bytes), safe to run on any thread since the snapshot is immutable.
 */
public final class ClusterFamiliesRenderer {
  /** Roughly the bytes of one executor's series, to size the buffer once. */
  private static final int BYTES_PER_EXECUTOR = 240;
  private static final int BYTES_PER_JOB = 1200;

  private final MetricsLimits limits;

  public ClusterFamiliesRenderer(MetricsLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  public RenderedFamilies render(ViewSnapshot snapshot, ExpositionFormat format) {
    long t0 = System.nanoTime();
    ExpositionWriter out = new ExpositionWriter(format,
        8192 + snapshot.executorCount() * BYTES_PER_EXECUTOR + snapshot.jobs().size() * BYTES_PER_JOB);
    SeriesBudget budget = new SeriesBudget(limits);
    ExecutorFamilies executors = new ExecutorFamilies(snapshot, out, budget);
    JobFamilies jobs = new JobFamilies(snapshot, out, budget);
    CounterFamilies counters = new CounterFamilies(snapshot.counters(), out, budget);
    for (MetricFamily f : MetricFamily.fromSnapshot()) {
      // HELP and TYPE even when the budget leaves no sample: the family stays documented and the output valid.
      out.family(f);
      if (!executors.write(f) && !jobs.write(f) && !counters.write(f)) {
        throw new IllegalStateException("no writer renders " + f.metricName());
      }
    }
    return new RenderedFamilies(snapshot.version(), snapshot.builtAtMs(), format, out.toBuffer(), budget.dropped(),
        budget.total(), ExecutorFamilies.oldestLiveHeartbeatMs(snapshot), System.nanoTime() - t0);
  }
}
