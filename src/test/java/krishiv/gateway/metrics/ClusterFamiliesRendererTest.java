package krishiv.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import krishiv.gateway.bus.message.Heartbeat;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.JobsMessage;
import krishiv.gateway.bus.message.StageInfo;
import krishiv.gateway.bus.message.StreamingInfo;
import krishiv.gateway.testing.MetricsFixtures;
import krishiv.gateway.testing.PromTools;
import krishiv.gateway.view.EventLog;
import krishiv.gateway.view.ViewLimits;
import krishiv.gateway.view.ViewSnapshot;
import krishiv.gateway.view.ViewState;
import org.junit.jupiter.api.Test;

/** The snapshot families as a pure function: content, determinism, the budget, escaping, both formats. */
class ClusterFamiliesRendererTest {
  static final MetricsLimits DEFAULTS = new MetricsLimits(200_000, 50_000, 128);

  static Heartbeat hb(String id, long seq) {
    return new Heartbeat(id, "inc", seq, id + ".local", "healthy", 4, List.of(), 0, 0, 1, 0, 0, null, null, null,
        null, 1_000);
  }

  /** 20 executors (exec-19 lost), a streaming job and two batch jobs. */
  static ViewSnapshot snapshot(List<JobInfo> jobs) {
    ViewState state = new ViewState("ep", new ViewLimits(100, 100, 10, 1000, 5, 5_000, 60_000, 1000),
        new EventLog(1000), e -> { });
    for (int i = 0; i < 20; i++) {
      state.applyHeartbeat(hb(String.format("exec-%02d", i), 1), i == 19 ? 0 : 10_000);
    }
    state.checkExecutors(10_000);
    state.applyJobs(new JobsMessage("c", true, 0, jobs), 10_000);
    return state.snapshot(10_123);
  }

  static List<JobInfo> jobs() {
    return List.of(MetricsFixtures.streamingJob("stream-1", 3_000, 7, 9_000),
        MetricsFixtures.batchJob("batch-1", "running", 2_000), MetricsFixtures.batchJob("batch-2", "succeeded", 1_000));
  }

  static String text(RenderedFamilies r) {
    return r.body().toString(StandardCharsets.UTF_8);
  }

  static List<String> samples(String body) {
    return body.lines().filter(l -> !l.startsWith("#")).collect(Collectors.toList());
  }

  @Test
  void everyFamilyHasHelpTypeAndTheExpectedSeries() {
    String body = text(new ClusterFamiliesRenderer(DEFAULTS).render(snapshot(jobs()), ExpositionFormat.PROMETHEUS_TEXT));
    for (MetricFamily f : MetricFamily.fromSnapshot()) {
      assertTrue(body.contains("# HELP " + f.metricName() + " "), f.metricName());
      assertTrue(body.contains("# TYPE " + f.metricName() + " " + f.type().label() + "\n"), f.metricName());
    }
    List<String> lines = samples(body);
    assertEquals(20, lines.stream().filter(l -> l.startsWith("krishiv_executor_up{")).count());
    assertTrue(lines.contains("krishiv_executor_up{executor_id=\"exec-19\"} 0"), "a lost executor shows up 0");
    assertTrue(lines.contains("krishiv_executor_up{executor_id=\"exec-00\"} 1"));
    assertEquals(19, lines.stream().filter(l -> l.startsWith("krishiv_executor_slots_total{")).count(),
        "no slots for the lost executor: its report is stale");
    assertTrue(lines.contains("krishiv_gateway_executor_last_seen_seconds{executor_id=\"exec-00\"} 10.000"));
    assertTrue(lines.contains("krishiv_gateway_executors{state=\"lost\"} 1"));
    assertTrue(lines.contains("krishiv_gateway_executors{state=\"removed\"} 0"), "every state, even at 0");
    assertTrue(lines.contains("krishiv_gateway_jobs{state=\"succeeded\"} 1"));
    assertTrue(lines.contains("krishiv_checkpoint_epoch{job_id=\"stream-1\"} 7"));
    assertTrue(lines.contains("krishiv_checkpoint_epochs_total{job_id=\"stream-1\",status=\"committed\"} 7"));
    assertTrue(lines.contains("krishiv_watermark_ms{job_id=\"stream-1\"} 9000"));
    assertTrue(lines.contains("krishiv_source_offset_lag{job_id=\"stream-1\",source_id=\"files-in\"} 3"));
    assertTrue(lines.contains("krishiv_streaming_rows_emitted_total{job_id=\"stream-1\",task_id=\"1\"} 700"),
        "rows of the sink stage's tasks");
    assertTrue(lines.contains("krishiv_task_attempts_total{job_id=\"batch-1\",stage_id=\"0\",status=\"failed\"} 2"));
    assertTrue(lines.contains("krishiv_shuffle_partitions{job_id=\"batch-1\",stage_id=\"0\",state=\"pending\"} 2"));
    assertTrue(lines.contains("krishiv_operator_memory_bytes{operator=\"sort\"} 2048"), "summed over jobs");
    assertTrue(lines.contains("krishiv_tasks_running 6"));
    assertTrue(lines.contains("krishiv_checkpoint_commit_duration_seconds_bucket{le=\"+Inf\"} 0"));
    assertFalse(body.contains("\r"));
  }

  @Test
  void theSameSnapshotRendersTheSameBytes() {
    ClusterFamiliesRenderer renderer = new ClusterFamiliesRenderer(new MetricsLimits(40, 10, 128));
    ViewSnapshot s = snapshot(jobs());
    for (ExpositionFormat f : ExpositionFormat.values()) {
      assertArrayEquals(renderer.render(s, f).body().getBytes(), renderer.render(s, f).body().getBytes(), f.name());
    }
    // Equal reports built separately (maps in another insertion order) render the same bytes too.
    assertArrayEquals(renderer.render(s, ExpositionFormat.PROMETHEUS_TEXT).body().getBytes(),
        renderer.render(snapshot(jobs()), ExpositionFormat.PROMETHEUS_TEXT).body().getBytes());
  }

  @Test
  void pastTheBudgetSeriesAreDroppedDeterministicallyCountedAndTheOutputStaysValid() throws Exception {
    RenderedFamilies r = new ClusterFamiliesRenderer(new MetricsLimits(60, 5, 128))
        .render(snapshot(jobs()), ExpositionFormat.PROMETHEUS_TEXT);
    List<String> lines = samples(text(r));
    assertEquals(60, r.series());
    assertEquals(60, lines.size());
    List<String> up = lines.stream().filter(l -> l.startsWith("krishiv_executor_up{")).collect(Collectors.toList());
    assertEquals(List.of("exec-00", "exec-01", "exec-02", "exec-03", "exec-04"),
        up.stream().map(l -> l.substring(l.indexOf('"') + 1, l.lastIndexOf('"'))).collect(Collectors.toList()),
        "the first executors in id order are kept");
    assertEquals(15, r.dropped(MetricFamily.EXECUTOR_UP));
    assertTrue(r.dropped(MetricFamily.CHECKPOINT_COMMIT_DURATION) > 0, "a histogram is kept whole or dropped");
    assertFalse(lines.stream().anyMatch(l -> l.startsWith("krishiv_checkpoint_commit_duration_seconds")));
    assertEquals(List.of(), PromTools.checkMetrics(r.body().getBytes()).unexpectedProblems());
  }

  @Test
  void longLabelValuesDropTheirSeriesAndSpecialCharactersAreEscaped() throws Exception {
    JobInfo s = MetricsFixtures.streamingJob("stream-1", 3_000, 7, 9_000);
    StreamingInfo odd = new StreamingInfo(1L, Map.of(), Map.of("x".repeat(129), 1L, "quote\"back\\slash\nnl", 2L,
        "ümlaut-✓-😀", 3L), 0, 0, 0);
    JobInfo j = new JobInfo(s.jobId(), s.jobName(), s.kind(), s.state(), s.priority(), s.namespaceId(),
        s.submittedAtMs(), s.completedAtMs(), s.totalRows(), s.resourceUsage(), s.stages(), s.shuffle(),
        s.checkpoint(), odd, null, s.operatorMemoryBytes());
    RenderedFamilies r = new ClusterFamiliesRenderer(DEFAULTS).render(snapshot(List.of(j)),
        ExpositionFormat.PROMETHEUS_TEXT);
    String body = text(r);
    assertEquals(1, r.dropped(MetricFamily.SOURCE_OFFSET_LAG), "the 129-character source id");
    assertTrue(body.contains("source_id=\"quote\\\"back\\\\slash\\nnl\"} 2"), body);
    assertTrue(body.contains("source_id=\"ümlaut-✓-😀\"} 3"));
    assertEquals(List.of(), PromTools.checkMetrics(r.body().getBytes()).unexpectedProblems());
  }

  @Test
  void aRepeatedStageIdInAReportNeverMakesADuplicateSeries() {
    JobInfo b = MetricsFixtures.batchJob("batch-1", "running", 2_000);
    List<StageInfo> twice = new ArrayList<>(b.stages());
    twice.addAll(b.stages());
    JobInfo dup = new JobInfo(b.jobId(), b.jobName(), b.kind(), b.state(), b.priority(), b.namespaceId(),
        b.submittedAtMs(), b.completedAtMs(), b.totalRows(), b.resourceUsage(), twice, b.shuffle(), null, null, null,
        b.operatorMemoryBytes());
    List<String> lines = samples(text(new ClusterFamiliesRenderer(DEFAULTS).render(snapshot(List.of(dup)),
        ExpositionFormat.PROMETHEUS_TEXT)));
    Set<String> series = new HashSet<>();
    for (String l : lines) {
      assertTrue(series.add(l.substring(0, l.lastIndexOf(' '))), "duplicate series " + l);
    }
  }

  @Test
  void openMetricsNamesCounterFamiliesWithoutTheTotalSuffix() {
    String body = text(new ClusterFamiliesRenderer(DEFAULTS).render(snapshot(jobs()), ExpositionFormat.OPENMETRICS));
    assertTrue(body.contains("# TYPE krishiv_tasks counter\n"));
    assertTrue(body.contains("\nkrishiv_tasks_total{status=\"succeeded\"} 0\n"));
    assertTrue(body.contains("# TYPE krishiv_checkpoint_commit_duration_seconds histogram\n"));
    assertFalse(body.contains("# EOF"), "the terminator comes after the scrape-time families");
  }
}
