package krishiv.gateway.metrics;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import krishiv.gateway.bus.BusInputStats;
import krishiv.gateway.config.ConfigKeys;
import krishiv.gateway.config.GatewayConfig;
import krishiv.gateway.view.ClusterView;

/**
 * The metrics of one gateway: the Prometheus registry (the one Vert.x writes its own metrics to, or a fresh one
 * with JVM and process metrics only), the snapshot renderer with its cache, and the {@code /metrics} handler.
 */
public final class GatewayMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry;
  private final List<AutoCloseable> owned;
  private final MetricsEndpoint endpoint;

  private GatewayMetrics(PrometheusMeterRegistry registry, List<AutoCloseable> owned, MetricsEndpoint endpoint) {
    this.registry = registry;
    this.owned = owned;
    this.endpoint = endpoint;
  }

  /**
   * Metrics over {@code registry}, which the caller owns: normally the one Vert.x was built with
   * ({@code VertxFactory.create(registry)}), which already has the Vert.x, JVM and process meters. It should have
   * been prepared by {@link RegistrySetup} before any meter was registered.
   */
  public static GatewayMetrics create(Vertx vertx, GatewayConfig config, ClusterView view, BusInputStats bus,
      LongSupplier clock, PrometheusMeterRegistry registry) {
    return create(vertx, config, view, bus, clock, registry, List.of());
  }

  /**
   * Metrics over a registry of their own, for a Vert.x built without the gateway's registry: JVM and process
   * meters are bound here (no Vert.x meters); {@link #close()} releases them.
   */
  public static GatewayMetrics createWithOwnRegistry(Vertx vertx, GatewayConfig config, ClusterView view,
      BusInputStats bus, LongSupplier clock) {
    PrometheusMeterRegistry registry = RegistrySetup.newRegistry();
    List<AutoCloseable> owned = new ArrayList<>();
    JvmGcMetrics gc = new JvmGcMetrics();
    owned.add(gc);
    for (MeterBinder b : List.of(new JvmMemoryMetrics(), gc, new JvmThreadMetrics(), new ClassLoaderMetrics(),
        new ProcessorMetrics(), new UptimeMetrics())) {
      b.bindTo(registry);
    }
    owned.add(registry::close);
    return create(vertx, config, view, bus, clock, registry, owned);
  }

  private static GatewayMetrics create(Vertx vertx, GatewayConfig config, ClusterView view, BusInputStats bus,
      LongSupplier clock, PrometheusMeterRegistry registry, List<AutoCloseable> owned) {
    Objects.requireNonNull(registry, "registry");
    RenderCache cache = new RenderCache(vertx, new ClusterFamiliesRenderer(MetricsLimits.from(config)));
    DroppedSeries dropped = new DroppedSeries();
    ScrapeFamilies scrape = new ScrapeFamilies(bus, dropped, clock, config.duration(ConfigKeys.VIEW_TICK).toMillis(),
        config.duration(ConfigKeys.COORDINATOR_STATUS_WINDOW).toMillis());
    return new GatewayMetrics(registry, owned, new MetricsEndpoint(vertx, view, registry, cache, scrape, dropped));
  }

  /** The {@code getMetrics} operation's handler. */
  public Handler<RoutingContext> handler() {
    return endpoint;
  }

  /** One scrape's body in {@code format}, as the handler would serve it now (for tests). */
  public Future<Buffer> scrape(ExpositionFormat format) {
    return endpoint.body(format).map(parts -> {
      Buffer all = Buffer.buffer();
      parts.forEach(all::appendBuffer);
      return all;
    });
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Releases what this object created (a registry of its own and its binders); a shared registry stays open. */
  @Override
  public void close() {
    for (AutoCloseable c : owned) {
      try {
        c.close();
      } catch (Exception e) {
        // closing meters at shutdown: nothing useful to do with a failure
      }
    }
  }
}
