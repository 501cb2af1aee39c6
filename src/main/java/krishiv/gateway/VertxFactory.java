package krishiv.gateway;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import krishiv.gateway.metrics.RegistrySetup;
import krishiv.gateway.metrics.SelfScrapeExclusion;

/** Creates the process's Vert.x instance with Micrometer metrics into one Prometheus registry. */
public final class VertxFactory {
  private static final AtomicInteger REGISTRIES = new AtomicInteger();

  private VertxFactory() {}

  /**
   * A Vert.x instance whose own metrics go to {@code registry} (from {@link #newRegistry()}, whose filters leave
   * {@code /metrics} requests out of the HTTP meters).
   */
  public static Vertx create(PrometheusMeterRegistry registry) {
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)
        .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.HTTP_ROUTE, Label.EB_ADDRESS))
        .setServerRequestTagsProvider(SelfScrapeExclusion::tags)
        // vertx-micrometer-metrics keeps one backend per registry name, process-wide: with the default name a
        // second Vert.x in the same JVM (tests, benchmarks) would write into the first one's registry.
        .setRegistryName("krishiv-gateway-" + REGISTRIES.incrementAndGet());
    return Vertx.builder().with(new VertxOptions().setMetricsOptions(metrics))
        .withMetrics(new MicrometerMetricsFactory(registry)).build();
  }

  /** A registry prepared for the gateway ({@link RegistrySetup}): create it before the Vert.x instance. */
  public static PrometheusMeterRegistry newRegistry() {
    return RegistrySetup.newRegistry();
  }
}
