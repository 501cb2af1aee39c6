package krishiv.gateway.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import krishiv.gateway.ForegroundRunner;
import krishiv.gateway.Gateway;
import krishiv.gateway.VertxFactory;
import krishiv.gateway.config.ConfigException;
import krishiv.gateway.config.ConfigKey;
import krishiv.gateway.config.ConfigKeys;
import krishiv.gateway.config.ConfigType;
import krishiv.gateway.config.GatewayConfig;
import krishiv.gateway.sim.SimOptions;
import krishiv.gateway.sim.SimulatorVerticle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code krishiv local}: the gateway and a simulated Krishiv cluster in one process — the embedded default, for
 * trying the API, building dashboards and benchmarking. Start order: the simulator's command consumer (so the
 * gateway's first sync is answered at once), then the gateway, then the simulation clock; on SIGTERM or Ctrl-C
 * the simulator stops first, then the gateway.
 */
@Command(name = "local", mixinStandardHelpOptions = true,
    description = "Run the gateway together with a simulated Krishiv cluster (a coordinator and executors), in the"
        + " foreground; or start, probe and stop one in the background.",
    subcommands = {LocalLifecycle.Start.class, LocalLifecycle.Status.class, LocalLifecycle.Stop.class})
public final class LocalCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand
  KrishivCommand root;

  /** Largest bus message in local mode unless configured: a preloaded cluster's full snapshot is several MiB. */
  static final String LOCAL_MAX_MESSAGE = "64MiB";
  /** Missed heartbeats after which the gateway marks an executor lost, as the coordinator (9 x interval). */
  static final int MISSED_HEARTBEATS = 9;

  @Mixin
  ServerOptions server;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--executors", paramLabel = "N", defaultValue = "8",
      description = "Simulated executors (default ${DEFAULT-VALUE}).")
  int executors;

  @Option(names = "--jobs", paramLabel = "M", defaultValue = "6",
      description = "Unfinished jobs the coordinator aims for; with --preload all are running at start"
          + " (default ${DEFAULT-VALUE}).")
  int jobs;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Seed of the simulation: the same seed gives the same cluster (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--time-scale", paramLabel = "X", defaultValue = "1.0",
      description = "Simulated seconds per wall-clock second (default ${DEFAULT-VALUE}).")
  double timeScale;

  @Option(names = "--heartbeat-interval", paramLabel = "DURATION", defaultValue = "1s",
      description = "Heartbeat interval of the simulated executors, wall-clock time at any --time-scale"
          + " (default ${DEFAULT-VALUE}).")
  String heartbeatInterval;

  @Option(names = "--slots", paramLabel = "N", defaultValue = "4",
      description = "Task slots per executor (default ${DEFAULT-VALUE}).")
  int slots;

  @Option(names = "--preload", description = "Start with all --jobs jobs already running on the executors.")
  boolean preload;

  @Option(names = "--freeze", description = "Keep heartbeats flowing but stop job churn (benchmarks).")
  boolean freeze;

  @Override
  public Integer call() {
    SimOptions sim;
    try {
      sim = simOptions();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Map<String, String> env = System.getenv();
    GatewayConfig config = localDefaults(server.resolve(env), sim);
    sim = withOutagesLongerThanTimeout(sim, config);
    PrometheusMeterRegistry registry = VertxFactory.newRegistry();
    Vertx vertx = VertxFactory.create(registry);
    SimulatorVerticle simulator = new SimulatorVerticle(sim);
    Gateway gateway;
    try {
      vertx.deployVerticle(simulator).await();
      gateway = Gateway.start(vertx, config, Gateway.Options.defaults().withEnv(env).withRegistry(registry)).await();
      simulator.startClock().await();
    } catch (ConfigException e) {
      vertx.close();
      throw e; // exit code 2, e.g. a production profile without a token source
    } catch (Exception e) {
      System.err.println("krishiv-gateway: failed to start local mode: " + e.getMessage());
      vertx.close();
      return 1;
    }
    System.out.println("krishiv-gateway local mode: " + gateway.url() + " (" + sim.executors()
        + " simulated executors, seed " + sim.seed() + ")");
    System.out.flush();
    ForegroundRunner.runUntilSignal(vertx, config.duration(ConfigKeys.SHUTDOWN_GRACE),
        v -> simulator.undeploy().eventually(gateway::stop));
    return 0;
  }

  SimOptions simOptions() {
    Duration interval = (Duration) ConfigType.DURATION.parse(heartbeatInterval);
    return SimOptions.defaults().withExecutors(executors).withJobs(jobs).withSeed(seed).withTimeScale(timeScale)
        .withHeartbeatInterval(interval).withSlotsPerExecutor(slots).withPreload(preload).withFreeze(freeze);
  }

  /**
   * Defaults that suit an embedded cluster, applied only to keys nobody configured: the gateway's heartbeat
   * timeout follows the simulated executors' heartbeat interval (9 missed heartbeats), and the bus accepts the
   * large full snapshots of a preloaded cluster.
   */
  static GatewayConfig localDefaults(GatewayConfig config, SimOptions sim) {
    Map<String, String> overrides = new LinkedHashMap<>();
    if (isDefault(config, ConfigKeys.VIEW_HEARTBEAT_TIMEOUT)) {
      long timeoutMs = Math.max(100, MISSED_HEARTBEATS * sim.heartbeatInterval().toMillis());
      overrides.put(ConfigKeys.VIEW_HEARTBEAT_TIMEOUT.name(), timeoutMs + "ms");
    }
    if (isDefault(config, ConfigKeys.BUS_MAX_MESSAGE)) {
      overrides.put(ConfigKeys.BUS_MAX_MESSAGE.name(), LOCAL_MAX_MESSAGE);
    }
    return overrides.isEmpty() ? config : config.with(overrides);
  }

  /** Automatic outages must outlast the gateway's heartbeat timeout, or no executor would ever show as lost. */
  static SimOptions withOutagesLongerThanTimeout(SimOptions sim, GatewayConfig config) {
    long timeoutSimMs = Math.round(config.duration(ConfigKeys.VIEW_HEARTBEAT_TIMEOUT).toMillis() * sim.timeScale());
    long outageMs = sim.tuning().outageDuration().toMillis();
    if (outageMs > timeoutSimMs * 3 / 2) {
      return sim;
    }
    Duration longer = Duration.ofMillis(timeoutSimMs * 3 / 2 + 1);
    return sim.withTuning(sim.tuning().withOutages(longer, sim.tuning().meanTimeBetweenOutages()));
  }

  private static boolean isDefault(GatewayConfig config, ConfigKey key) {
    return "default".equals(config.source(key));
  }
}
