package krishiv.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import krishiv.gateway.cli.ServerOptions;
import krishiv.gateway.config.ConfigException;
import krishiv.gateway.config.ConfigLoader;
import krishiv.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** How the auth model is resolved from the environment, the configuration and the command line. */
class AuthConfigTest {
  @TempDir
  Path dir;

  @Test
  void anEmptyEnvironmentIsAnOpenDevLocalGateway() {
    AuthConfig auth = AuthConfig.open();
    assertEquals(DurabilityProfile.DEV_LOCAL, auth.profile());
    assertFalse(auth.required());
    assertFalse(auth.hasCredentialSource());
    assertEquals(Duration.ofSeconds(1), auth.tokenFilePollInterval());
    assertEquals(Duration.ofSeconds(30), auth.jwt().leeway());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "true", "yes", "on", "TRUE", " On "})
  void productionSwitchValuesForceAuthentication(String value) {
    ConfigException e = assertThrows(ConfigException.class, () -> from(Map.of(AuthEnv.PRODUCTION, value)));
    assertEquals("auth", e.key());
    assertTrue(from(Map.of(AuthEnv.PRODUCTION, value, AuthEnv.UI_TOKEN, "ui-token-1234")).required());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "false", "no", "off", ""})
  void productionOffValuesLeaveDevLocalOpen(String value) {
    assertFalse(from(Map.of(AuthEnv.PRODUCTION, value)).required());
  }

  @Test
  void anyTokenSourceTurnsDevLocalAuthenticationOn() {
    for (String variable : List.of(AuthEnv.COORDINATOR_TOKEN, AuthEnv.COORDINATOR_TOKENS, AuthEnv.UI_TOKEN,
        AuthEnv.JWT_SECRET, AuthEnv.COORDINATOR_TOKEN_FILE, AuthEnv.JWKS_FILE)) {
      AuthConfig auth = from(Map.of(variable, "x".repeat(40)));
      assertTrue(auth.required(), variable);
      assertEquals("profile dev-local with a token source configured", auth.reason());
    }
  }

  @Test
  void blankVariablesCountAsUnset() {
    assertFalse(from(Map.of(AuthEnv.COORDINATOR_TOKEN, "  ", AuthEnv.COORDINATOR_TOKENS, ",\n,",
        AuthEnv.JWT_SECRET, "")).required());
  }

  @Test
  void theProfileComesFromTheFlagThenKrishivsVariableThenTheFile() throws IOException {
    Path file = Files.writeString(dir.resolve("gateway.yaml"), "durability:\n  profile: single-node-durable\n");
    Map<String, String> env = new HashMap<>(Map.of(AuthEnv.UI_TOKEN, "ui-token-1234"));
    assertEquals(DurabilityProfile.SINGLE_NODE_DURABLE, AuthConfig.from(env, ConfigLoader.load(file, env, Map.of()))
        .profile());
    env.put(AuthEnv.DURABILITY_PROFILE, "distributed-durable");
    assertEquals(DurabilityProfile.DISTRIBUTED_DURABLE, AuthConfig.from(env, ConfigLoader.load(file, env,
        Map.of())).profile());
    GatewayConfig flagged = ConfigLoader.load(file, env, Map.of("durability.profile", "dev-local"));
    assertEquals(DurabilityProfile.DEV_LOCAL, AuthConfig.from(env, flagged).profile());
  }

  @Test
  void bothProfileFlagNamesReachTheConfiguration() {
    for (String flag : List.of("--profile", "--durability-profile")) {
      Runner runner = new Runner();
      new CommandLine(runner).parseArgs(flag, "distributed-durable");
      GatewayConfig config = runner.options.resolve(Map.of());
      ConfigException e = assertThrows(ConfigException.class, () -> AuthConfig.from(Map.of(), config));
      assertTrue(e.getMessage().contains("profile distributed-durable from flag"), e.getMessage());
    }
  }

  @Test
  void tokenVariablesAreAUnionWithEachSourceNamed() {
    AuthConfig auth = from(Map.of(AuthEnv.COORDINATOR_TOKEN, " single,with-comma ",
        AuthEnv.COORDINATOR_TOKENS, "a-token,\r\nb-token\n\na-token", AuthEnv.UI_TOKEN, "ui-token"));
    List<TokenSource> sources = auth.tokenSources();
    assertEquals(3, sources.size());
    assertEquals(List.of("single,with-comma"), sources.get(0).tokens(), "the single-token variable is not split");
    assertEquals(List.of("a-token", "b-token"), sources.get(1).tokens(), "lists are trimmed and de-duplicated");
    assertEquals(TokenRole.UI, sources.get(2).role());
  }

  @Test
  void aSecretAndASecretFileTogetherAreRefused() {
    ConfigException e = assertThrows(ConfigException.class, () -> from(Map.of(AuthEnv.JWT_SECRET, "s".repeat(40),
        AuthEnv.JWT_SECRET_FILE, "/run/secret")));
    assertEquals(AuthEnv.JWT_SECRET, e.key());
  }

  @Test
  void jwtClaimChecksAndTuningComeFromConfigKeysAndTheirVariables() {
    Map<String, String> env = Map.of(AuthEnv.JWT_SECRET, "s".repeat(40), "KRISHIV_GATEWAY_JWT_ISSUER", "https://iss",
        "KRISHIV_GATEWAY_JWT_AUDIENCE", "a, b,,a");
    JwtConfig jwt = AuthConfig.from(env, ConfigLoader.load(null, env, Map.of("jwt.leeway", "5s",
        "jwt.cache-size", "7"))).jwt();
    assertEquals("https://iss", jwt.issuer());
    assertEquals(List.of("a", "b"), jwt.audience());
    assertEquals(Duration.ofSeconds(5), jwt.leeway());
    assertEquals(7, jwt.cacheSize());
  }

  @Test
  void toStringShowsSourcesButNoSecret() {
    String secret = "hs256-secret-" + "s".repeat(30);
    String text = from(Map.of(AuthEnv.COORDINATOR_TOKEN, "coordinator-secret-token", AuthEnv.UI_TOKEN,
        "ui-secret-token", AuthEnv.JWT_SECRET, secret, AuthEnv.COORDINATOR_TOKENS_FILE, "/run/tokens")).toString();
    assertFalse(text.contains("coordinator-secret-token") || text.contains("ui-secret-token")
        || text.contains(secret), text);
    assertTrue(text.contains(AuthEnv.COORDINATOR_TOKEN + "=<1 token>"), text);
    assertTrue(text.contains("/run/tokens") && text.contains("secret=***"), text);
  }

  @Test
  void aZeroPollIntervalIsRefused() {
    assertThrows(ConfigException.class, () -> AuthConfig.from(Map.of(),
        GatewayConfig.defaults().with(Map.of("auth.token-file-poll-interval", "0s"))));
  }

  private static AuthConfig from(Map<String, String> env) {
    return AuthConfig.from(env, ConfigLoader.load(null, env, Map.of()));
  }

  /** A command carrying the shared server options, as serve and local do. */
  @CommandLine.Command(name = "runner")
  static final class Runner {
    @CommandLine.Mixin
    ServerOptions options;
  }
}
