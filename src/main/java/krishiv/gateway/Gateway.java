package krishiv.gateway;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import krishiv.gateway.bus.BusInputStats;
import krishiv.gateway.config.ConfigKeys;
import krishiv.gateway.config.GatewayConfig;
import krishiv.gateway.health.Readiness;
import krishiv.gateway.health.ReadinessCheck;
import krishiv.gateway.http.ApiContract;
import krishiv.gateway.http.ApiRouter;
import krishiv.gateway.http.ApiServerVerticle;
import krishiv.gateway.http.ClusterHandlers;
import krishiv.gateway.http.HealthHandlers;
import krishiv.gateway.http.Operation;
import krishiv.gateway.metrics.GatewayMetrics;
import krishiv.gateway.view.ClusterView;
import krishiv.gateway.view.ClusterViewVerticle;
import krishiv.gateway.view.ViewSnapshot;

/**
 * One running gateway inside a Vert.x instance: the view's writer verticle, then the HTTP server. Readiness
 * follows deployment: the server only answers ready once the view consumes the bus and a coordinator sync
 * has arrived. {@link #stop()} reports not-ready first, then undeploys.
 */
public final class Gateway {
  private final Vertx vertx;
  private final GatewayConfig config;
  private final ClusterView view;
  private final BusInputStats busStats;
  private final Readiness readiness;
  private final ApiServerVerticle server;
  private final GatewayMetrics metrics;
  private final String viewDeployment;
  private final String serverDeployment;

  private Gateway(Vertx vertx, GatewayConfig config, ClusterView view, BusInputStats busStats, Readiness readiness,
      ApiServerVerticle server, GatewayMetrics metrics, String viewDeployment, String serverDeployment) {
    this.vertx = vertx;
    this.config = config;
    this.view = view;
    this.busStats = busStats;
    this.readiness = readiness;
    this.server = server;
    this.metrics = metrics;
    this.viewDeployment = viewDeployment;
    this.serverDeployment = serverDeployment;
  }

  /** Starts a gateway with the wall clock; {@code /metrics} has JVM and process meters but no Vert.x ones. */
  public static Future<Gateway> start(Vertx vertx, GatewayConfig config) {
    return start(vertx, config, System::currentTimeMillis);
  }

  /**
   * Starts a gateway with the wall clock whose {@code /metrics} serves {@code registry}: the registry Vert.x was
   * built with ({@link VertxFactory#create}), so the scrape carries the Vert.x, JVM and process meters.
   */
  public static Future<Gateway> start(Vertx vertx, GatewayConfig config, PrometheusMeterRegistry registry) {
    return start(vertx, config, System::currentTimeMillis, registry);
  }

  public static Future<Gateway> start(Vertx vertx, GatewayConfig config, LongSupplier clock) {
    return start(vertx, config, clock, (v, view, stats) -> GatewayMetrics.createWithOwnRegistry(v, config, view,
        stats, clock));
  }

  /** Starts a gateway on {@code clock} whose {@code /metrics} serves {@code registry} (see above). */
  public static Future<Gateway> start(Vertx vertx, GatewayConfig config, LongSupplier clock,
      PrometheusMeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    return start(vertx, config, clock, (v, view, stats) -> GatewayMetrics.create(v, config, view, stats, clock,
        registry));
  }

  /** How a start builds its metrics once the view exists. */
  private interface MetricsFactory {
    GatewayMetrics create(Vertx vertx, ClusterView view, BusInputStats stats);
  }

  private static Future<Gateway> start(Vertx vertx, GatewayConfig config, LongSupplier clock,
      MetricsFactory metricsFactory) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(config, "config");
    long startMs = clock.getAsLong();
    ClusterView view = new ClusterView(config.integer(ConfigKeys.VIEW_EVENT_BUFFER));
    BusInputStats stats = new BusInputStats();
    Readiness readiness = new Readiness();
    ClusterViewVerticle writer = new ClusterViewVerticle(view, stats, config, clock);
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
        GatewayMetrics metrics = metricsFactory.create(vertx, view, stats);
        handlers.put(Operation.GET_METRICS, metrics.handler());
        long maxBody = config.bytes(ConfigKeys.HTTP_MAX_BODY);
        ApiServerVerticle server = new ApiServerVerticle(config.httpHost(), config.httpPort(),
            v -> ApiRouter.create(v, contract, handlers, maxBody));
        return vertx.deployVerticle(server).map(serverId ->
            new Gateway(vertx, config, view, stats, readiness, server, metrics, viewId, serverId))
            .onFailure(err -> metrics.close());
      }).recover(err -> vertx.undeploy(viewId).transform(ignored -> Future.failedFuture(err)));
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
    readiness.add(new ReadinessCheck("coordinator", false, () -> {
      var c = view.snapshot().coordinator();
      if (c == null) {
        return ReadinessCheck.Result.failing("no coordinator status heard");
      }
      long age = clock.getAsLong() - c.lastSeenMs();
      boolean ok = age <= window;
      return new ReadinessCheck.Result(ok, "coordinator " + c.status().coordinatorId() + " is "
          + c.status().state() + (ok ? "" : ", silent for " + age + " ms"), age);
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

  public GatewayMetrics metrics() {
    return metrics;
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

  /** Reports not ready, waits the configured drain delay, then closes the HTTP server and the view. */
  public Future<Void> stop() {
    readiness.drain();
    long delay = config.duration(ConfigKeys.SHUTDOWN_DRAIN_DELAY).toMillis();
    Future<Void> drained = delay <= 0 ? Future.succeededFuture()
        : Future.future(p -> vertx.setTimer(delay, id -> p.complete()));
    return drained.compose(v -> vertx.undeploy(serverDeployment))
        .eventually(() -> vertx.undeploy(viewDeployment))
        .eventually(() -> {
          metrics.close();
          return Future.succeededFuture();
        });
  }
}
