package krishiv.gateway;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.JWTAuthHandler;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import krishiv.gateway.auth.AuthConfig;
import krishiv.gateway.auth.EventStreamAuthenticator;
import krishiv.gateway.auth.GatewayAuth;
import krishiv.gateway.bus.BusInputStats;
import krishiv.gateway.config.ConfigException;
import krishiv.gateway.config.ConfigKeys;
import krishiv.gateway.config.GatewayConfig;
import krishiv.gateway.health.Readiness;
import krishiv.gateway.health.ReadinessCheck;
import krishiv.gateway.http.ApiContract;
import krishiv.gateway.http.ApiRouter;
import krishiv.gateway.http.ApiServerVerticle;
import krishiv.gateway.http.ClusterHandlers;
import krishiv.gateway.http.CommandHandlers;
import krishiv.gateway.bus.CoordinatorClient;
import krishiv.gateway.http.HealthHandlers;
import krishiv.gateway.http.Operation;
import krishiv.gateway.http.ReportHandlers;
import krishiv.gateway.metrics.GatewayMetrics;
import krishiv.gateway.stream.StreamAuthenticator;
import krishiv.gateway.stream.StreamHub;
import krishiv.gateway.stream.StreamSettings;
import krishiv.gateway.stream.StreamStats;
import krishiv.gateway.view.ClusterView;
import krishiv.gateway.view.ClusterViewVerticle;
import krishiv.gateway.view.ViewSnapshot;

/**
 * One running gateway inside a Vert.x instance: the view's writer verticle, then the HTTP server. Readiness
 * follows deployment: the server only answers ready once the view consumes the bus and a coordinator sync
 * has arrived. {@link #stop()} reports not-ready first, closes the event streams, then undeploys.
 *
 * <p>The environment map carries the auth model's variables ({@code KRISHIV_*}, see
 * {@link krishiv.gateway.auth.AuthEnv}); without it the environment is empty, i.e. a dev-local, open gateway
 * unless the configuration names a durable profile.
 */
public final class Gateway {
  private final Vertx vertx;
  private final GatewayConfig config;
  private final ClusterView view;
  private final BusInputStats busStats;
  private final Readiness readiness;
  private final ApiServerVerticle server;
  private final GatewayAuth auth;
  private final GatewayMetrics metrics;
  private final StreamHub stream;
  private final String viewDeployment;
  private final String serverDeployment;

  private Gateway(Vertx vertx, GatewayConfig config, ClusterView view, BusInputStats busStats, Readiness readiness,
      ApiServerVerticle server, GatewayAuth auth, GatewayMetrics metrics, StreamHub stream, String viewDeployment,
      String serverDeployment) {
    this.vertx = vertx;
    this.config = config;
    this.view = view;
    this.busStats = busStats;
    this.readiness = readiness;
    this.server = server;
    this.auth = auth;
    this.metrics = metrics;
    this.stream = stream;
    this.viewDeployment = viewDeployment;
    this.serverDeployment = serverDeployment;
  }

  /** Starts a gateway with the wall clock, an empty environment (dev-local, open) and its own registry. */
  public static Future<Gateway> start(Vertx vertx, GatewayConfig config) {
    return start(vertx, config, Options.defaults());
  }

  /** Starts a gateway whose auth model reads {@code env}, the environment the configuration was loaded from. */
  public static Future<Gateway> start(Vertx vertx, GatewayConfig config, Map<String, String> env) {
    return start(vertx, config, Options.defaults().withEnv(env));
  }

  /**
   * How a gateway starts beyond its configuration: the environment its auth model reads (tokens, keys), the
   * clock, the Prometheus registry its Vert.x was built with (null: a registry of its own, which has the JVM and
   * process meters but no Vert.x ones), and the event stream's authenticator (null: the auth model's own,
   * which is what production uses; tests pass their own).
   */
  public record Options(Map<String, String> env, LongSupplier clock, PrometheusMeterRegistry registry,
      StreamAuthenticator streamAuth) {
    public Options {
      env = Map.copyOf(env);
      Objects.requireNonNull(clock, "clock");
    }

    public static Options defaults() {
      return new Options(Map.of(), System::currentTimeMillis, null, null);
    }

    public Options withEnv(Map<String, String> newEnv) {
      return new Options(newEnv, clock, registry, streamAuth);
    }

    public Options withClock(LongSupplier newClock) {
      return new Options(env, newClock, registry, streamAuth);
    }

    public Options withRegistry(PrometheusMeterRegistry newRegistry) {
      return new Options(env, clock, newRegistry, streamAuth);
    }

    public Options withStreamAuth(StreamAuthenticator newStreamAuth) {
      return new Options(env, clock, registry, newStreamAuth);
    }

    GatewayMetrics metricsFor(Vertx vertx, GatewayConfig config, ClusterView view, BusInputStats stats) {
      return registry == null ? GatewayMetrics.createWithOwnRegistry(vertx, config, view, stats, clock)
          : GatewayMetrics.create(vertx, config, view, stats, clock, registry);
    }
  }

  /**
   * @return fails with a {@link ConfigException} if the auth model is misconfigured (e.g. credentials required
   *     but no token source), which the command line turns into exit code 2
   */
  public static Future<Gateway> start(Vertx vertx, GatewayConfig config, Options options) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(config, "config");
    Map<String, String> env = options.env();
    LongSupplier clock = options.clock();
    AuthConfig authConfig;
    try {
      authConfig = AuthConfig.from(env, config);
    } catch (ConfigException e) {
      return Future.failedFuture(e);
    }
    long startMs = clock.getAsLong();
    ClusterView view = new ClusterView(config.integer(ConfigKeys.VIEW_EVENT_BUFFER));
    BusInputStats stats = new BusInputStats();
    Readiness readiness = new Readiness();
    ClusterViewVerticle writer = new ClusterViewVerticle(view, stats, config, clock);
    StreamSettings streamSettings = StreamSettings.from(config);
    return GatewayAuth.start(vertx, authConfig).compose(auth -> {
      StreamAuthenticator streamAuth = options.streamAuth() != null ? options.streamAuth()
          : new EventStreamAuthenticator(auth.authenticator());
      // Subscribed before the writer starts, so the stream sees every event of this epoch.
      StreamHub stream = StreamHub.create(vertx, view, streamSettings, streamAuth, new StreamStats(), clock);
      return vertx.deployVerticle(writer).compose(viewId -> {
        addChecks(readiness, view, config, clock);
        return ApiContract.load(vertx).compose(contract -> {
          long tickMs = Math.max(1, config.duration(ConfigKeys.VIEW_TICK).toMillis());
          HealthHandlers health = new HealthHandlers(readiness);
          ClusterHandlers cluster = new ClusterHandlers(view, clock, tickMs, startMs);
          Map<Operation, Handler<RoutingContext>> handlers = new EnumMap<>(Operation.class);
          handlers.put(Operation.GET_HEALTH, health::health);
          handlers.put(Operation.GET_READINESS, health::readiness);
          handlers.put(Operation.GET_OPENAPI, ctx -> ctx.response().putHeader("Content-Type", "application/json")
              .end(contract.json()));
          handlers.put(Operation.LIST_JOBS, cluster::listJobs);
          handlers.put(Operation.GET_JOB, cluster::getJob);
          handlers.put(Operation.LIST_EXECUTORS, cluster::listExecutors);
          handlers.put(Operation.GET_EXECUTOR, cluster::getExecutor);
          handlers.put(Operation.GET_READINESS_CHECK, health::readinessCheck);
          handlers.put(Operation.GET_JOB_CHECKPOINTS, cluster::checkpoints);
          handlers.put(Operation.LIST_QUEUES, cluster::listQueues);
          handlers.put(Operation.LIST_HISTORY, cluster::listHistory);
          handlers.put(Operation.GET_HISTORY_RECORD, cluster::getHistoryRecord);
          CommandHandlers commands = new CommandHandlers(view, new CoordinatorClient(vertx,
              config.duration(ConfigKeys.COORDINATOR_COMMAND_TIMEOUT)));
          handlers.put(Operation.TRIGGER_SAVEPOINT, commands::savepoint);
          handlers.put(Operation.CANCEL_JOB, commands::cancel);
          handlers.put(Operation.INSPECT_OPERATOR_STATE, commands::inspectState);
          handlers.put(Operation.GET_CLUSTER_STATUS,
              ctx -> cluster.clusterStatus(ctx, Readiness.ready(readiness.evaluate(java.util.Set.of()))));
          ReportHandlers reports = new ReportHandlers(vertx, view, clock, tickMs);
          handlers.put(Operation.DIAGNOSE_JOB, reports::diagnose);
          handlers.put(Operation.GET_CLUSTER_REPORT, reports::clusterReport);
          handlers.put(Operation.GET_SYSTEM_METRICS, reports::systemMetrics);
          GatewayMetrics metrics = options.metricsFor(vertx, config, view, stats);
          stream.stats().bindTo(metrics.registry());
          handlers.put(Operation.GET_METRICS, metrics.handler());
          handlers.put(Operation.STREAM_EVENTS, stream.handler());
          long maxBody = config.bytes(ConfigKeys.HTTP_MAX_BODY);
          long idleMs = config.duration(ConfigKeys.HTTP_IDLE_TIMEOUT).toMillis();
          JWTAuthHandler bearer = auth.bearerHandler(contract.contract(), Operation.selfAuthenticated());
          ApiServerVerticle server = new ApiServerVerticle(config.httpHost(), config.httpPort(),
              v -> ApiRouter.create(v, contract, handlers, maxBody, auth.pathGuard(), bearer),
              o -> StreamHub.configure(o, streamSettings).setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                  .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, idleMs)));
          return vertx.deployVerticle(server).map(serverId ->
              new Gateway(vertx, config, view, stats, readiness, server, auth, metrics, stream, viewId, serverId))
              .onFailure(err -> metrics.close());
        }).recover(err -> vertx.undeploy(viewId).transform(ignored -> Future.failedFuture(err)));
      }).recover(err -> auth.stop().transform(ignored -> Future.failedFuture(err)));
    });
  }

  private static void addChecks(Readiness readiness, ClusterView view, GatewayConfig config, LongSupplier clock) {
    // The view verticle is deployed (its consumers registered) before this runs.
    readiness.add(new ReadinessCheck("eventbus", true, () -> ReadinessCheck.Result.ok("consuming bus input")));
    readiness.add(new ReadinessCheck("view", true, () -> {
      ViewSnapshot s = view.snapshot();
      return s.warm() ? ReadinessCheck.Result.ok("synced with the coordinator")
          : ReadinessCheck.Result.failing("waiting for a coordinator sync");
    }));
    long window = config.duration(ConfigKeys.COORDINATOR_STATUS_WINDOW).toMillis();
    readiness.add(new ReadinessCheck("coordinator", config.bool(ConfigKeys.READINESS_COORDINATOR_GATING), () -> {
      var c = view.snapshot().coordinator();
      if (c == null) {
        return ReadinessCheck.Result.failing("no coordinator status heard");
      }
      long age = clock.getAsLong() - c.lastSeenMs();
      boolean ok = age <= window;
      return new ReadinessCheck.Result(ok, "coordinator " + c.status().coordinatorId() + " is "
          + c.status().state() + (ok ? "" : ", silent for " + age + " ms"), age);
    }));
    int quorum = config.integer(ConfigKeys.READINESS_EXECUTORS_QUORUM);
    readiness.add(new ReadinessCheck("executors", config.bool(ConfigKeys.READINESS_EXECUTORS_GATING), () -> {
      ViewSnapshot s = view.snapshot();
      int known = s.executorCount();
      int healthy = s.executorCountsByState().getOrDefault("healthy", 0);
      boolean ok = known > 0 && healthy * 100L >= (long) quorum * known;
      return new ReadinessCheck.Result(ok, healthy + " of " + known + " executors healthy (quorum " + quorum + "%)",
          null);
    }));
  }

  public Vertx vertx() {
    return vertx;
  }

  public GatewayConfig config() {
    return config;
  }

  public ClusterView view() {
    return view;
  }

  public BusInputStats busStats() {
    return busStats;
  }

  public Readiness readiness() {
    return readiness;
  }

  /** The auth model: e.g. its authenticator for entry points outside the router. */
  public GatewayAuth auth() {
    return auth;
  }

  public GatewayMetrics metrics() {
    return metrics;
  }

  /** The live event stream. */
  public StreamHub stream() {
    return stream;
  }

  /** The HTTP port actually bound. */
  public int port() {
    return server.actualPort();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
  public String url() {
    String host = config.httpHost();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
  }

  /**
   * Reports not ready, waits the configured drain delay, closes the event streams (1001 with each subscriber's
   * cursor, bounded by {@code stream.slow-close-grace}), then closes the HTTP server and the view.
   */
  public Future<Void> stop() {
    readiness.drain();
    long delay = config.duration(ConfigKeys.SHUTDOWN_DRAIN_DELAY).toMillis();
    Future<Void> drained = delay <= 0 ? Future.succeededFuture()
        : Future.future(p -> vertx.setTimer(delay, id -> p.complete()));
    return drained.compose(v -> stream.shutdown()).compose(v -> vertx.undeploy(serverDeployment))
        .eventually(auth::stop)
        .eventually(() -> vertx.undeploy(viewDeployment))
        .eventually(() -> {
          metrics.close();
          return Future.succeededFuture();
        });
  }
}
