package krishiv.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import krishiv.gateway.config.ConfigKeys;
import krishiv.gateway.config.GatewayConfig;
import krishiv.gateway.sim.SimOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code krishiv local}: its flags become simulator options, and the local-mode defaults of the gateway. */
class LocalCommandTest {
  private static LocalCommand parse(String... args) {
    LocalCommand command = new LocalCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void flagsBecomeSimulatorOptions() {
    SimOptions o = parse("--executors", "100", "--jobs", "20", "--seed", "7", "--time-scale", "10",
        "--heartbeat-interval", "500ms", "--slots", "2", "--preload", "--freeze").simOptions();
    assertEquals(100, o.executors());
    assertEquals(20, o.jobs());
    assertEquals(7, o.seed());
    assertEquals(10.0, o.timeScale());
    assertEquals(Duration.ofMillis(500), o.heartbeatInterval());
    assertEquals(2, o.slotsPerExecutor());
    assertTrue(o.preload() && o.freeze());
    assertEquals(SimOptions.defaults(), parse().simOptions());
  }

  @Test
  void unconfiguredKeysGetLocalModeDefaults() {
    GatewayConfig config = LocalCommand.localDefaults(GatewayConfig.defaults(), SimOptions.defaults());
    assertEquals(Duration.ofSeconds(9), config.duration(ConfigKeys.VIEW_HEARTBEAT_TIMEOUT));
    assertEquals(64L * 1024 * 1024, config.bytes(ConfigKeys.BUS_MAX_MESSAGE));
    GatewayConfig configured = LocalCommand.localDefaults(
        GatewayConfig.defaults().with(Map.of("view.heartbeat-timeout", "45s")), SimOptions.defaults());
    assertEquals(Duration.ofSeconds(45), configured.duration(ConfigKeys.VIEW_HEARTBEAT_TIMEOUT));
  }

  @Test
  void automaticOutagesOutlastTheGatewaysHeartbeatTimeout() {
    GatewayConfig config = GatewayConfig.defaults().with(Map.of("view.heartbeat-timeout", "45s"));
    SimOptions fast = SimOptions.defaults().withTimeScale(10);
    Duration outage = LocalCommand.withOutagesLongerThanTimeout(fast, config).tuning().outageDuration();
    assertTrue(outage.toMillis() > 450_000 * 3 / 2, "outage " + outage + " in simulated time");
    SimOptions plain = SimOptions.defaults();
    GatewayConfig local = LocalCommand.localDefaults(GatewayConfig.defaults(), plain);
    assertEquals(plain, LocalCommand.withOutagesLongerThanTimeout(plain, local), "15 s outages already outlast 9 s");
  }

  @Test
  void badValuesAreUsageErrors() {
    PrintStream err = System.err;
    try {
      System.setErr(new PrintStream(PrintStream.nullOutputStream()));
      assertEquals(KrishivCommand.USAGE_ERROR, KrishivCommand.execute("local", "--time-scale", "0"));
      assertEquals(KrishivCommand.USAGE_ERROR, KrishivCommand.execute("local", "--executors", "0"));
      assertEquals(KrishivCommand.USAGE_ERROR, KrishivCommand.execute("local", "--heartbeat-interval", "soon"));
    } finally {
      System.setErr(err);
    }
  }
}
