package krishiv.gateway.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Verifies ModelJson's timestamp format, its reading rules, and the records' defensive copies. */
class ModelJsonTest {
  private static final Pattern RFC3339_MILLIS =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$");

  @Test
  void rfc3339IsUtcWithExactlyThreeFractionDigits() {
    long withMillis = Instant.parse("2026-12-03T22:49:24.123Z").toEpochMilli();
    assertEquals("2026-12-03T22:49:24.123Z", ModelJson.rfc3339(withMillis));
    // Instant.toString() would print "2026-12-03T22:49:24Z" here; the wire format keeps ".000".
    long zeroMillis = Instant.parse("2026-12-03T22:49:24Z").toEpochMilli();
    assertEquals("2026-12-03T22:49:24.000Z", ModelJson.rfc3339(zeroMillis));
    assertEquals("1970-01-01T00:00:00.000Z", ModelJson.rfc3339(0));
    assertEquals("2026-12-03T22:49:24.050Z", ModelJson.rfc3339(zeroMillis + 50));
    for (long ms : new long[] {0, 1, 999, zeroMillis, withMillis, System.currentTimeMillis()}) {
      String s = ModelJson.rfc3339(ms);
      assertTrue(RFC3339_MILLIS.matcher(s).matches(), s);
      assertEquals(ms, Instant.parse(s).toEpochMilli(), "parses back to the same instant: " + s);
    }
  }

  @Test
  void reportWritesGeneratedAtInRfc3339() {
    long zeroMillis = Instant.parse("2026-12-03T22:49:24Z").toEpochMilli();
    ObservabilityReport report = new ObservabilityReport(ModelJson.rfc3339(zeroMillis), "coord",
        ModelFixtureTest.MINIMAL_JOB, null, null, null, ReportShuffle.ZERO, null, null, null);
    String generatedAt = ModelJson.toJson(report).getString("generated_at");
    assertEquals("2026-12-03T22:49:24.000Z", generatedAt);
    assertTrue(RFC3339_MILLIS.matcher(generatedAt).matches(), generatedAt);
  }

  @Test
  void fixtureReadsIntoTheExpectedRecord() {
    // Field by field against a record built in code, not only a round trip.
    assertEquals(new ReportJob("job-20261203-0042", "orders-enrichment", "streaming", "running", 1796336400000L, 5,
            "analytics", 564123, 1048576),
        ModelJson.fromJson(JsonTrees.fixture("report-job.json"), ReportJob.class));
    assertEquals(new ReportCheckpoint(118, 9007199254740993L, 1796336955000L,
            Map.of("orders", 48213L, "customers", 1907L),
            Map.of("window-agg", "s3://krishiv-ckpt/job-20261203-0042/118/window-agg",
                "dedup", "s3://krishiv-ckpt/job-20261203-0042/118/dedup"),
            true, "before-upgrade", 6120893475112233445L, Map.of("orders-0", 48213L, "orders-1", 47990L)),
        ModelJson.fromJson(JsonTrees.fixture("report-checkpoint.json"), ReportCheckpoint.class));
    ObservabilityReport batch =
        ModelJson.fromJson(JsonTrees.fixture("observability-report-batch.json"), ObservabilityReport.class);
    assertNull(batch.checkpoint());
    assertNull(batch.streamingState());
    assertNull(batch.connectorMetrics());
    assertNull(batch.job().namespaceId());
    assertEquals(List.of(), batch.executors());
  }

  @Test
  void unknownKeysAreIgnoredAndAbsentNumbersReadAsZero() {
    // A Krishiv job without the gateway-added total_rows, and with a field this model does not know.
    JsonObject job = new JsonObject().put("job_id", "j").put("job_name", "n").put("job_kind", "batch")
        .put("state", "queued").put("submitted_at_ms", 10).put("priority", 1).put("namespace_id", null)
        .put("elapsed_ms", 3).put("added_by_a_newer_krishiv", true);
    assertEquals(new ReportJob("j", "n", "batch", "queued", 10, 1, null, 3, 0),
        ModelJson.fromJson(job, ReportJob.class));
  }

  @Test
  void explicitNullForANonOptionalNumberReadsAsZero() {
    JsonObject stats = new JsonObject().put("input_rows", null).put("output_rows", 2).put("cpu_nanos", 3)
        .put("memory_bytes", 4).put("spill_bytes", 5);
    assertEquals(new ReportRuntimeStats(0, 2, 3, 4, 5), ModelJson.fromJson(stats, ReportRuntimeStats.class));
  }

  @Test
  void missingRequiredIdOrObjectIsRejected() {
    JsonObject event = ModelJson.toJson(new ReportEvent(1, "TaskFailed", "d", null, null, null, null));
    event.remove("event_kind");
    assertThrows(DecodeException.class, () -> ModelJson.fromJson(event, ReportEvent.class));
    JsonObject task = ModelJson.toJson(new ReportTask(0, "running", null, 0, 0, null, null, null,
        ReportRuntimeStats.ZERO));
    task.put("runtime_stats", null);
    assertThrows(DecodeException.class, () -> ModelJson.fromJson(task, ReportTask.class));
    assertThrows(DecodeException.class, () -> ModelJson.fromJson("{not json", ReportJob.class));
  }

  @Test
  void nullOrAbsentCollectionsBecomeEmpty() {
    ReportStage stage = ModelJson.fromJson("{\"stage_id\":1,\"stage_name\":\"s\",\"state\":\"pending\","
        + "\"task_counts\":null,\"output_partition_count\":0}", ReportStage.class);
    assertEquals(Map.of(), stage.taskCounts());
    assertEquals(List.of(), stage.upstreamStageIds());
    assertEquals(List.of(), stage.taskDetails());
    JsonObject json = ModelJson.toJson(stage);
    assertEquals(new JsonObject(), json.getJsonObject("task_counts"));
    assertEquals(new JsonArray(), json.getJsonArray("upstream_stage_ids"));
    assertEquals(new JsonArray(), json.getJsonArray("task_details"));
  }

  @Test
  void collectionsAreCopiedUnmodifiableAndKeepKeyOrder() {
    LinkedHashMap<String, Long> counts = new LinkedHashMap<>();
    counts.put("running", 3L);
    counts.put("failed", 1L);
    counts.put("assigned", 2L);
    List<Integer> upstream = new ArrayList<>(List.of(4, 2));
    ReportStage stage = new ReportStage(5, "s", "running", counts, upstream, 1, List.of());
    counts.put("succeeded", 9L);
    upstream.add(7);
    assertEquals(List.of("running", "failed", "assigned"), List.copyOf(stage.taskCounts().keySet()));
    assertEquals(List.of(4, 2), stage.upstreamStageIds());
    assertThrows(UnsupportedOperationException.class, () -> stage.taskCounts().put("x", 1L));
    assertThrows(UnsupportedOperationException.class, () -> stage.upstreamStageIds().add(1));
    assertEquals("{\"running\":3,\"failed\":1,\"assigned\":2}",
        ModelJson.toJson(stage).getJsonObject("task_counts").encode());
  }

  @Test
  void nullInsideACollectionIsRejected() {
    Map<String, Long> withNull = new LinkedHashMap<>();
    withNull.put("orders", null);
    assertThrows(NullPointerException.class, () -> new ReportStreamingState(null, withNull, Map.of(), 0, 0, 0));
    List<Integer> ids = new ArrayList<>();
    ids.add(null);
    assertThrows(NullPointerException.class, () -> new ReportStage(0, "s", "pending", Map.of(), ids, 0, List.of()));
  }

  @Test
  void requiredFieldsRejectNull() {
    assertThrows(NullPointerException.class,
        () -> new ObservabilityReport(null, "c", ModelFixtureTest.MINIMAL_JOB, null, null, null, ReportShuffle.ZERO,
            null, null, null));
    assertThrows(NullPointerException.class,
        () -> new ObservabilityReport(ModelJson.rfc3339(0), "c", null, null, null, null, ReportShuffle.ZERO, null,
            null, null));
    assertThrows(NullPointerException.class, () -> new ReportJob("j", "n", null, "queued", 0, 0, null, 0, 0));
    assertThrows(NullPointerException.class,
        () -> new ReportExecutor(null, "h", "healthy", 1, 0, 0, null, 0, 0, 0, 1, 0));
  }
}
