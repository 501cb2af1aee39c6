package krishiv.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import krishiv.gateway.testing.JarProcess;
import org.junit.jupiter.api.Test;

/** The shaded jar's {@code serve}: its scrape carries the Vert.x meters (the registry reaches the gateway). */
class MetricsJarIT {
  @Test
  void theServedScrapeHasTheVertxMetersAndTheClusterFamilies() throws Exception {
    try (JarProcess jar = JarProcess.start("serve", "--port", "0")) {
      assertEquals(200, jar.get("/healthz", Duration.ofSeconds(30)).statusCode());
      // a routed request (GET /healthz itself is answered before the router and carries no route template)
      assertEquals(503, jar.get("/readyz", Duration.ofSeconds(5)).statusCode());
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(jar.url(Duration.ofSeconds(5)) + "/metrics"))
          .header("Accept", MetricsEndpointTest.PROMETHEUS_ACCEPT).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertEquals(ExpositionFormat.OPENMETRICS.contentType(), r.headers().firstValue("Content-Type").orElseThrow());
      String body = r.body();
      assertTrue(body.contains("vertx_http_server_requests_total{code=\"503\",method=\"GET\",route=\"/readyz\"}"),
          body);
      assertTrue(body.contains("\nkrishiv_gateway_coordinator_up 0\n"), "no coordinator in this test");
      assertTrue(body.endsWith("# EOF\n"));
    }
  }
}
