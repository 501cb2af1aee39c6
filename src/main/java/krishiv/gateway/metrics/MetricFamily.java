package krishiv.gateway.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every metric family {@code /metrics} renders itself (beside the Micrometer registry's), in output order, with
 * Krishiv's own names and label names. {@link Source#SNAPSHOT} families are rendered from the view's snapshot,
 * cached per snapshot version and subject to the cardinality budget; {@link Source#SCRAPE} families have a fixed,
 * small number of series and are computed at each scrape (ages, bus counters, dropped series).
 */
public enum MetricFamily {
  EXECUTOR_UP("krishiv_executor_up", Type.GAUGE, Source.SNAPSHOT,
      "1 while the executor sends heartbeats (registered, healthy, draining); 0 once lost or removed.",
      "executor_id"),
  EXECUTOR_SLOTS_TOTAL("krishiv_executor_slots_total", Type.GAUGE, Source.SNAPSHOT,
      "Task slots of each executor that is up.", "executor_id"),
  EXECUTOR_SLOTS_USED("krishiv_executor_slots_used", Type.GAUGE, Source.SNAPSHOT,
      "Task slots in use (tasks running) on each executor that is up.", "executor_id"),
  EXECUTOR_LAST_SEEN("krishiv_gateway_executor_last_seen_seconds", Type.GAUGE, Source.SNAPSHOT,
      "Unix time of the last heartbeat the gateway applied from each executor.", "executor_id"),
  GATEWAY_EXECUTORS("krishiv_gateway_executors", Type.GAUGE, Source.SNAPSHOT,
      "Executors in the gateway's view by state.", "state"),
  RUNNING_TASKS("krishiv_running_tasks", Type.GAUGE, Source.SNAPSHOT,
      "Tasks the executors that are up report running in their heartbeats."),
  EXECUTOR_LOST("krishiv_executor_lost_total", Type.COUNTER, Source.SNAPSHOT,
      "Executors the gateway marked lost (heartbeats stopped for view.heartbeat-timeout)."),
  TASKS_RUNNING("krishiv_tasks_running", Type.GAUGE, Source.SNAPSHOT,
      "Tasks in state running over the jobs in the view, as the coordinator reports them."),
  JOB_QUEUE_DEPTH("krishiv_job_queue_depth", Type.GAUGE, Source.SNAPSHOT,
      "Jobs waiting in state queued."),
  GATEWAY_JOBS("krishiv_gateway_jobs", Type.GAUGE, Source.SNAPSHOT,
      "Jobs in the gateway's view by state.", "state"),
  TASKS_TOTAL("krishiv_tasks_total", Type.COUNTER, Source.SNAPSHOT,
      "Task attempts that finished, by outcome, since the gateway started.", "status"),
  TASK_RETRIES("krishiv_task_retries_total", Type.COUNTER, Source.SNAPSHOT,
      "Task attempts after a task's first, since the gateway started."),
  FAILED_ASSIGNMENTS("krishiv_failed_assignments_total", Type.COUNTER, Source.SNAPSHOT,
      "Task assignments executors failed to start, since the gateway started."),
  SPILL_BYTES("krishiv_spill_bytes_total", Type.COUNTER, Source.SNAPSHOT,
      "Bytes executors spilled to disk, since the gateway started."),
  SPILL_FILES("krishiv_spill_files_total", Type.COUNTER, Source.SNAPSHOT,
      "Spill files executors wrote, since the gateway started."),
  SHUFFLE_BYTES_WRITTEN("krishiv_shuffle_bytes_written_total", Type.COUNTER, Source.SNAPSHOT,
      "Shuffle bytes the jobs wrote, since the gateway started."),
  CHECKPOINT_COMMIT_DURATION("krishiv_checkpoint_commit_duration_seconds", Type.HISTOGRAM, Source.SNAPSHOT,
      "Commit time of the checkpoint epochs committed since the gateway started."),
  CHECKPOINT_EPOCH("krishiv_checkpoint_epoch", Type.GAUGE, Source.SNAPSHOT,
      "Latest committed checkpoint epoch of each job.", "job_id"),
  CHECKPOINT_EPOCHS("krishiv_checkpoint_epochs_total", Type.COUNTER, Source.SNAPSHOT,
      "Checkpoint epochs of each job since it started, by outcome.", "job_id", "status"),
  WATERMARK("krishiv_watermark_ms", Type.GAUGE, Source.SNAPSHOT,
      "Low watermark of each streaming job (epoch milliseconds).", "job_id"),
  SOURCE_OFFSET_LAG("krishiv_source_offset_lag", Type.GAUGE, Source.SNAPSHOT,
      "Offset lag of each source of each streaming job.", "job_id", "source_id"),
  STATE_KEY_COUNT("krishiv_state_key_count", Type.GAUGE, Source.SNAPSHOT,
      "Keys in the state of each streaming job.", "job_id"),
  STATE_BYTES("krishiv_state_bytes", Type.GAUGE, Source.SNAPSHOT,
      "Bytes of state of each streaming job.", "job_id"),
  STREAMING_ROWS_EMITTED("krishiv_streaming_rows_emitted_total", Type.COUNTER, Source.SNAPSHOT,
      "Rows each sink task of each streaming job emitted.", "job_id", "task_id"),
  TASK_ATTEMPTS("krishiv_task_attempts_total", Type.COUNTER, Source.SNAPSHOT,
      "Task attempts of each stage of each job, by outcome.", "job_id", "stage_id", "status"),
  SHUFFLE_PARTITIONS("krishiv_shuffle_partitions", Type.GAUGE, Source.SNAPSHOT,
      "Shuffle output partitions of each stage of each job, by state.", "job_id", "stage_id", "state"),
  OPERATOR_MEMORY("krishiv_operator_memory_bytes", Type.GAUGE, Source.SNAPSHOT,
      "Memory the operators of all jobs in the view hold, by operator kind.", "operator"),

  MAX_HEARTBEAT_AGE("krishiv_max_executor_heartbeat_age_ticks", Type.GAUGE, Source.SCRAPE,
      "Age of the oldest last heartbeat among executors that are up, in coordinator ticks (view.tick)."),
  COORDINATOR_UP("krishiv_gateway_coordinator_up", Type.GAUGE, Source.SCRAPE,
      "1 while a coordinator status was heard within coordinator.status-window and it is not stopped."),
  SNAPSHOT_AGE("krishiv_gateway_snapshot_age_seconds", Type.GAUGE, Source.SCRAPE,
      "Age of the view snapshot this scrape was rendered from."),
  BUS_MESSAGES("krishiv_gateway_bus_messages_total", Type.COUNTER, Source.SCRAPE,
      "Event-bus messages the gateway received, by address.", "address"),
  BUS_REJECTED("krishiv_gateway_bus_rejected_total", Type.COUNTER, Source.SCRAPE,
      "Event-bus messages the gateway dropped as invalid, by address and reason.", "address", "reason"),
  SERIES_DROPPED("krishiv_gateway_series_dropped_total", Type.COUNTER, Source.SCRAPE,
      "Series left out of scrapes by the cardinality budget (metrics.*), by family.", "family");

  /** The Prometheus metric type. */
  public enum Type {
    GAUGE, COUNTER, HISTOGRAM;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Where a family's values come from. */
  public enum Source { SNAPSHOT, SCRAPE }

  private final String metricName;
  private final Type type;
  private final Source source;
  private final String help;
  private final List<String> labelNames;

  MetricFamily(String metricName, Type type, Source source, String help, String... labelNames) {
    this.metricName = metricName;
    this.type = type;
    this.source = source;
    this.help = help;
    this.labelNames = List.of(labelNames);
  }

  /** The sample name (counters end in {@code _total}; histograms add {@code _bucket}, {@code _sum}, {@code _count}). */
  public String metricName() {
    return metricName;
  }

  /** The family name in {@code # HELP}/{@code # TYPE}: OpenMetrics names a counter family without {@code _total}. */
  public String familyName(ExpositionFormat format) {
    return format == ExpositionFormat.OPENMETRICS && type == Type.COUNTER
        ? metricName.substring(0, metricName.length() - "_total".length()) : metricName;
  }

  public Type type() {
    return type;
  }

  public Source source() {
    return source;
  }

  public String help() {
    return help;
  }

  public List<String> labelNames() {
    return labelNames;
  }

  private static final List<MetricFamily> FROM_SNAPSHOT = Arrays.stream(values())
      .filter(f -> f.source == Source.SNAPSHOT).collect(Collectors.toUnmodifiableList());

  /** The families rendered from the snapshot (the ones the budget applies to), in output order. */
  public static List<MetricFamily> fromSnapshot() {
    return FROM_SNAPSHOT;
  }
}
