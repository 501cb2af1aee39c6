package krishiv.gateway.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import krishiv.gateway.Gateway;
import krishiv.gateway.testing.Await;
import krishiv.gateway.testing.FakeCoordinator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stream as an independent client sees it: node with the npm package ws (pinned in tools/node, installed by
 * ./test.sh from the committed lockfile) runs src/test/node/ws-client.mjs, which uses each credential path and a
 * resume, and prints what it saw as JSON.
 */
@ExtendWith(VertxExtension.class)
class NodeWsClientTest {
  static Gateway gateway;
  static FakeCoordinator coordinator;

  @BeforeAll
  static void start(Vertx vertx) {
    coordinator = new FakeCoordinator(vertx);
    coordinator.start().await();
    FakeStreamAuthenticator auth = new FakeStreamAuthenticator().grant("node-token", Set.of(StreamPrincipal.EVENTS_READ));
    gateway = Gateway.start(vertx, StreamFixture.config(Map.of()), Gateway.Options.defaults().withStreamAuth(auth))
        .await();
  }

  @AfterAll
  static void stop() {
    gateway.stop().await();
    coordinator.stop().await();
  }

  @Test
  void nodeWsSubscribesWithEachCredentialPathAndResumes(Vertx vertx) throws Exception {
    assertTrue(Files.isDirectory(Path.of("tools/node/node_modules/ws")),
        "the node client is not installed: run ./test.sh, or npm ci --prefix tools/node");
    long before = gateway.view().events().lastSeq();
    for (int i = 0; i < 10; i++) {
      StreamFixture.publishEvent(vertx, "Node.E", "node-job", null, "n" + i);
    }
    Await.until("10 events", Duration.ofSeconds(5), () -> gateway.view().events().lastSeq() >= before + 10);
    String epoch = gateway.view().epoch();
    JsonObject cfg = new JsonObject().put("url", "ws://127.0.0.1:" + gateway.port() + "/api/v1/events")
        .put("token", "node-token").put("badToken", "not-a-token").put("since", epoch + ":" + (before + 3))
        .put("until", before + 10).put("timeoutMs", 5000);

    JsonObject out = runNode(cfg);

    for (String path : List.of("header", "subprotocol", "firstFrame")) {
      JsonObject r = out.getJsonObject(path);
      assertEquals(101, r.getInteger("status"), path + ": " + r);
      assertEquals("heartbeat", r.getJsonObject("first").getString("type"), path + ": " + r);
      assertTrue(r.getJsonObject("first").getString("cursor").startsWith(epoch + ":"), path);
    }
    assertEquals("krishiv.v1", out.getJsonObject("subprotocol").getString("protocol"),
        "the server answers krishiv.v1, never the token");
    assertEquals(401, out.getJsonObject("badToken").getInteger("status"));
    JsonObject resume = out.getJsonObject("resume");
    assertEquals(false, resume.getBoolean("timeout"), resume.encode());
    assertEquals(0, resume.getInteger("resets"));
    List<String> expected = new ArrayList<>();
    for (long s = before + 4; s <= before + 10; s++) {
      expected.add(epoch + ":" + s);
    }
    assertEquals(new JsonArray(new ArrayList<>(expected)), resume.getJsonArray("cursors"));
  }

  static JsonObject runNode(JsonObject cfg) throws Exception {
    Process p = new ProcessBuilder("node", "src/test/node/ws-client.mjs", cfg.encode())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    p.getOutputStream().close();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the node client did not finish");
    }
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, p.exitValue(), stdout);
    return new JsonObject(stdout);
  }
}
