package krishiv.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import krishiv.gateway.testing.JarProcess;
import org.junit.jupiter.api.Test;

/** The shaded jar as a real process: serve answers, and SIGTERM stops it quickly. */
class GatewayJarIT {
  @Test
  void serveAnswersHealthAndStopsOnSigterm() throws Exception {
    try (JarProcess jar = JarProcess.start("serve", "--port", "0")) {
      HttpResponse<String> health = jar.get("/healthz", Duration.ofSeconds(30));
      assertEquals(200, health.statusCode());
      assertEquals("ok", health.body());
      assertEquals(503, jar.get("/readyz", Duration.ofSeconds(5)).statusCode(), "no coordinator: not ready");
      long t0 = System.nanoTime();
      jar.terminate(Duration.ofSeconds(10));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms < 6_000, "stopped in " + ms + " ms");
    }
  }

  @Test
  void invalidConfigurationExitsWithTwoNamingTheKey() throws Exception {
    try (JarProcess jar = JarProcess.start("serve", "--port", "0", "--set", "view.heartbeat-timeout=soon")) {
      assertEquals(2, jar.awaitExit(Duration.ofSeconds(20)));
      String out = String.join("\n", jar.output());
      assertTrue(out.contains("view.heartbeat-timeout"), out);
    }
  }
}
