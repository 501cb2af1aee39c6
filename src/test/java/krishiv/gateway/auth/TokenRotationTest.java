package krishiv.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.function.IntSupplier;
import krishiv.gateway.Gateway;
import krishiv.gateway.config.ConfigLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Token files are re-read while the gateway runs: a rotated token is accepted and the old one refused, without a
 * restart. The poll interval is 100 ms here; each test polls until the change takes effect.
 */
@ExtendWith(VertxExtension.class)
class TokenRotationTest {
  private static final long TIMEOUT_MS = 10_000;
  private static final ListAppender<ILoggingEvent> WATCHER_LOG = new ListAppender<>();
  @TempDir
  static Path dir;
  private static Path coordinatorFile;
  private static Path uiFile;
  private static Gateway gateway;
  private static WebClient client;

  @BeforeAll
  static void start(Vertx vertx) throws IOException {
    coordinatorFile = Files.writeString(dir.resolve("coordinator.tokens"), "first-coordinator-token\n");
    uiFile = Files.writeString(dir.resolve("ui.token"), "first-ui-token\n");
    Map<String, String> env = Map.of(AuthEnv.PRODUCTION, "on",
        AuthEnv.COORDINATOR_TOKENS_FILE, coordinatorFile.toString(), AuthEnv.UI_TOKEN_FILE, uiFile.toString());
    Logger watcherLogger = (Logger) LoggerFactory.getLogger(TokenFileWatcher.class);
    WATCHER_LOG.start();
    watcherLogger.addAppender(WATCHER_LOG);
    gateway = Gateway.start(vertx, ConfigLoader.load(null, env, Map.of("http.port", "0",
        "auth.token-file-poll-interval", "100ms")), env).await();
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() {
    ((Logger) LoggerFactory.getLogger(TokenFileWatcher.class)).detachAppender(WATCHER_LOG);
    gateway.stop().await();
  }

  @BeforeEach
  void baseline() throws IOException {
    replace(coordinatorFile, "baseline-token\n");
    awaitStatus("baseline-token", 200);
    WATCHER_LOG.list.clear();
  }

  @Test
  void aRotatedTokenReplacesTheOldOneWithoutRestart() throws IOException {
    int port = gateway.port();
    replace(coordinatorFile, "rotated-token\n");
    awaitStatus("rotated-token", 200);
    ProtectedRoutes.AUTHORISED_STATUS.forEach((route, allowed) -> {
      assertEquals(allowed, status(route, "rotated-token"), route);
      assertEquals(401, status(route, "baseline-token"), route + ": the old token is refused");
    });
    assertEquals(port, gateway.port(), "same server, no restart");
  }

  @Test
  void overlappingTokensAllowAGracefulRotation() throws IOException {
    replace(coordinatorFile, "baseline-token\nnext-token\n");
    awaitStatus("next-token", 200);
    assertEquals(200, status("baseline-token"), "both tokens are accepted during the overlap");
    replace(coordinatorFile, "next-token");
    awaitStatus("baseline-token", 401);
    assertEquals(200, status("next-token"));
  }

  @Test
  void theUiTokenFileRotatesToo() throws IOException {
    replace(uiFile, "second-ui-token");
    awaitStatus("second-ui-token", 200);
    assertEquals(401, status("first-ui-token"));
  }

  @Test
  void anEmptiedFileRevokesItsTokens() throws IOException {
    replace(coordinatorFile, "\n");
    awaitStatus("baseline-token", 401);
  }

  @Test
  void aChangeWithAnUnusableTokenIsIgnoredAndTheOldTokensStay() throws IOException {
    replace(coordinatorFile, "unusable tok3n-Zq9\n");
    awaitLog("ignored a change");
    assertEquals(200, status("baseline-token"));
    assertTrue(WATCHER_LOG.list.stream().noneMatch(e -> e.getFormattedMessage().contains("tok3n-Zq9")),
        "the warning does not quote the token");
  }

  @Test
  void aMissingFileKeepsTheOldTokensUntilItIsBack() throws IOException {
    Files.delete(coordinatorFile);
    awaitLog("cannot read");
    assertEquals(200, status("baseline-token"), "a failed read does not lock everyone out");
    replace(coordinatorFile, "after-outage-token\n");
    awaitStatus("after-outage-token", 200);
    assertEquals(401, status("baseline-token"));
  }

  /** Writes a temporary file and renames it over the target, as secret managers do. */
  private static void replace(Path file, String content) throws IOException {
    Path tmp = Files.writeString(dir.resolve(file.getFileName() + ".tmp"), content);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static int status(String token) {
    return status("/api/v1/jobs", token);
  }

  private static int status(String route, String token) {
    return client.get(gateway.port(), "127.0.0.1", route).bearerTokenAuthentication(token).send().await()
        .statusCode();
  }

  private static void awaitStatus(String token, int expected) {
    poll(() -> status(token) == expected ? 1 : 0, "status " + expected + " for " + token);
  }

  private static void awaitLog(String fragment) {
    poll(() -> WATCHER_LOG.list.stream().anyMatch(e -> e.getFormattedMessage().contains(fragment)) ? 1 : 0,
        "a watcher log line containing '" + fragment + "'");
  }

  private static void poll(IntSupplier done, String what) {
    long deadline = System.currentTimeMillis() + TIMEOUT_MS;
    while (done.getAsInt() == 0) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
