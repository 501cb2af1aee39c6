package krishiv.gateway.sim.bench;

import com.sun.management.OperatingSystemMXBean;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import krishiv.gateway.Gateway;
import krishiv.gateway.VertxFactory;
import krishiv.gateway.bus.BusAddresses;
import krishiv.gateway.config.ConfigType;
import krishiv.gateway.config.GatewayConfig;
import krishiv.gateway.sim.SimOptions;
import krishiv.gateway.sim.SimulatorVerticle;

/**
 * Heartbeat ingest benchmark, run by {@code bench/ingest}. In one process, each consumer in its own Vert.x
 * instance (with metrics, as in production):
 *
 * <ol>
 *   <li>(a) heartbeats per second applied by the gateway's view ({@code Gateway.start} with a real config), fed
 *       by 10,000 executors publishing as fast as the view takes them;
 *   <li>(b) the same feed into a bare event-bus consumer that only counts — the ceiling of the bus and feeder;
 *   <li>(c) the process CPU share of a gateway plus a simulated cluster of 10,000 executors heartbeating at
 *       1 Hz and 1,000 preloaded, frozen jobs (so the periodic full snapshots are part of the load), at steady
 *       state.
 * </ol>
 *
 * (a) and (b) are measured in alternating windows (a, b, a, b, ...) after one warm-up each, so both see the same
 * load of a shared machine; the table gives the median and the range. Options: {@code --executors N} (10000),
 * {@code --jobs M} (1000), {@code --warmup 3s}, {@code --window 5s}, {@code --rounds 3}.
 */
public final class IngestBenchmark {
  /** Heartbeats published but not yet counted, at most: bounds the bus queue. */
  private static final long MAX_IN_FLIGHT = 20_000;

  private record Settings(int executors, int jobs, Duration warmup, Duration window, int rounds) {
    static Settings parse(String[] args) {
      int executors = 10_000;
      int jobs = 1_000;
      Duration warmup = Duration.ofSeconds(3);
      Duration window = Duration.ofSeconds(5);
      int rounds = 3;
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option " + args[i] + " needs a value");
        }
        switch (args[i]) {
          case "--executors": executors = Integer.parseInt(args[i + 1]); break;
          case "--jobs": jobs = Integer.parseInt(args[i + 1]); break;
          case "--warmup": warmup = (Duration) ConfigType.DURATION.parse(args[i + 1]); break;
          case "--window": window = (Duration) ConfigType.DURATION.parse(args[i + 1]); break;
          case "--rounds": rounds = Integer.parseInt(args[i + 1]); break;
          default: throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      return new Settings(executors, jobs, warmup, window, rounds);
    }
  }

  /**
   * A counted rate, the share of the machine's CPU the process used meanwhile, and the CPU time per message
   * outside the feeding thread (the consumer, the bus, GC): a cost that, unlike the rate, hardly depends on how
   * much CPU other processes leave to this one.
   */
  private record Sample(double perSecond, double cpuShare, double consumerNanosPerMessage) {}

  /** The bare consumer of (b): counts and does nothing else. */
  private static final class CountingVerticle extends VerticleBase {
    final LongAdder count = new LongAdder();

    @Override
    public Future<?> start() {
      return vertx.eventBus().consumer(BusAddresses.EXECUTOR_HEARTBEAT, m -> count.increment()).completion();
    }
  }

  /** One consumer under test, its Vert.x instance and its feeder. */
  private static final class IngestTarget {
    private final Vertx vertx;
    private final Gateway gateway;
    private final LongSupplier counted;
    private final HeartbeatFeeder feeder;

    private IngestTarget(Vertx vertx, Gateway gateway, LongSupplier counted, int executors) {
      this.vertx = vertx;
      this.gateway = gateway;
      this.counted = counted;
      this.feeder = new HeartbeatFeeder(vertx, executors, counted, MAX_IN_FLIGHT).start();
    }

    static IngestTarget gateway(Settings s) {
      Vertx vertx = VertxFactory.create(VertxFactory.newRegistry());
      Gateway gateway = Gateway.start(vertx, benchConfig(s)).await();
      return new IngestTarget(vertx, gateway, () -> heartbeatsReceived(gateway), s.executors());
    }

    static IngestTarget bare(Settings s) {
      Vertx vertx = VertxFactory.create(VertxFactory.newRegistry());
      CountingVerticle counter = new CountingVerticle();
      vertx.deployVerticle(counter).await();
      return new IngestTarget(vertx, null, counter.count::sum, s.executors());
    }

    /** Feeds for {@code window} and counts; then lets the consumer drain what is still queued. */
    Sample measure(Duration window) throws InterruptedException {
      feeder.feed(true);
      Sample sample = count(window, counted, feeder::cpuTimeNanos);
      feeder.feed(false);
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (counted.getAsLong() < feeder.published() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      return sample;
    }

    long dropped() {
      return gateway == null ? 0 : gateway.busStats().rejectedTotal() + gateway.busStats().staleTotal();
    }

    void close() throws InterruptedException {
      feeder.stop();
      if (gateway != null) {
        gateway.stop().await();
      }
      vertx.close().await();
    }
  }

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    Settings s = Settings.parse(args);
    Sample[] viewRounds = new Sample[s.rounds()];
    Sample[] bareRounds = new Sample[s.rounds()];
    IngestTarget view = IngestTarget.gateway(s);
    IngestTarget bare = IngestTarget.bare(s);
    try {
      view.measure(s.warmup());
      bare.measure(s.warmup());
      for (int r = 0; r < s.rounds(); r++) {
        viewRounds[r] = view.measure(s.window());
        bareRounds[r] = bare.measure(s.window());
      }
      if (view.dropped() > 0) {
        System.err.println("warning: " + view.dropped() + " heartbeats were rejected or stale; (a) counts them too");
      }
    } finally {
      view.close();
      bare.close();
    }
    Sample steady = steadyStateAt1Hz(s);
    printTable(s, viewRounds, bareRounds, steady);
  }

  private static void printTable(Settings s, Sample[] view, Sample[] bare, Sample steady) {
    int cores = Runtime.getRuntime().availableProcessors();
    double[] ratios = new double[view.length];
    for (int i = 0; i < view.length; i++) {
      ratios[i] = view[i].perSecond() / bare[i].perSecond();
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "Heartbeat ingest: %,d executors; (a)/(b) in %d alternating %d s windows after a %d s"
        + " warm-up; %d cores; Java %s%n%n", s.executors(), s.rounds(), s.window().toSeconds(), s.warmup().toSeconds(),
        cores, System.getProperty("java.version"));
    System.out.println("| measurement | median | range |");
    System.out.println("|---|---|---|");
    System.out.printf(Locale.ROOT, "| (a) heartbeats applied by the gateway's view | %,.0f /s | %s /s, CPU %s |%n",
        median(rates(view)), range(rates(view), "%,.0f"), range(shares(view), "%.0f%%"));
    System.out.printf(Locale.ROOT, "| (b) heartbeats taken by a bare event-bus consumer | %,.0f /s | %s /s, CPU %s |%n",
        median(rates(bare)), range(rates(bare), "%,.0f"), range(shares(bare), "%.0f%%"));
    System.out.printf(Locale.ROOT, "| ratio (a) / (b), per round | %.2f | %s |%n", median(ratios), range(ratios, "%.2f"));
    System.out.printf(Locale.ROOT, "| (a) CPU per heartbeat outside the feeder (view, bus, GC) | %.1f µs | %s µs |%n",
        median(consumerMicros(view)), range(consumerMicros(view), "%.1f"));
    System.out.printf(Locale.ROOT, "| (b) CPU per heartbeat outside the feeder (bare consumer, bus, GC) | %.1f µs | %s µs |%n",
        median(consumerMicros(bare)), range(consumerMicros(bare), "%.1f"));
    System.out.printf(Locale.ROOT, "| (c) process CPU, gateway + %,d executors at 1 Hz + %,d frozen jobs | %.1f%% of %d"
        + " cores (%.1f%% of one core) | one %d s window |%n", s.executors(), s.jobs(), 100 * steady.cpuShare(), cores,
        100 * steady.cpuShare() * cores, s.window().toSeconds() * 2);
    System.out.printf(Locale.ROOT, "| (c) heartbeats applied meanwhile | %,.0f /s | |%n", steady.perSecond());
    System.out.println();
    System.out.println("CPU shares are of the whole machine (" + cores + " cores). One feeder thread builds the"
        + " heartbeats: when a consumer is faster than it, that consumer's rate is the feeder's, so compare the"
        + " per-heartbeat CPU as well.");
  }

  /** (c) A gateway and the simulated cluster at 1 Hz, frozen, as local mode runs them. */
  private static Sample steadyStateAt1Hz(Settings s) throws Exception {
    Vertx vertx = VertxFactory.create(VertxFactory.newRegistry());
    try {
      SimulatorVerticle sim = new SimulatorVerticle(SimOptions.defaults().withExecutors(s.executors())
          .withJobs(s.jobs()).withPreload(true).withFreeze(true).withHeartbeatInterval(Duration.ofSeconds(1)));
      vertx.deployVerticle(sim).await();
      Gateway gateway = Gateway.start(vertx, benchConfig(s)).await();
      sim.startClock().await();
      try {
        // The first seconds carry the preloaded sync and the first heartbeat burst: warm up past them.
        Thread.sleep(s.warmup().plusSeconds(2).toMillis());
        return count(s.window().multipliedBy(2), () -> heartbeatsReceived(gateway), () -> 0L);
      } finally {
        sim.undeploy().await();
        gateway.stop().await();
      }
    } finally {
      vertx.close().await();
    }
  }

  private static GatewayConfig benchConfig(Settings s) {
    return GatewayConfig.defaults().with(Map.of("http.port", "0", "view.heartbeat-timeout", "10m",
        "view.max-executors", String.valueOf(Math.max(20_000, s.executors() * 2)), "bus.max-message-bytes", "64MiB"));
  }

  private static long heartbeatsReceived(Gateway gateway) {
    return gateway.busStats().receivedByAddress().getOrDefault(BusAddresses.EXECUTOR_HEARTBEAT, 0L);
  }

  /**
   * Counts over {@code window} on this plain thread and measures the process CPU meanwhile, and how much of it
   * the feeding thread ({@code feederCpu}) did not use.
   */
  private static Sample count(Duration window, LongSupplier counter, LongSupplier feederCpu)
      throws InterruptedException {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long c0 = counter.getAsLong();
    long cpu0 = os.getProcessCpuTime();
    long feeder0 = feederCpu.getAsLong();
    long t0 = System.nanoTime();
    Thread.sleep(window.toMillis());
    long c1 = counter.getAsLong();
    long cpu1 = os.getProcessCpuTime();
    long feeder1 = feederCpu.getAsLong();
    long t1 = System.nanoTime();
    double share = (cpu1 - cpu0) / ((double) (t1 - t0) * Runtime.getRuntime().availableProcessors());
    double consumerNanos = (double) ((cpu1 - cpu0) - (feeder1 - feeder0)) / Math.max(1, c1 - c0);
    return new Sample((c1 - c0) / ((t1 - t0) / 1e9), share, consumerNanos);
  }

  private static double[] rates(Sample[] samples) {
    return Arrays.stream(samples).mapToDouble(Sample::perSecond).toArray();
  }

  private static double[] consumerMicros(Sample[] samples) {
    return Arrays.stream(samples).mapToDouble(x -> x.consumerNanosPerMessage() / 1000).toArray();
  }

  private static double[] shares(Sample[] samples) {
    return Arrays.stream(samples).mapToDouble(x -> 100 * x.cpuShare()).toArray();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String range(double[] values, String format) {
    double min = Arrays.stream(values).min().orElse(0);
    double max = Arrays.stream(values).max().orElse(0);
    return String.format(Locale.ROOT, format, min) + "–" + String.format(Locale.ROOT, format, max);
  }
}
