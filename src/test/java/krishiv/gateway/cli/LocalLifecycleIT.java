package krishiv.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import krishiv.gateway.testing.Await;
import krishiv.gateway.testing.JarProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code krishiv local start / status / stop} as real processes, including a background process killed -9. */
class LocalLifecycleIT {
  @TempDir
  Path dir;

  Map<String, String> env() {
    return Map.of("KRISHIV_LOCAL_DIR", dir.toString());
  }

  JsonObject cli(int expectedExit, String... args) throws Exception {
    try (JarProcess p = JarProcess.start(env(), args)) {
      int code = p.awaitExit(Duration.ofSeconds(90));
      String out = String.join("\n", p.output());
      assertEquals(expectedExit, code, String.join(" ", args) + " printed:\n" + out);
      // stdout's JSON document, if any, followed (streams merged here) by stderr's one-line error
      int open = out.indexOf('{');
      int close = out.lastIndexOf('}');
      return open >= 0 && close > open ? new JsonObject(out.substring(open, close + 1)).put("text", out)
          : new JsonObject().put("text", out);
    }
  }

  @AfterEach
  void killLeftovers() throws Exception {
    Path f = dir.resolve("cluster.json");
    if (Files.exists(f)) {
      ProcessHandle.of(new JsonObject(Files.readString(f)).getLong("pid")).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void startStatusAndStop() throws Exception {
    assertTrue(cli(0, "local", "start", "--port", "0", "--executors", "3").getString("text").contains("ready at"));
    JsonObject status = cli(0, "local", "status", "-o", "json");
    assertEquals("running", status.getString("state"));
    assertTrue(status.getBoolean("ready"));
    long pid = status.getLong("pid");
    assertTrue(ProcessHandle.of(pid).isPresent(), "the background process outlived the start command");
    assertTrue(cli(1, "local", "start", "--port", "0").getString("text").contains("already running"));
    assertTrue(cli(0, "local", "stop").getString("text").contains("stopped"));
    Await.until("the background gateway to exit", Duration.ofSeconds(20),
        () -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true) || zombie(pid));
    assertFalse(Files.exists(dir.resolve("cluster.json")));
    assertTrue(cli(1, "local", "status").getString("text").contains("no local cluster"));
  }

  @Test
  void statusReportsADeadProcessAsDead() throws Exception {
    cli(0, "local", "start", "--port", "0", "--executors", "2");
    long pid = cli(0, "local", "status", "-o", "json").getLong("pid");
    ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // kill -9
    Await.until("pid " + pid + " to die", Duration.ofSeconds(20),
        () -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true) || zombie(pid));
    JsonObject status = cli(1, "local", "status", "-o", "json");
    assertEquals("dead", status.getString("state"), "a file that exists is not a running cluster");
    assertFalse(status.getBoolean("pid_alive"));
    assertTrue(cli(0, "local", "stop").getString("text").contains("was not running"));
  }

  private static boolean zombie(long pid) {
    try {
      String s = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      return s.charAt(s.lastIndexOf(')') + 2) == 'Z';
    } catch (Exception e) {
      return true;
    }
  }
}
