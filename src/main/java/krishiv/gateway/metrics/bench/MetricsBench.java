package krishiv.gateway.metrics.bench;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import krishiv.gateway.Gateway;
import krishiv.gateway.VertxFactory;
import krishiv.gateway.agent.ExecutorAgent;
import krishiv.gateway.bus.BusAddresses;
import krishiv.gateway.config.GatewayConfig;
import krishiv.gateway.metrics.ClusterFamiliesRenderer;
import krishiv.gateway.metrics.ExpositionFormat;
import krishiv.gateway.metrics.MetricsLimits;
import krishiv.gateway.metrics.RenderedFamilies;
import krishiv.gateway.view.ViewSnapshot;

/**
 * {@code bench/metrics}: {@code /metrics} of a gateway whose view holds 10,000 executors (heartbeats at 1 Hz
 * through an {@link ExecutorAgent}) and 1,000 jobs (a coordinator stand-in publishing checkpoint changes), all in
 * this JVM. Measures the snapshot rendering, sequential and concurrent HTTP scrapes, checks that every
 * {@code krishiv_executor_up} series is in every body, and compares with one Micrometer gauge per series.
 *
 * <p>Arguments (all optional): {@code executors=10000 jobs=1000 scrapers=4 seconds=10}.
 */
public final class MetricsBench {
  private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
      + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
  private static final String UP = "\nkrishiv_executor_up{";
  private static final int JOB_CHANGES_PER_SECOND = 100;

  private final int executors;
  private final int jobs;
  private final int scrapers;
  private final Duration phase;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final List<String[]> rows = new ArrayList<>();
  private double renderP50Ms;

  private MetricsBench(Map<String, Integer> args) {
    this.executors = args.getOrDefault("executors", 10_000);
    this.jobs = args.getOrDefault("jobs", 1_000);
    this.scrapers = args.getOrDefault("scrapers", 4);
    this.phase = Duration.ofSeconds(args.getOrDefault("seconds", 10));
  }

  public static void main(String[] argv) throws Exception {
    Map<String, Integer> args = new HashMap<>();
    for (String a : argv) {
      String[] kv = a.split("=", 2);
      args.put(kv[0], Integer.parseInt(kv[1]));
    }
    new MetricsBench(args).run();
    System.exit(0); // whatever a library left running, the benchmark is over
  }

  private void run() throws Exception {
    PrometheusMeterRegistry registry = VertxFactory.newRegistry();
    Vertx vertx = VertxFactory.create(registry);
    BenchCluster cluster = new BenchCluster(vertx, jobs);
    cluster.start(JOB_CHANGES_PER_SECOND).await();
    Gateway gateway = Gateway.start(vertx, GatewayConfig.defaults().with(Map.of("http.port", "0")),
        Gateway.Options.defaults().withRegistry(registry))
        .await();
    Context agentContext = vertx.getOrCreateContext();
    ExecutorAgent agent = ExecutorAgent.onEventBus(vertx, Duration.ofSeconds(1));
    long t0 = System.nanoTime();
    onContext(agentContext, () -> {
      for (int i = 0; i < executors; i++) {
        int index = i;
        agent.register(String.format("exec-%05d", i), () -> cluster.status(index));
      }
      agent.start(vertx);
    });
    while (gateway.view().snapshot().executorCount() < executors || !gateway.view().snapshot().warm()
        || gateway.view().snapshot().jobs().size() < jobs) {
      Thread.sleep(50);
    }
    System.out.printf(Locale.ROOT, "view ready in %.1f s: %d executors, %d jobs; heartbeats at 1 Hz (%d/s), "
        + "%d job changes/s; %d CPUs%n", (System.nanoTime() - t0) / 1e9, executors, jobs, executors,
        JOB_CHANGES_PER_SECOND,
        Runtime.getRuntime().availableProcessors());

    String url = gateway.url() + "/metrics";
    warmUp(url);
    long heartbeats = heartbeats(gateway);
    long start = System.nanoTime();
    RenderedFamilies sample = renderPhase(gateway);
    scrapePhase(url);
    concurrentPhase(url, false);
    concurrentPhase(url, true);
    row("heartbeats received while scraping", String.format(Locale.ROOT, "%.0f/s",
        (heartbeats(gateway) - heartbeats) / ((System.nanoTime() - start) / 1e9)), "of " + executors + "/s sent");
    naivePhase(gateway, sample);
    printTable();

    onContext(agentContext, agent::stop);
    gateway.stop().await();
    vertx.close().await();
  }

  /** The JIT and the caches settle before anything is measured. */
  private void warmUp(String url) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < until) {
      get(url, false);
    }
  }

  /** The snapshot families alone, rendered from the live snapshot (a new one every ~50 ms while heartbeats flow). */
  private RenderedFamilies renderPhase(Gateway gateway) {
    ClusterFamiliesRenderer renderer = new ClusterFamiliesRenderer(MetricsLimits.from(gateway.config()));
    LatencyStats stats = new LatencyStats();
    RenderedFamilies last = null;
    long versions = 0;
    long lastVersion = -1;
    for (int i = 0; i < 200; i++) {
      ViewSnapshot s = gateway.view().snapshot();
      versions += s.version() != lastVersion ? 1 : 0;
      lastVersion = s.version();
      long t = System.nanoTime();
      last = renderer.render(s, ExpositionFormat.OPENMETRICS);
      stats.add(System.nanoTime() - t);
    }
    renderP50Ms = stats.percentileMs(50);
    row("snapshot families: render p50 / p99", ms(stats.percentileMs(50)) + " / " + ms(stats.percentileMs(99)),
        "200 renders, " + versions + " distinct snapshot versions");
    row("snapshot families: series / bytes", last.series() + " / " + kib(last.body().length()), "");
    return last;
  }

  private static long heartbeats(Gateway gateway) {
    return gateway.busStats().receivedByAddress().getOrDefault(BusAddresses.EXECUTOR_HEARTBEAT, 0L);
  }

  /** One scraper at a time: what Prometheus sees per scrape (the registry's scrape included). */
  private void scrapePhase(String url) throws Exception {
    LatencyStats plain = new LatencyStats();
    long bytes = 0;
    for (int i = 0; i < 100; i++) {
      long t = System.nanoTime();
      byte[] body = get(url, false);
      plain.add(System.nanoTime() - t);
      bytes = body.length;
    }
    LatencyStats gzip = new LatencyStats();
    long gzBytes = 0;
    for (int i = 0; i < 100; i++) {
      long t = System.nanoTime();
      byte[] body = get(url, true);
      gzip.add(System.nanoTime() - t);
      gzBytes = body.length;
    }
    row("HTTP scrape, 1 scraper: p50 / p99", ms(plain.percentileMs(50)) + " / " + ms(plain.percentileMs(99)),
        "OpenMetrics, " + kib(bytes) + " per body");
    row("HTTP scrape gzip, 1 scraper: p50 / p99", ms(gzip.percentileMs(50)) + " / " + ms(gzip.percentileMs(99)),
        kib(gzBytes) + " on the wire");
  }

  /** {@code scrapers} threads scraping back to back; every body is checked for every executor's up series. */
  private void concurrentPhase(String url, boolean gzip) throws Exception {
    AtomicLong scrapes = new AtomicLong();
    AtomicLong complete = new AtomicLong();
    LatencyStats stats = new LatencyStats();
    long until = System.nanoTime() + phase.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < scrapers; i++) {
      Thread th = new Thread(() -> {
        while (System.nanoTime() < until) {
          long t = System.nanoTime();
          byte[] body = get(url, gzip);
          stats.add(System.nanoTime() - t);
          scrapes.incrementAndGet();
          if (count(gunzipIf(gzip, body), UP) == executors) {
            complete.incrementAndGet();
          }
        }
      }, "scraper-" + i);
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    double perSecond = scrapes.get() / (phase.toNanos() / 1e9);
    String label = scrapers + " concurrent scrapers" + (gzip ? ", gzip" : "");
    row(label + ": scrapes/s", String.format(Locale.ROOT, "%.1f", perSecond),
        "p50 " + ms(stats.percentileMs(50)) + ", p99 " + ms(stats.percentileMs(99)) + " per scrape");
    row(label + ": bodies with all " + executors + " executor_up", complete.get() + " of " + scrapes.get(), "");
  }

  /** The same executor and job gauges as one Micrometer meter each, scraped with registry.scrape(). */
  private void naivePhase(Gateway gateway, RenderedFamilies ours) {
    NaiveRegistry naive = new NaiveRegistry(gateway.view());
    long t = System.nanoTime();
    int gauges = naive.register();
    double registerMs = (System.nanoTime() - t) / 1e6;
    LatencyStats stats = new LatencyStats();
    int bytes = 0;
    for (int i = 0; i < 30; i++) {
      long s = System.nanoTime();
      bytes = naive.scrape().length();
      stats.add(System.nanoTime() - s);
    }
    row("naive (a gauge per series): scrape p50 / p99", ms(stats.percentileMs(50)) + " / "
        + ms(stats.percentileMs(99)), gauges + " gauges, registered in " + ms(registerMs) + ", " + kib(bytes));
    double naivePerSeries = stats.percentileMs(50) / gauges;
    double oursPerSeries = renderP50Ms / ours.series();
    row("naive / rendered, time per series (p50)", String.format(Locale.ROOT, "%.1fx", naivePerSeries / oursPerSeries),
        String.format(Locale.ROOT, "%.2f vs %.2f us per series; whole scrape %.1fx", naivePerSeries * 1000,
            oursPerSeries * 1000, stats.percentileMs(50) / renderP50Ms));
    naive.close();
  }

  private byte[] get(String url, boolean gzip) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Accept", PROMETHEUS_ACCEPT);
    if (gzip) {
      b.header("Accept-Encoding", "gzip");
    }
    try {
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET " + url + ": " + r.statusCode());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String gunzipIf(boolean gzip, byte[] body) {
    if (!gzip) {
      return new String(body, StandardCharsets.UTF_8);
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int count(String body, String needle) {
    int n = 0;
    for (int i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  /** Runs {@code action} on {@code context} and waits: the agent is not thread-safe, its timer runs there. */
  private static void onContext(Context context, Runnable action) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      action.run();
      done.complete();
    });
    done.future().await();
  }

  private void row(String what, String value, String note) {
    rows.add(new String[] {what, value, note});
    System.out.printf(Locale.ROOT, "  %-58s %-18s %s%n", what, value, note);
  }

  private void printTable() {
    System.out.println();
    System.out.println("| measure | value | note |");
    System.out.println("|---|---|---|");
    for (String[] r : rows) {
      System.out.println("| " + r[0] + " | " + r[1] + " | " + r[2] + " |");
    }
  }

  private static String ms(double v) {
    return String.format(Locale.ROOT, "%.1f ms", v);
  }

  private static String kib(long bytes) {
    return String.format(Locale.ROOT, "%.0f KiB", bytes / 1024.0);
  }
}
