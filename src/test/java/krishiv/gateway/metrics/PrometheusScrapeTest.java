package krishiv.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import krishiv.gateway.Gateway;
import krishiv.gateway.VertxFactory;
import krishiv.gateway.agent.ExecutorStatus;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.config.GatewayConfig;
import krishiv.gateway.testing.AgentDriver;
import krishiv.gateway.testing.Await;
import krishiv.gateway.testing.FakeCoordinator;
import krishiv.gateway.testing.MetricsFixtures;
import krishiv.gateway.testing.PromTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real Prometheus (Debian's, started here) scrapes a gateway fed by 50 executors and six jobs every second. It
 * negotiates OpenMetrics, sends a bearer token from a credentials file (the gateway requires it: production),
 * sees every series the gateway serves, and answers every query of the Grafana dashboard.
 */
class PrometheusScrapeTest {
  static final int EXECUTORS = 50;
  static final String SCRAPE_TOKEN = "scrape-" + java.util.UUID.randomUUID();
  static final Path DASHBOARD = Path.of("conf", "grafana", "krishiv-gateway.json");
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  static Path prometheusBinary;
  static PrometheusMeterRegistry registry;
  static Vertx vertx;
  static Gateway gateway;
  static AgentDriver agent;
  static Path dir;
  static Process prometheus;
  static String prometheusUrl;

  @BeforeAll
  static void start() throws Exception {
    prometheusBinary = PromTools.require("prometheus");
    registry = VertxFactory.newRegistry();
    vertx = VertxFactory.create(registry);
    long now = System.currentTimeMillis();
    List<JobInfo> jobs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      jobs.add(MetricsFixtures.streamingJob("stream-" + i, now - 10_000 + i, 5 + i, now - 3_000 * (i + 1)));
      jobs.add(MetricsFixtures.batchJob("batch-" + i, i == 0 ? "succeeded" : "running", now - 20_000 + i));
    }
    FakeCoordinator coordinator = new FakeCoordinator(vertx).withJobs(jobs);
    coordinator.start().await();
    // Production: /metrics needs a token; Prometheus sends the UI (read-only) token from its credentials file.
    Map<String, String> env = Map.of("KRISHIV_PRODUCTION", "yes", "KRISHIV_UI_TOKEN", SCRAPE_TOKEN,
        "KRISHIV_COORDINATOR_BEARER_TOKEN", "coordinator-" + SCRAPE_TOKEN);
    gateway = Gateway.start(vertx, GatewayConfig.defaults().with(Map.of("http.port", "0")),
        Gateway.Options.defaults().withEnv(env).withRegistry(registry)).await();
    agent = new AgentDriver(vertx, MetricsFixtures.agentWithSpill(vertx, Duration.ofSeconds(1)));
    agent.run(a -> {
      for (int i = 0; i < EXECUTORS; i++) {
        String id = String.format("exec-%03d", i);
        a.register(id, () -> ExecutorStatus.idle(id + ".local", 8, 8, 4L << 30));
      }
    });
    agent.start();
    Await.until("the view is warm with every executor", Duration.ofSeconds(10),
        () -> gateway.view().snapshot().warm() && gateway.view().snapshot().executorCount() == EXECUTORS);
    for (String path : List.of("/healthz", "/api/v1/jobs", "/api/v1/executors")) {
      get(gateway.url() + path, Map.of()); // some HTTP traffic for the route panel
    }

    dir = Files.createTempDirectory("krishiv-prometheus");
    Files.writeString(dir.resolve("token"), SCRAPE_TOKEN + "\n");
    Files.writeString(dir.resolve("prometheus.yml"), String.join("\n",
        "global:",
        "  scrape_interval: 1s",
        "  scrape_timeout: 1s",
        "  evaluation_interval: 1s",
        "scrape_configs:",
        "  - job_name: krishiv-gateway",
        "    metrics_path: /metrics",
        "    authorization:",
        "      credentials_file: " + dir.resolve("token"),
        "    static_configs:",
        "      - targets: ['127.0.0.1:" + gateway.port() + "']",
        ""));
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    prometheusUrl = "http://127.0.0.1:" + port;
    prometheus = new ProcessBuilder(prometheusBinary.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
        "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
        .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    // The first scrape comes about 6 s after start (TOOLS.md), whatever the interval.
    Await.until("Prometheus scraped the gateway (up == 1)", Duration.ofSeconds(40),
        () -> "1".equals(firstValue(query("up{job=\"krishiv-gateway\"}"))));
  }

  @AfterAll
  static void stop() throws Exception {
    if (prometheus != null) {
      prometheus.destroy();
      if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
        prometheus.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
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

  /** GET with the scrape token when the URL is the gateway's (Prometheus' own API needs none). */
  static HttpResponse<String> get(String url, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    headers.forEach(b::header);
    if (gateway != null && url.startsWith(gateway.url()) && !headers.containsKey("Authorization")) {
      b.header("Authorization", "Bearer " + SCRAPE_TOKEN);
    }
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("GET " + url + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The result vector of an instant query (empty while Prometheus is not answering yet). */
  static JsonArray query(String promql) {
    try {
      HttpResponse<String> r = get(prometheusUrl + "/api/v1/query?query="
          + URLEncoder.encode(promql, StandardCharsets.UTF_8), Map.of());
      if (r.statusCode() != 200) {
        return new JsonArray();
      }
      return new JsonObject(r.body()).getJsonObject("data").getJsonArray("result");
    } catch (AssertionError e) {
      return new JsonArray(); // not listening yet
    }
  }

  static String firstValue(JsonArray result) {
    return result.isEmpty() ? null : result.getJsonObject(0).getJsonArray("value").getString(1);
  }

  /** Sample lines of a body, by metric name prefix. */
  static long samples(String body, String prefix) {
    return body.lines().filter(l -> !l.startsWith("#") && !l.isEmpty() && l.startsWith(prefix)).count();
  }

  /** In production /metrics needs metrics:read: no token is 401, the read-only UI token is enough. */
  @Test
  void metricsNeedsCredentialsAndTheUiTokenIsEnough() {
    HttpResponse<String> none = get(gateway.url() + "/metrics", Map.of("Authorization", "Basic eDp5"));
    assertEquals(401, none.statusCode());
    assertEquals(200, get(gateway.url() + "/metrics", Map.of()).statusCode());
  }

  @Test
  void everyExecutorHasExactlyOneUpSeries() {
    JsonArray up = query("krishiv_executor_up");
    Set<String> ids = up.stream().map(s -> ((JsonObject) s).getJsonObject("metric").getString("executor_id"))
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(EXECUTORS, up.size());
    assertEquals(EXECUTORS, ids.size(), "one series per executor");
    assertEquals("1", firstValue(query("min(krishiv_executor_up)")));
  }

  @Test
  void prometheusStoresEveryClusterSampleTheGatewayServes() {
    // The krishiv_* families have a fixed set of series here, so Prometheus' count must match the body exactly.
    Await.until("Prometheus holds as many krishiv_* series as one body has", Duration.ofSeconds(15), () -> {
      String body = get(gateway.url() + "/metrics", Map.of("Accept", MetricsEndpointTest.PROMETHEUS_ACCEPT)).body();
      return String.valueOf(samples(body, "krishiv_")).equals(firstValue(query("count({__name__=~\"krishiv_.*\"})")));
    });
    // All samples: the gateway's own meters can gain series between two scrapes (a first GC, a new HTTP status),
    // so the total may differ slightly from a body fetched a moment apart.
    String body = get(gateway.url() + "/metrics", Map.of("Accept", MetricsEndpointTest.PROMETHEUS_ACCEPT)).body();
    long mine = samples(body, "");
    long scraped = Long.parseLong(firstValue(query("scrape_samples_scraped{job=\"krishiv-gateway\"}")));
    assertTrue(Math.abs(mine - scraped) <= Math.max(10, mine / 50), "scraped " + scraped + ", body " + mine);
  }

  @Test
  void prometheusNegotiatedOpenMetricsAndParsedItCleanly() {
    JsonObject target = new JsonObject(get(prometheusUrl + "/api/v1/targets", Map.of()).body()).getJsonObject("data")
        .getJsonArray("activeTargets").getJsonObject(0);
    assertEquals("up", target.getString("health"));
    assertEquals("", target.getString("lastError"));
    // Prometheus keys metadata by the family name of the # TYPE line: OpenMetrics names a counter family without
    // _total, the text format with it. Metadata under "krishiv_tasks" proves the scrape was parsed as OpenMetrics.
    JsonArray meta = new JsonObject(get(prometheusUrl + "/api/v1/targets/metadata?metric=krishiv_tasks", Map.of())
        .body()).getJsonArray("data");
    assertEquals(1, meta.size(), meta.encode());
    assertEquals("counter", meta.getJsonObject(0).getString("type"));
  }

  @Test
  void everyDashboardQueryReturnsData() throws IOException {
    JsonObject dashboard = new JsonObject(Files.readString(DASHBOARD));
    List<String> queries = new ArrayList<>();
    for (Object p : dashboard.getJsonArray("panels")) {
      JsonArray targets = ((JsonObject) p).getJsonArray("targets", new JsonArray());
      targets.forEach(t -> queries.add(((JsonObject) t).getString("expr")));
    }
    assertTrue(queries.size() >= 12, queries.toString());
    for (String q : queries) {
      // rate() needs two samples in its window: poll until the scrapes have made them.
      Await.until("data for dashboard query " + q, Duration.ofSeconds(20), () -> !query(q).isEmpty());
    }
  }
}
