package krishiv.gateway.cli;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import krishiv.gateway.cli.support.CliException;

/**
 * {@code .krishiv/local/cluster.json}: what {@code krishiv local start} left running in the background (pid,
 * URL, log file, start time), and the probes {@code status} and {@code stop} use. The folder is
 * {@code $KRISHIV_LOCAL_DIR} when set.
 */
record LocalClusterFile(long pid, String url, String logFile, String startedAt, int executors) {
  static final String FILE = "cluster.json";

  static Path dir(Map<String, String> env) {
    String d = env.get("KRISHIV_LOCAL_DIR");
    return d != null && !d.isBlank() ? Path.of(d) : Path.of(".krishiv", "local");
  }

  static Optional<LocalClusterFile> read(Path dir) {
    Path f = dir.resolve(FILE);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      JsonObject o = new JsonObject(Files.readString(f));
      return Optional.of(new LocalClusterFile(o.getLong("pid"), o.getString("url"), o.getString("log_file"),
          o.getString("started_at"), o.getInteger("executors", 0)));
    } catch (IOException | RuntimeException e) {
      throw new CliException(CliException.RUNTIME, f + " is unreadable (" + e.getMessage() + "); remove it");
    }
  }

  void write(Path dir) {
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve(FILE + ".tmp");
      Files.writeString(tmp, toJson().encodePrettily());
      Files.move(tmp, dir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CliException(CliException.RUNTIME, "cannot write " + dir.resolve(FILE) + ": " + e.getMessage());
    }
  }

  static void delete(Path dir) {
    try {
      Files.deleteIfExists(dir.resolve(FILE));
    } catch (IOException e) {
      throw new CliException(CliException.RUNTIME, "cannot remove " + dir.resolve(FILE) + ": " + e.getMessage());
    }
  }

  JsonObject toJson() {
    return new JsonObject().put("pid", pid).put("url", url).put("log_file", logFile).put("started_at", startedAt)
        .put("executors", executors);
  }

  /** Alive and not a zombie (a killed process whose parent has gone stays a zombie until it is reaped). */
  boolean pidAlive() {
    if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      return false;
    }
    Path stat = Path.of("/proc", String.valueOf(pid), "stat");
    try {
      String s = Files.readString(stat);
      int close = s.lastIndexOf(')');
      char state = close > 0 && close + 2 < s.length() ? s.charAt(close + 2) : '?';
      return state != 'Z' && state != 'X';
    } catch (IOException e) {
      return !Files.isDirectory(Path.of("/proc")); // no procfs: trust ProcessHandle
    }
  }

  /** The HTTP status of GET url+path, or -1 when nothing answered within the timeout. */
  int probe(String path, Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(timeout).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
