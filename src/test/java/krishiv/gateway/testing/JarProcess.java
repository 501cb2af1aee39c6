package krishiv.gateway.testing;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shaded jar started as a real process (for Failsafe tests): finds the URL it prints, probes it with
 * timeouts and retries, and always kills it on close.
 */
public final class JarProcess implements AutoCloseable {
  private static final Pattern URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)");

  private final Process process;
  private final List<String> output = Collections.synchronizedList(new ArrayList<>());
  private final CompletableFuture<String> url = new CompletableFuture<>();
  private final Thread reader;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private JarProcess(Process process) {
    this.process = process;
    this.reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          output.add(line);
          Matcher m = URL.matcher(line);
          if (!url.isDone() && m.find()) {
            url.complete(m.group(1));
          }
        }
      } catch (IOException e) {
        // the process ended
      }
      url.completeExceptionally(new IllegalStateException("the process printed no URL: " + output));
    }, "jar-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code java -jar <gateway.jar> args...} (stderr merged into the captured output). */
  public static JarProcess start(String... args) throws IOException {
    return start(java.util.Map.of(), args);
  }

  /** The same with extra environment variables (any inherited KRISHIV_* ones are removed first). */
  public static JarProcess start(java.util.Map<String, String> env, String... args) throws IOException {
    String jar = System.getProperty("gateway.jar", "target/krishiv-gateway.jar");
    if (!Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("no jar at " + jar + ": run mvn package first");
    }
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("KRISHIV_"));
    pb.environment().putAll(env);
    return new JarProcess(pb.start());
  }

  /** The URL the process printed, waiting up to {@code timeout}. */
  public String url(Duration timeout) throws Exception {
    return url.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** GET with a short timeout, retried while the server is starting (a request then can go unanswered). */
  public HttpResponse<String> get(String path, Duration within) throws Exception {
    String base = url(within);
    long deadline = System.nanoTime() + within.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        last = e;
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("no answer from " + base + path + " within " + within, last);
  }

  /** Waits for the process to exit and its output to be read; returns the exit code. */
  public int awaitExit(Duration within) throws InterruptedException {
    if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the process did not exit within " + within + "; output: " + output);
    }
    reader.join(within.toMillis());
    return process.exitValue();
  }

  public Process process() {
    return process;
  }

  public List<String> output() {
    return List.copyOf(output);
  }

  /** Sends SIGTERM and waits; returns the exit code, or throws if it did not exit in time. */
  public int terminate(Duration within) throws InterruptedException {
    process.destroy();
    return awaitExit(within);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
