package krishiv.gateway;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
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
import krishiv.gateway.stream.OpenStreamAuthenticator;
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
 */
public final class Gateway {
  private final Vertx vertx;
  private final GatewayConfig config;
  private final ClusterView view;
  private final BusInputStats busStats;
  private final Readiness readiness;
  private final ApiServerVerticle server;
  private final StreamHub stream;
  private final String viewDeployment;
  private final String serverDeployment;

  private Gateway(Vertx vertx, GatewayConfig config, ClusterView view, BusInputStats busStats, Readiness readiness,
      ApiServerVerticle server, StreamHub stream, String viewDeployment, String serverDeployment) {
    this.vertx = vertx;
    this.config = config;
    this.view = view;
    this.busStats = busStats;
    this.readiness = readiness;
    this.server = server;
    this.stream = stream;
    this.viewDeployment = viewDeployment;
    this.serverDeployment = serverDeployment;
  }

  /** Starts a gateway with the wall clock. */
  public static Future<Gateway> start(Vertx vertx, GatewayConfig config) {
    return start(vertx, config, System::currentTimeMillis);
  }

  /** Starts a gateway without stream authentication (dev-local). */
  public static Future<Gateway> start(Vertx vertx, GatewayConfig config, LongSupplier clock) {
    return start(vertx, config, clock, new OpenStreamAuthenticator());
  }

  /** Starts a gateway whose event stream checks credentials with {@code streamAuth}. */
  public static Future<Gateway> start(Vertx vertx, GatewayConfig config, LongSupplier clock,
      StreamAuthenticator streamAuth) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(config, "config");
    long startMs = clock.getAsLong();
    ClusterView view = new ClusterView(config.integer(ConfigKeys.VIEW_EVENT_BUFFER));
    BusInputStats stats = new BusInputStats();
    Readiness readiness = new Readiness();
    ClusterViewVerticle writer = new ClusterViewVerticle(view, stats, config, clock);
    StreamSettings streamSettings = StreamSettings.from(config);
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
        handlers.put(Operation.STREAM_EVENTS, stream.handler());
        long maxBody = config.bytes(ConfigKeys.HTTP_MAX_BODY);
        long idleMs = config.duration(ConfigKeys.HTTP_IDLE_TIMEOUT).toMillis();
        ApiServerVerticle server = new ApiServerVerticle(config.httpHost(), config.httpPort(),
            v -> ApiRouter.create(v, contract, handlers, maxBody),
            o -> StreamHub.configure(o, streamSettings).setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, idleMs)));
        return vertx.deployVerticle(server).map(serverId ->
            new Gateway(vertx, config, view, stats, readiness, server, stream, viewId, serverId));
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

  /** The live event stream (its stats bind to a metrics registry with {@code stream().stats().bindTo(...)}). */
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
        .eventually(() -> vertx.undeploy(viewDeployment));
  }
}
