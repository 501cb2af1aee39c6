package krishiv.gateway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar in {@code local} mode as a real process: it prints its URL, serves jobs and exactly the
 * requested executors within a few seconds, and exits promptly on SIGTERM.
 */
class LocalModeIT {
  private static final Pattern URL = Pattern.compile("local mode: (http://\\S+) \\((\\d+) simulated executors");
  private static final Duration STARTUP = Duration.ofSeconds(30);
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;

  @AfterEach
  void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }

  @Test
  void localModeServesTheSimulatedClusterAndStopsOnSigterm() throws Exception {
    String jarProperty = System.getProperty("gateway.jar");
    // Failsafe sets it after package; a Surefire run picked up by a -Dtest pattern has no fresh jar to test.
    assumeTrue(jarProperty != null, "gateway.jar is set by Failsafe (mvn verify)");
    Path jar = Path.of(jarProperty);
    assertTrue(Files.isRegularFile(jar), "no jar at " + jar);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process = new ProcessBuilder(java, "-jar", jar.toString(), "local", "--port", "0", "--executors", "8")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> readLines(process, stdout), "local-mode-stdout");
    reader.setDaemon(true);
    reader.start();

    String url = awaitUrl(stdout);
    long started = System.nanoTime();
    JsonObject jobs = get(url + "/api/v1/jobs", j -> j.getInteger("total") > 0);
    JsonObject executors = get(url + "/api/v1/executors", e -> e.getInteger("total") == 8);
    long seenMs = (System.nanoTime() - started) / 1_000_000;
    assertTrue(seenMs < 5_000, "jobs and executors took " + seenMs + " ms after the URL was printed");
    assertTrue(jobs.getJsonArray("jobs").size() > 0);
    assertEquals(8, executors.getJsonArray("executors").size());

    long stopAt = System.nanoTime();
    process.destroy(); // SIGTERM
    assertTrue(process.waitFor(10, TimeUnit.SECONDS), "still running 10 s after SIGTERM");
    long stopMs = (System.nanoTime() - stopAt) / 1_000_000;
    assertTrue(stopMs < 8_000, "took " + stopMs + " ms to stop");
  }

  private static void readLines(Process p, BlockingQueue<String> lines) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("stdout closed: " + e);
    }
  }

  private String awaitUrl(BlockingQueue<String> stdout) throws InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    StringBuilder seen = new StringBuilder();
    while (System.nanoTime() < deadline) {
      String line = stdout.poll(200, TimeUnit.MILLISECONDS);
      if (line != null) {
        seen.append(line).append('\n');
        Matcher m = URL.matcher(line);
        if (m.find()) {
          assertEquals("8", m.group(2));
          assertTrue(!m.group(1).endsWith(":0"), "the URL must show the real port: " + line);
          return m.group(1);
        }
      }
      assertTrue(process.isAlive() || !stdout.isEmpty(), "the process exited; stdout:\n" + seen);
    }
    throw new AssertionError("no URL printed within " + STARTUP + "; stdout:\n" + seen);
  }

  /**
   * GETs {@code url} until {@code ok} accepts the JSON body. Retries with a short request timeout: a request that
   * arrives just as the server starts listening can go unanswered (VERTX-NOTES §4).
   */
  private JsonObject get(String url, Predicate<JsonObject> ok) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    String last = "nothing";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
            .GET().build(), HttpResponse.BodyHandlers.ofString());
        last = r.statusCode() + " " + r.body();
        if (r.statusCode() == 200) {
          JsonObject body = new JsonObject(r.body());
          if (ok.test(body)) {
            return body;
          }
        }
      } catch (IOException e) {
        last = e.toString();
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    throw new AssertionError("no acceptable answer from " + url + "; last: " + last);
  }
}
