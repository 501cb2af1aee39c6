package krishiv.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import krishiv.gateway.Gateway;
import krishiv.gateway.VertxFactory;
import krishiv.gateway.agent.ExecutorStatus;
import krishiv.gateway.bus.BusAddresses;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.JobsMessage;
import krishiv.gateway.config.GatewayConfig;
import krishiv.gateway.testing.AgentDriver;
import krishiv.gateway.testing.Await;
import krishiv.gateway.testing.FakeCoordinator;
import krishiv.gateway.testing.MetricsFixtures;
import krishiv.gateway.testing.PromTools;
import krishiv.gateway.testing.TestJobs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} over a live gateway fed through the bus (one gateway for the class, on a Vert.x built with
 * the gateway's registry as in production): formats, gzip, the gateway's own meters, freshness and the budget.
 */
class MetricsEndpointTest {
  /** What Prometheus 2.x sends. */
  static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
      + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
  static final Pattern TYPE_LINE = Pattern.compile("^# TYPE (\\S+) ", Pattern.MULTILINE);
  static final int EXECUTORS = 12;

  static PrometheusMeterRegistry registry;
  static Vertx vertx;
  static FakeCoordinator coordinator;
  static Gateway gateway;
  static AgentDriver agent;
  /**
   * HTTP/1.1, as Prometheus scrapes. (Over HTTP/2 cleartext, Vert.x 5.0.7 sends a body uncompressed but labelled
   * gzip once a connection has carried one uncompressed response: eclipse-vertx/vert.x#5896, see docs/metrics.md.)
   */
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  static List<JobInfo> jobs() {
    long now = System.currentTimeMillis();
    return List.of(MetricsFixtures.streamingJob("stream-1", now - 3_000, 7, now - 2_000),
        MetricsFixtures.batchJob("batch-1", "running", now - 2_000),
        MetricsFixtures.batchJob("done-1", "succeeded", now - 1_000));
  }

  @BeforeAll
  static void start() {
    registry = VertxFactory.newRegistry();
    vertx = VertxFactory.create(registry);
    coordinator = new FakeCoordinator(vertx).withJobs(jobs());
    coordinator.start().await();
    GatewayConfig config = GatewayConfig.defaults().with(Map.of("http.port", "0",
        "view.heartbeat-timeout", "1s", "view.lost-check-interval", "100ms", "view.removed-retention", "2s"));
    gateway = Gateway.start(vertx, config, Gateway.Options.defaults().withRegistry(registry)).await();
    agent = new AgentDriver(vertx, MetricsFixtures.agentWithSpill(vertx, Duration.ofMillis(200)));
    agent.run(a -> {
      for (int i = 0; i < EXECUTORS; i++) {
        String id = String.format("exec-%02d", i);
        a.register(id, () -> ExecutorStatus.idle(id + ".local", 4, 8, 1L << 30));
      }
    });
    agent.start();
    Await.until("executors and jobs in the view", Duration.ofSeconds(10),
        () -> gateway.view().snapshot().executorCount() == EXECUTORS && gateway.view().snapshot().warm());
  }

  @AfterAll
  static void stop() {
    if (agent != null) {
      agent.close();
    }
    if (gateway != null) {
      gateway.stop().await();
    }
    if (vertx != null) {
      vertx.close().await(); // also ends the coordinator's consumer
    }
  }

  static HttpResponse<byte[]> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway.url() + path)).timeout(Duration.ofSeconds(10));
    headers.forEach(b::header);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static String scrape() throws IOException, InterruptedException {
    HttpResponse<byte[]> r = get("/metrics", Map.of());
    assertEquals(200, r.statusCode());
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  static Set<String> samples(String body) {
    return body.lines().filter(l -> !l.startsWith("#")).collect(Collectors.toSet());
  }

  /** Every family name in {@code # TYPE} lines; fails on a name declared twice. */
  static Set<String> familyNames(String body) {
    Set<String> names = new HashSet<>();
    Matcher m = TYPE_LINE.matcher(body);
    while (m.find()) {
      assertTrue(names.add(m.group(1)), "family declared twice: " + m.group(1));
    }
    return names;
  }

  @Test
  void theDefaultIsTextFormatWithTheGatewaysOwnMetersAndEveryFamilyOnce() throws Exception {
    get("/api/v1/jobs/job-1", Map.of()); // a routed request (GET /healthz is answered before the router)
    HttpResponse<byte[]> r = get("/metrics", Map.of());
    assertEquals("text/plain; version=0.0.4; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
    String body = new String(r.body(), StandardCharsets.UTF_8);
    Set<String> families = familyNames(body);
    for (MetricFamily f : MetricFamily.values()) {
      assertTrue(families.contains(f.metricName()), f.metricName());
      assertTrue(body.contains("# HELP " + f.metricName() + " "), f.metricName());
    }
    for (String own : List.of("vertx_http_server_requests_total", "vertx_eventbus_handlers", "vertx_pool_in_use",
        "jvm_memory_used_bytes", "jvm_gc_pause_seconds", "jvm_threads_live_threads", "process_cpu_usage",
        "process_uptime_seconds")) {
      assertTrue(families.contains(own), own + " in " + families);
    }
    assertTrue(body.contains("route=\"/api/v1/jobs/:job_id\""), "HTTP meters carry the route template, not the id");
    assertFalse(body.contains("job-1"), "never a raw path or id in an HTTP label");
    assertFalse(body.lines().anyMatch(l -> !l.startsWith("#") && l.matches("^\\S+ \\S+ \\d+$")), "no timestamps");
    assertEquals(List.of(), PromTools.checkMetrics(r.body()).unexpectedProblems());
  }

  @Test
  void prometheusAcceptHeaderGetsOpenMetricsEndingInEof() throws Exception {
    get("/healthz", Map.of());
    HttpResponse<byte[]> r = get("/metrics", Map.of("Accept", PROMETHEUS_ACCEPT));
    assertEquals("application/openmetrics-text; version=1.0.0; charset=utf-8",
        r.headers().firstValue("Content-Type").orElseThrow());
    String body = new String(r.body(), StandardCharsets.UTF_8);
    assertTrue(body.endsWith("\n# EOF\n"));
    assertEquals(body.indexOf("# EOF"), body.lastIndexOf("# EOF"), "one terminator");
    Set<String> families = familyNames(body);
    assertTrue(families.contains("krishiv_tasks"), "OpenMetrics counter families drop _total");
    assertTrue(families.contains("vertx_http_server_requests"));
    assertTrue(body.contains("\nkrishiv_tasks_total{status=\"succeeded\"} "));
    assertEquals("text/plain; version=0.0.4; charset=utf-8", get("/metrics", Map.of("Accept", "text/plain"))
        .headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void gzipWhenTheClientAcceptsIt() throws Exception {
    HttpResponse<byte[]> r = get("/metrics", Map.of("Accept-Encoding", "gzip"));
    assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse("identity"));
    byte[] plain;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
      plain = in.readAllBytes();
    }
    assertTrue(plain.length > 2 * r.body().length, plain.length + " bytes compressed to " + r.body().length);
    assertTrue(new String(plain, StandardCharsets.UTF_8).contains("\nkrishiv_executor_up{"));
    assertFalse(get("/metrics", Map.of()).headers().firstValue("Content-Encoding").isPresent());
  }

  @Test
  void scrapesAreLeftOutOfTheGatewaysHttpMetrics() throws Exception {
    for (int i = 0; i < 3; i++) {
      scrape();
    }
    get("/api/v1/jobs", Map.of());
    String body = scrape();
    assertTrue(body.contains("route=\"/api/v1/jobs\""));
    assertFalse(body.contains("route=\"/metrics\""), "no HTTP meter for the scrape route");
    assertFalse(body.contains(SelfScrapeExclusion.MARKER));
  }

  @Test
  void aStoppedExecutorShowsUpZeroAndARemovedOneDisappears() {
    agent.run(a -> a.pause("exec-03"));
    awaitScrape("exec-03 lost", b -> b.contains("krishiv_executor_up{executor_id=\"exec-03\"} 0\n"));
    agent.run(a -> a.deregister("exec-04"));
    awaitScrape("exec-04 removed", b -> b.contains("krishiv_executor_up{executor_id=\"exec-04\"} 0\n")
        && b.contains("krishiv_gateway_executors{state=\"removed\"} 1\n"));
    // Past view.removed-retention (2 s) both are forgotten: none of their series is left.
    awaitScrape("exec-03 and exec-04 gone", b -> !b.contains("\"exec-03\"") && !b.contains("\"exec-04\""));
  }

  @Test
  void aFinishedJobDroppedByAFullSnapshotDisappears() {
    JobInfo finished = TestJobs.withState(MetricsFixtures.streamingJob("stream-gone", System.currentTimeMillis(), 3,
        1), "succeeded");
    coordinator.publishJobs(finished);
    awaitScrape("the finished job", b -> b.contains("krishiv_checkpoint_epoch{job_id=\"stream-gone\"} 3\n"));
    vertx.eventBus().publish(BusAddresses.COORDINATOR_JOBS,
        new JobsMessage(FakeCoordinator.ID, true, System.currentTimeMillis(), jobs()).toJson());
    awaitScrape("the finished job gone", b -> !b.contains("stream-gone") && b.contains("job_id=\"stream-1\""));
  }

  @Test
  void countersAccumulateWhatTheBusReports() {
    JobInfo later = MetricsFixtures.streamingJob("stream-1", System.currentTimeMillis() - 3_000, 9, 1);
    coordinator.publishJobs(later);
    awaitScrape("epochs 8 and 9 observed", b -> b.contains("krishiv_checkpoint_commit_duration_seconds_count 2\n")
        && b.contains("krishiv_checkpoint_commit_duration_seconds_sum 0.55\n"));
    awaitScrape("spill from heartbeats", b -> value(b, "krishiv_spill_bytes_total") > 0
        && value(b, "krishiv_spill_files_total") > 0 && value(b, "krishiv_failed_assignments_total") > 0
        && value(b, "krishiv_gateway_bus_messages_total{address=\"krishiv.executor.heartbeat\"}") > EXECUTORS);
  }

  @Test
  void pastTheBudgetEveryScrapeCountsWhatItLeftOutAndStaysValid() throws Exception {
    GatewayConfig tight = GatewayConfig.defaults().with(Map.of("metrics.max-series", "40",
        "metrics.max-series-per-family", "4"));
    try (GatewayMetrics metrics = GatewayMetrics.createWithOwnRegistry(vertx, tight, gateway.view(),
        gateway.busStats(), System::currentTimeMillis)) {
      String first = metrics.scrape(ExpositionFormat.PROMETHEUS_TEXT).await().toString(StandardCharsets.UTF_8);
      String second = metrics.scrape(ExpositionFormat.PROMETHEUS_TEXT).await().toString(StandardCharsets.UTF_8);
      String dropped = "krishiv_gateway_series_dropped_total{family=\"krishiv_executor_up\"}";
      long n = value(first, dropped);
      assertTrue(n > 0, first);
      assertEquals(2 * n, value(second, dropped), "each scrape adds the series it left out");
      assertEquals(4, first.lines().filter(l -> l.startsWith("krishiv_executor_up{")).count());
      assertEquals(List.of(), PromTools.checkMetrics(second.getBytes(StandardCharsets.UTF_8)).unexpectedProblems());
    }
  }

  static long value(String body, String series) {
    return body.lines().filter(l -> l.startsWith(series + " ")).findFirst()
        .map(l -> (long) Double.parseDouble(l.substring(series.length() + 1))).orElse(-1L);
  }

  static void awaitScrape(String what, java.util.function.Predicate<String> condition) {
    Await.until(what, Duration.ofSeconds(10), () -> {
      try {
        return condition.test(scrape());
      } catch (IOException | InterruptedException e) {
        throw new AssertionError(e);
      }
    });
  }
}
