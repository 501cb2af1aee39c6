package krishiv.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import krishiv.gateway.Gateway;
import krishiv.gateway.cli.KrishivCommand;
import krishiv.gateway.config.ConfigException;
import krishiv.gateway.config.ConfigLoader;
import krishiv.gateway.config.GatewayConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway refuses to start, with a {@link ConfigException} naming what to set or what is wrong, when the
 * auth model cannot be honoured; nothing stays deployed after a refused start.
 */
@ExtendWith(VertxExtension.class)
class AuthStartupTest {
  @TempDir
  Path dir;
  private Vertx vertx;

  @AfterEach
  void nothingStaysDeployed() {
    if (vertx != null) {
      assertTrue(vertx.deploymentIDs().isEmpty(), "deployments left after a refused start: "
          + vertx.deploymentIDs());
    }
  }

  @Test
  void productionWithoutATokenSourceRefusesToStart(Vertx vertx) {
    ConfigException e = refused(vertx, Map.of(AuthEnv.PRODUCTION, "1"));
    assertTrue(e.getMessage().contains("KRISHIV_PRODUCTION is on"), e.getMessage());
    for (String variable : AuthEnv.TOKEN_SOURCES) {
      assertTrue(e.getMessage().contains(variable), "the message names " + variable + ": " + e.getMessage());
    }
  }

  @Test
  void durableProfilesWithoutATokenSourceRefuseToStart(Vertx vertx) {
    assertTrue(refused(vertx, Map.of(AuthEnv.DURABILITY_PROFILE, "single-node-durable")).getMessage()
        .contains("profile single-node-durable from KRISHIV_DURABILITY_PROFILE"));
    GatewayConfig flagged = GatewayConfig.defaults().with(Map.of("http.port", "0",
        "durability.profile", "distributed-durable"));
    this.vertx = vertx;
    ConfigException e = assertThrows(ConfigException.class, () -> Gateway.start(vertx, flagged, Map.of()).await());
    assertTrue(e.getMessage().contains("distributed-durable"), e.getMessage());
  }

  @Test
  void serveExitsWithCode2WhenCredentialsAreRequiredButMissing() {
    assumeTrue(AuthEnv.TOKEN_SOURCES.stream().noneMatch(v -> System.getenv(v) != null),
        "the test process environment configures a token source");
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = KrishivCommand.execute("serve", "--durability-profile", "single-node-durable", "--port", "0");
    } finally {
      System.setErr(err);
    }
    assertEquals(KrishivCommand.USAGE_ERROR, code);
    String out = captured.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("invalid configuration: auth: credentials are required"), out);
  }

  @Test
  void aMissingTokenFileRefusesToStart(Vertx vertx) {
    ConfigException e = refused(vertx, Map.of(AuthEnv.COORDINATOR_TOKEN_FILE, dir.resolve("absent").toString()));
    assertEquals(AuthEnv.COORDINATOR_TOKEN_FILE, e.key());
    assertTrue(e.getMessage().contains("no such file"), e.getMessage());
  }

  @Test
  void anEmptyTokenFileRefusesToStart(Vertx vertx) throws IOException {
    Path empty = Files.writeString(dir.resolve("empty"), "\n , \n");
    ConfigException e = refused(vertx, Map.of(AuthEnv.UI_TOKEN_FILE, empty.toString()));
    assertEquals(AuthEnv.UI_TOKEN_FILE, e.key());
    assertTrue(e.getMessage().contains("holds no token"), e.getMessage());
  }

  @Test
  void aTokenAHeaderCannotCarryIsRefusedNamingItsSourceNotItsValue(Vertx vertx) throws IOException {
    ConfigException inline = refused(vertx, Map.of(AuthEnv.COORDINATOR_TOKENS, "good-token,bad tok3n"));
    assertEquals(AuthEnv.COORDINATOR_TOKENS, inline.key());
    assertTrue(inline.getMessage().contains("token #2"), inline.getMessage());
    assertFalse(inline.getMessage().contains("tok3n"), inline.getMessage());
    Path file = Files.writeString(dir.resolve("tokens"), "caf\u00e9-token\n", StandardCharsets.UTF_8);
    ConfigException fromFile = refused(vertx, Map.of(AuthEnv.COORDINATOR_TOKENS_FILE, file.toString()));
    assertEquals(AuthEnv.COORDINATOR_TOKENS_FILE, fromFile.key());
    assertFalse(fromFile.getMessage().contains("caf"), fromFile.getMessage());
  }

  @Test
  void aShortJwtSecretIsRefused(Vertx vertx) {
    ConfigException e = refused(vertx, Map.of(AuthEnv.JWT_SECRET, "too-short"));
    assertEquals(AuthEnv.JWT_SECRET, e.key());
    assertTrue(e.getMessage().contains("at least 32 bytes"), e.getMessage());
    assertFalse(e.getMessage().contains("too-short"), e.getMessage());
  }

  @Test
  void aJwtSecretFileIsTrimmedAndAccepted(Vertx vertx) throws IOException {
    String secret = Base64.getEncoder().encodeToString(AuthMatrixTest.randomBytes(32));
    Path file = Files.writeString(dir.resolve("secret"), secret + "\n");
    Map<String, String> env = Map.of(AuthEnv.JWT_SECRET_FILE, file.toString());
    Gateway g = Gateway.start(vertx, ConfigLoader.load(null, env, Map.of("http.port", "0")), env).await();
    try {
      String jwt = JwtMinter.hs256(secret, JwtMinter.claims(null, null, "status:read"));
      assertEquals(Principal.Kind.JWT, g.auth().authenticator().authenticate(jwt).await().kind());
    } finally {
      g.stop().await();
    }
  }

  @Test
  void aPrivateKeyGivenAsThePublicKeyIsRefused(Vertx vertx) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(g.generateKeyPair()
        .getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    Path file = Files.writeString(dir.resolve("key.pem"), pem);
    ConfigException e = refused(vertx, Map.of(AuthEnv.JWT_PUBLIC_KEY_FILE, file.toString()));
    assertEquals(AuthEnv.JWT_PUBLIC_KEY_FILE, e.key());
    assertTrue(e.getMessage().contains("PRIVATE KEY"), e.getMessage());
  }

  @Test
  void aJwksWithoutUsableKeysIsRefused(Vertx vertx) throws IOException {
    Path file = Files.writeString(dir.resolve("jwks.json"),
        "{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0\",\"kid\":\"hmac\"}]}");
    ConfigException e = refused(vertx, Map.of(AuthEnv.JWKS_FILE, file.toString()));
    assertEquals(AuthEnv.JWKS_FILE, e.key());
    assertTrue(e.getMessage().contains("no usable key"), e.getMessage());
  }

  @Test
  void badSwitchesAreRefused(Vertx vertx) {
    assertEquals(AuthEnv.PRODUCTION, refused(vertx, Map.of(AuthEnv.PRODUCTION, "maybe")).key());
    assertEquals(AuthEnv.DURABILITY_PROFILE, refused(vertx, Map.of(AuthEnv.DURABILITY_PROFILE, "durable")).key());
  }

  private ConfigException refused(Vertx vertx, Map<String, String> env) {
    this.vertx = vertx;
    Map<String, String> all = new HashMap<>(env);
    GatewayConfig config = ConfigLoader.load(null, all, Map.of("http.port", "0"));
    return assertThrows(ConfigException.class, () -> Gateway.start(vertx, config, all).await());
  }
}
