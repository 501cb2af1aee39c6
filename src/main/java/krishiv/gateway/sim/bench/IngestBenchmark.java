package krishiv.gateway.sim.bench;

import com.sun.management.OperatingSystemMXBean;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.time.Duration;
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
 * Heartbeat ingest benchmark, run by {@code bench/ingest}. In one process, one phase after the other, each in a
 * fresh Vert.x instance (with metrics, as in production):
 *
 * <ol>
 *   <li>(a) heartbeats per second applied by the gateway's view ({@code Gateway.start} with a real config), fed
 *       by 10,000 executors publishing as fast as the view takes them;
 *   <li>(b) the same feed into a bare event-bus consumer that only counts — the ceiling of the bus itself;
 *   <li>(c) the process CPU share of a gateway plus a simulated cluster of 10,000 executors heartbeating at
 *       1 Hz and 1,000 preloaded, frozen jobs (so the periodic full snapshots are part of the load), at steady
 *       state.
 * </ol>
 *
 * Each rate is counted over a fixed window after a warm-up. Prints a markdown table. Options:
 * {@code --executors N} (10000), {@code --jobs M} (1000), {@code --warmup 3s}, {@code --window 10s}.
 */
public final class IngestBenchmark {
  /** Heartbeats published but not yet counted, at most: bounds the bus queue. */
  private static final long MAX_IN_FLIGHT = 20_000;

  private record Settings(int executors, int jobs, Duration warmup, Duration window) {
    static Settings parse(String[] args) {
      int executors = 10_000;
      int jobs = 1_000;
      Duration warmup = Duration.ofSeconds(3);
      Duration window = Duration.ofSeconds(10);
      for (int i = 0; i + 1 < args.length; i += 2) {
        switch (args[i]) {
          case "--executors": executors = Integer.parseInt(args[i + 1]); break;
          case "--jobs": jobs = Integer.parseInt(args[i + 1]); break;
          case "--warmup": warmup = (Duration) ConfigType.DURATION.parse(args[i + 1]); break;
          case "--window": window = (Duration) ConfigType.DURATION.parse(args[i + 1]); break;
          default: throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      return new Settings(executors, jobs, warmup, window);
    }
  }

  /** A counted rate and the process CPU used while counting. */
  private record Sample(double perSecond, double cpuShare) {}

  /** The bare consumer of phase (b): counts and does nothing else. */
  private static final class CountingVerticle extends VerticleBase {
    final LongAdder count = new LongAdder();

    @Override
    public Future<?> start() {
      return vertx.eventBus().consumer(BusAddresses.EXECUTOR_HEARTBEAT, m -> count.increment()).completion();
    }
  }

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    Settings s = Settings.parse(args);
    Sample gateway = gatewayIngest(s);
    Sample bare = bareIngest(s);
    Sample steady = steadyStateAt1Hz(s);
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.println();
    System.out.printf(Locale.ROOT, "Heartbeat ingest, %,d executors, %d s warm-up, %d s window, %d cores, Java %s%n%n",
        s.executors(), s.warmup().toSeconds(), s.window().toSeconds(), cores, System.getProperty("java.version"));
    System.out.println("| measurement | result |");
    System.out.println("|---|---|");
    System.out.printf(Locale.ROOT, "| (a) heartbeats applied by the gateway's view | %,.0f /s (CPU %.0f%% of %d cores) |%n",
        gateway.perSecond(), 100 * gateway.cpuShare(), cores);
    System.out.printf(Locale.ROOT, "| (b) heartbeats taken by a bare event-bus consumer | %,.0f /s (CPU %.0f%% of %d cores) |%n",
        bare.perSecond(), 100 * bare.cpuShare(), cores);
    System.out.printf(Locale.ROOT, "| ratio (a) / (b) | %.2f |%n", gateway.perSecond() / bare.perSecond());
    System.out.printf(Locale.ROOT, "| (c) process CPU, gateway + %,d executors at 1 Hz + %,d frozen jobs | %.1f%% of %d cores"
        + " (%.1f%% of one core) |%n", s.executors(), s.jobs(), 100 * steady.cpuShare(), cores,
        100 * steady.cpuShare() * cores);
    System.out.printf(Locale.ROOT, "| (c) heartbeats applied meanwhile | %,.0f /s |%n", steady.perSecond());
  }

  /** (a) The gateway's view as the consumer. */
  private static Sample gatewayIngest(Settings s) throws Exception {
    Vertx vertx = VertxFactory.create(VertxFactory.newRegistry());
    try {
      Gateway gateway = Gateway.start(vertx, benchConfig(s)).await();
      LongSupplier applied = () -> heartbeatsReceived(gateway);
      HeartbeatFeeder feeder = new HeartbeatFeeder(vertx, s.executors(), applied, MAX_IN_FLIGHT).start();
      try {
        Sample sample = count(s, applied);
        long dropped = gateway.busStats().rejectedTotal() + gateway.busStats().staleTotal();
        if (dropped > 0) {
          System.err.println("warning: " + dropped + " heartbeats were rejected or stale; (a) counts them too");
        }
        return sample;
      } finally {
        feeder.stop();
        gateway.stop().await();
      }
    } finally {
      vertx.close().await();
    }
  }

  /** (b) A consumer that only counts, fed the same way. */
  private static Sample bareIngest(Settings s) throws Exception {
    Vertx vertx = VertxFactory.create(VertxFactory.newRegistry());
    try {
      CountingVerticle counter = new CountingVerticle();
      vertx.deployVerticle(counter).await();
      LongSupplier counted = counter.count::sum;
      HeartbeatFeeder feeder = new HeartbeatFeeder(vertx, s.executors(), counted, MAX_IN_FLIGHT).start();
      try {
        return count(s, counted);
      } finally {
        feeder.stop();
      }
    } finally {
      vertx.close().await();
    }
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
        return count(new Settings(s.executors(), s.jobs(), s.warmup().plusSeconds(2), s.window()),
            () -> heartbeatsReceived(gateway));
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

  /** Waits the warm-up, then counts over the window; also measures process CPU over the window. */
  private static Sample count(Settings s, LongSupplier counter) throws InterruptedException {
    Thread.sleep(s.warmup().toMillis()); // a plain main thread: nothing else to do meanwhile
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long c0 = counter.getAsLong();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    Thread.sleep(s.window().toMillis());
    long c1 = counter.getAsLong();
    long cpu1 = os.getProcessCpuTime();
    long t1 = System.nanoTime();
    double seconds = (t1 - t0) / 1e9;
    double share = (cpu1 - cpu0) / ((double) (t1 - t0) * Runtime.getRuntime().availableProcessors());
    return new Sample((c1 - c0) / seconds, share);
  }
}
