package krishiv.gateway.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Verifies each model type against a hand-written fixture: the fixture has the spec's keys, a fixture read and
 * written back keeps its keys (at every level) and values, and a record with every optional value absent writes
 * those keys as JSON null.
 */
class ModelFixtureTest {

  /** One model type: its fixture, its spec keys, which of them are optional, and an instance with none set. */
  record Case(String fixture, Class<?> type, List<String> keys, Set<String> nullableKeys, Supplier<Object> minimal) {
    @Override
    public String toString() {
      return type.getSimpleName() + " (" + fixture + ")";
    }
  }

  static final ReportJob MINIMAL_JOB = new ReportJob("job-1", "n", "batch", "queued", 0, 0, null, 0, 0);

  static Stream<Case> cases() {
    return Stream.of(
        new Case("observability-report.json", ObservabilityReport.class,
            List.of("generated_at", "coordinator_id", "job", "stages", "executors", "checkpoint", "shuffle_partitions",
                "streaming_state", "recent_events", "connector_metrics"),
            Set.of("checkpoint", "streaming_state", "connector_metrics"),
            () -> new ObservabilityReport(ModelJson.rfc3339(0), "coord", MINIMAL_JOB, null, null, null,
                ReportShuffle.ZERO, null, null, null)),
        new Case("observability-report-batch.json", ObservabilityReport.class,
            List.of("generated_at", "coordinator_id", "job", "stages", "executors", "checkpoint", "shuffle_partitions",
                "streaming_state", "recent_events", "connector_metrics"),
            Set.of("checkpoint", "streaming_state", "connector_metrics"),
            () -> new ObservabilityReport(ModelJson.rfc3339(0), "coord", MINIMAL_JOB, List.of(), List.of(), null,
                ReportShuffle.ZERO, null, List.of(), null)),
        new Case("report-job.json", ReportJob.class,
            List.of("job_id", "job_name", "job_kind", "state", "submitted_at_ms", "priority", "namespace_id",
                "elapsed_ms", "total_rows"),
            Set.of("namespace_id"),
            () -> MINIMAL_JOB),
        new Case("report-stage.json", ReportStage.class,
            List.of("stage_id", "stage_name", "state", "task_counts", "upstream_stage_ids", "output_partition_count",
                "task_details"),
            Set.of(),
            () -> new ReportStage(0, "s", "pending", null, null, 0, null)),
        new Case("report-task.json", ReportTask.class,
            List.of("task_id", "state", "executor_id", "attempt_id", "failure_count", "last_failure_reason",
                "watermark_ms", "source_offset", "runtime_stats"),
            Set.of("executor_id", "last_failure_reason", "watermark_ms", "source_offset"),
            () -> new ReportTask(0, "pending", null, 0, 0, null, null, null, ReportRuntimeStats.ZERO)),
        new Case("report-runtime-stats.json", ReportRuntimeStats.class,
            List.of("input_rows", "output_rows", "cpu_nanos", "memory_bytes", "spill_bytes"),
            Set.of(),
            () -> ReportRuntimeStats.ZERO),
        new Case("report-executor.json", ReportExecutor.class,
            List.of("executor_id", "host", "state", "slots", "active_tasks", "heartbeat_age_ticks", "task_endpoint",
                "memory_used_bytes", "memory_limit_bytes", "slots_used", "slots_total", "lost_count"),
            Set.of("task_endpoint"),
            () -> new ReportExecutor("e", "h", "registered", 0, 0, 0, null, 0, 0, 0, 0, 0)),
        new Case("report-checkpoint.json", ReportCheckpoint.class,
            List.of("latest_epoch", "fencing_token", "committed_at_ms", "source_offsets", "operator_snapshots",
                "is_savepoint", "savepoint_label", "iceberg_snapshot_id", "kafka_offsets"),
            Set.of("committed_at_ms", "savepoint_label", "iceberg_snapshot_id"),
            () -> new ReportCheckpoint(0, 0, null, null, null, false, null, null, null)),
        new Case("report-shuffle.json", ReportShuffle.class,
            List.of("pending", "available", "failed", "total_bytes_written"),
            Set.of(),
            () -> ReportShuffle.ZERO),
        new Case("report-streaming-state.json", ReportStreamingState.class,
            List.of("low_watermark_ms", "source_watermarks", "source_offsets_lag", "total_rows_emitted",
                "state_key_count", "state_bytes"),
            Set.of("low_watermark_ms"),
            () -> new ReportStreamingState(null, null, null, 0, 0, 0)),
        new Case("report-event.json", ReportEvent.class,
            List.of("timestamp_ms", "event_kind", "detail", "job_id", "stage_id", "task_id", "executor_id"),
            Set.of("job_id", "stage_id", "task_id", "executor_id"),
            () -> new ReportEvent(0, "ExecutorLost", "", null, null, null, null)),
        new Case("report-connector-metrics.json", ReportConnectorMetrics.class,
            List.of("total_rows_read", "total_bytes_read", "total_rows_written", "total_bytes_written",
                "source_offset_lag", "sink_commit_epoch"),
            Set.of("sink_commit_epoch"),
            () -> new ReportConnectorMetrics(0, 0, 0, 0, 0, null)),
        new Case("system-metrics.json", SystemMetrics.class,
            List.of("cpu_cores", "memory_total_bytes", "memory_available_bytes", "hostname", "os", "kernel_version",
                "pid", "uptime_seconds", "process_memory_bytes", "process_thread_count"),
            Set.of(),
            () -> new SystemMetrics(1, 2, 1, "h", "Linux", "6.1", 1, 0, 0, 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fixtureHasExactlyTheSpecKeys(Case c) {
    // Guards the hand-written fixture itself, so the round-trip checks below compare against the spec.
    assertEquals(new TreeSet<>(c.keys()), JsonTrees.keys(JsonTrees.tree(JsonTrees.fixture(c.fixture()))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void roundTripKeepsEveryKeyAtEveryLevel(Case c) {
    String fixture = JsonTrees.fixture(c.fixture());
    Object record = ModelJson.fromJson(fixture, c.type());
    JsonNode written = JsonTrees.tree(ModelJson.toJsonString(record));
    assertEquals(List.of(), JsonTrees.keyDifferences(JsonTrees.tree(fixture), written));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void roundTripKeepsEveryValue(Case c) {
    String fixture = JsonTrees.fixture(c.fixture());
    Object record = ModelJson.fromJson(fixture, c.type());
    assertEquals(JsonTrees.tree(fixture), JsonTrees.tree(ModelJson.toJsonString(record)));
    // The Vert.x and bytes forms carry the same tree.
    assertEquals(new JsonObject(fixture), ModelJson.toJson(record));
    String fromBytes = new String(ModelJson.toJsonBytes(record), StandardCharsets.UTF_8);
    assertEquals(JsonTrees.tree(fixture), JsonTrees.tree(fromBytes));
    // Reading the other forms gives an equal record.
    assertEquals(record, ModelJson.fromJson(fixture.getBytes(StandardCharsets.UTF_8), c.type()));
    assertEquals(record, ModelJson.fromJson(new JsonObject(fixture), c.type()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void absentOptionalValuesAreWrittenAsNull(Case c) {
    JsonObject json = ModelJson.toJson(c.minimal().get());
    assertEquals(new TreeSet<>(c.keys()), new TreeSet<>(json.fieldNames()), "same keys with optionals absent");
    for (String key : c.keys()) {
      if (c.nullableKeys().contains(key)) {
        assertTrue(json.containsKey(key) && json.getValue(key) == null, key + " present and null");
      } else {
        assertFalse(json.getValue(key) == null, key + " is required and must not be null");
      }
    }
    // The string form keeps the explicit nulls too (not only the map Vert.x builds).
    JsonNode tree = JsonTrees.tree(ModelJson.toJsonString(c.minimal().get()));
    for (String key : c.nullableKeys()) {
      assertTrue(tree.has(key) && tree.get(key).isNull(), key + " is JSON null in the text");
    }
  }
}
