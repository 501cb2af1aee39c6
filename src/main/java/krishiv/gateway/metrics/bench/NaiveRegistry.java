package krishiv.gateway.metrics.bench;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.ToDoubleFunction;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.StageInfo;
import krishiv.gateway.view.ClusterView;
import krishiv.gateway.view.ExecutorEntry;
import krishiv.gateway.view.JobEntry;
import krishiv.gateway.view.ViewSnapshot;

/**
 * The design {@code /metrics} does not use, for comparison: one Micrometer gauge per executor and per job series
 * in a PrometheusMeterRegistry, each reading the live view when scraped. Only the executor and per-job gauge
 * families are registered (the cardinality drivers); counters and the cluster totals are left out, which favours
 * this design.
 */
final class NaiveRegistry {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ClusterView view;
  private int gauges;

  NaiveRegistry(ClusterView view) {
    this.view = view;
  }

  /** Registers the gauges for the executors and jobs in the current snapshot; returns how many. */
  int register() {
    ViewSnapshot s = view.snapshot();
    for (ExecutorEntry e : s.executors()) {
      String id = e.executorId();
      executorGauge("krishiv.executor.up", id, x -> "lost".equals(x.state()) || "removed".equals(x.state()) ? 0 : 1);
      executorGauge("krishiv.executor.slots.capacity", id, x -> x.heartbeat().slots());
      executorGauge("krishiv.executor.slots.used", id, ExecutorEntry::slotsUsed);
      executorGauge("krishiv.gateway.executor.last.seen", id, x -> x.lastHeartbeatMs() / 1000.0);
    }
    for (JobEntry j : s.jobs()) {
      String id = j.jobId();
      if (j.job().checkpoint() != null) {
        jobGauge("krishiv.checkpoint.epoch", id, Tags.empty(), job -> job.checkpoint().latestEpoch());
      }
      if (j.job().streaming() != null) {
        jobGauge("krishiv.watermark", id, Tags.empty(), job -> job.streaming().lowWatermarkMs());
        jobGauge("krishiv.state.keys", id, Tags.empty(), job -> job.streaming().stateKeyCount());
        jobGauge("krishiv.state.bytes", id, Tags.empty(), job -> job.streaming().stateBytes());
        for (String source : j.job().streaming().sourceOffsetsLag().keySet()) {
          jobGauge("krishiv.source.offset.lag", id, Tags.of("source_id", source),
              job -> job.streaming().sourceOffsetsLag().getOrDefault(source, 0L));
        }
      }
      for (StageInfo stage : j.job().stages()) {
        int sid = stage.stageId();
        for (String state : new String[] {"available", "failed", "pending"}) {
          jobGauge("krishiv.shuffle.partitions", id, Tags.of("stage_id", String.valueOf(sid), "state", state),
              job -> partitions(job, sid, state));
        }
      }
    }
    return gauges;
  }

  String scrape() {
    return registry.scrape();
  }

  void close() {
    registry.close();
  }

  private void executorGauge(String name, String id, ToDoubleFunction<ExecutorEntry> value) {
    Gauge.builder(name, view, v -> {
      ExecutorEntry e = v.snapshot().executor(id);
      return e == null ? Double.NaN : value.applyAsDouble(e);
    }).tag("executor_id", id).register(registry);
    gauges++;
  }

  private void jobGauge(String name, String id, Tags tags, ToDoubleFunction<JobInfo> value) {
    Gauge.builder(name, view, v -> {
      JobEntry j = v.snapshot().job(id);
      return j == null ? Double.NaN : value.applyAsDouble(j.job());
    }).tags(tags.and("job_id", id)).register(registry);
    gauges++;
  }

  private static double partitions(JobInfo job, int stageId, String state) {
    for (StageInfo s : job.stages()) {
      if (s.stageId() == stageId) {
        return "available".equals(state) ? s.shufflePartitionsAvailable()
            : "failed".equals(state) ? s.shufflePartitionsFailed() : s.shufflePartitionsPending();
      }
    }
    return Double.NaN;
  }
}
