package krishiv.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import krishiv.gateway.Gateway;
import krishiv.gateway.config.ConfigLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The CLI against a gateway that requires a token: the token options, and what a rejection says. */
@ExtendWith(VertxExtension.class)
class CliAuthTest {
  static final String TOKEN = "cli-test-token-0123456789";
  static Gateway gateway;

  @BeforeAll
  static void start(Vertx vertx) {
    Map<String, String> env = Map.of("KRISHIV_PRODUCTION", "1", "KRISHIV_COORDINATOR_BEARER_TOKEN", TOKEN);
    gateway = Gateway.start(vertx, ConfigLoader.load(null, env, Map.of("http.port", "0")), env).await();
  }

  @AfterAll
  static void stop() {
    gateway.stop().await();
  }

  @Test
  void theTokenComesFromTheFlagTheFileOrTheEnvironment(@TempDir Path dir) throws Exception {
    CliRunner cli = new CliRunner().env("KRISHIV_GATEWAY_URL", gateway.url());
    assertEquals(0, cli.run("jobs", "--token", TOKEN).code());
    Path file = Files.writeString(dir.resolve("token"), TOKEN + "\n");
    assertEquals(0, cli.run("--token-file", file.toString(), "jobs").code());
    assertEquals(0, new CliRunner().env("KRISHIV_GATEWAY_URL", gateway.url())
        .env("KRISHIV_COORDINATOR_BEARER_TOKEN", TOKEN).run("jobs").code());
    assertEquals(0, new CliRunner().env("KRISHIV_GATEWAY_URL", gateway.url())
        .env("KRISHIV_COORDINATOR_BEARER_TOKEN_FILE", file.toString()).run("executors").code());
  }

  @Test
  void aWrongOrMissingTokenIsExplained() {
    CliRunner cli = new CliRunner().env("KRISHIV_GATEWAY_URL", gateway.url());
    CliRunner.Result wrong = cli.run("jobs", "--token", "wrong-token");
    assertEquals(1, wrong.code());
    assertTrue(wrong.err().contains("token rejected (401)"), wrong.err());
    assertTrue(!wrong.err().contains("wrong-token"), "the token is never echoed");
    CliRunner.Result none = cli.run("jobs");
    assertEquals(1, none.code());
    assertTrue(none.err().contains("needs a token"), none.err());
  }
}
