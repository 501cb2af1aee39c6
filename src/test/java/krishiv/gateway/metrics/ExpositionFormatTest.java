package krishiv.gateway.metrics;

import static krishiv.gateway.metrics.ExpositionFormat.OPENMETRICS;
import static krishiv.gateway.metrics.ExpositionFormat.PROMETHEUS_TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** Content negotiation of /metrics, and the registry guard that keeps family names unique. */
class ExpositionFormatTest {
  @Test
  void openMetricsOnlyWhenTheClientPrefersIt() {
    assertEquals(OPENMETRICS, ExpositionFormat.negotiate(MetricsEndpointTest.PROMETHEUS_ACCEPT));
    assertEquals(OPENMETRICS, ExpositionFormat.negotiate("application/openmetrics-text"));
    assertEquals(OPENMETRICS, ExpositionFormat.negotiate("text/plain;q=0.2, application/openmetrics-text;q=0.9"));
    assertEquals(PROMETHEUS_TEXT, ExpositionFormat.negotiate(null));
    assertEquals(PROMETHEUS_TEXT, ExpositionFormat.negotiate(""));
    assertEquals(PROMETHEUS_TEXT, ExpositionFormat.negotiate("*/*"), "a tie keeps the default");
    assertEquals(PROMETHEUS_TEXT, ExpositionFormat.negotiate("text/plain;version=0.0.4"));
    assertEquals(PROMETHEUS_TEXT, ExpositionFormat.negotiate("application/json"), "unsupported: the default");
    assertEquals(PROMETHEUS_TEXT, ExpositionFormat.negotiate("application/openmetrics-text;version=2.0.0"),
        "a version we do not speak");
    assertEquals(PROMETHEUS_TEXT, ExpositionFormat.negotiate("application/openmetrics-text;q=0"));
    assertEquals(PROMETHEUS_TEXT, ExpositionFormat.negotiate("application/openmetrics-text;q=0.4,text/*;q=0.5"));
  }

  @Test
  void aMicrometerMeterCannotTakeTheNameOfARenderedFamily() {
    PrometheusMeterRegistry registry = RegistrySetup.newRegistry();
    Counter.builder("krishiv.executor.lost").register(registry).increment();
    Gauge.builder("krishiv.gateway.executors", () -> 1).register(registry);
    Counter.builder("krishiv.gateway.something.else").register(registry).increment();
    String scrape = registry.scrape();
    assertEquals(-1, scrape.indexOf("krishiv_executor_lost_total"), scrape);
    assertEquals(-1, scrape.indexOf("krishiv_gateway_executors "), scrape);
    assertEquals(true, scrape.contains("krishiv_gateway_something_else_total 1"), scrape);
    registry.close();
  }
}
