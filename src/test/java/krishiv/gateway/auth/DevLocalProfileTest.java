package krishiv.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import krishiv.gateway.Gateway;
import krishiv.gateway.config.ConfigLoader;
import krishiv.gateway.config.GatewayConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dev-local profile is open unless a token source is configured. Two gateways: one started with the old
 * {@code Gateway.start(vertx, config)} (empty environment: open), one with a dev-local environment holding a
 * token (auth on).
 */
@ExtendWith(VertxExtension.class)
class DevLocalProfileTest {
  private static Gateway open;
  private static Gateway withToken;
  private static WebClient client;

  @BeforeAll
  static void start(Vertx vertx) {
    GatewayConfig config = GatewayConfig.defaults().with(Map.of("http.port", "0"));
    open = Gateway.start(vertx, config).await();
    Map<String, String> env = Map.of(AuthEnv.DURABILITY_PROFILE, "dev-local", AuthEnv.COORDINATOR_TOKEN,
        "dev-token-0123456789");
    withToken = Gateway.start(vertx, ConfigLoader.load(null, env, Map.of("http.port", "0")), env).await();
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() {
    open.stop().await();
    withToken.stop().await();
  }

  @Test
  void withoutATokenSourceEveryRouteIsOpen() {
    assertTrue(open.auth().authenticator().isOpen());
    assertFalse(open.auth().config().required());
    ProtectedRoutes.AUTHORISED_STATUS.forEach((route, status) -> {
      assertEquals(status, get(open, route, null), route);
      // Open mode ignores credentials rather than refusing ones it cannot check.
      assertEquals(status, get(open, route, "Bearer anything+at/all="), route);
    });
    assertEquals(200, get(open, "/healthz", null));
  }

  @Test
  void openModeStillRunsThePathGuard() {
    assertEquals(400, RawHttp.send(open.port(), "GET", "//api/v1/jobs").status());
    assertEquals(400, RawHttp.send(open.port(), "GET", "/api/v1/%6Aobs").status());
  }

  @Test
  void openModeRequestsCarryTheAnonymousPrincipalWithEveryScope() {
    Principal anonymous = open.auth().authenticator().authenticate("ignored").await();
    assertEquals(Principal.Kind.ANONYMOUS, anonymous.kind());
    assertEquals(Scope.all(), anonymous.scopes());
  }

  @Test
  void aConfiguredTokenTurnsAuthenticationOnInDevLocal() {
    assertTrue(withToken.auth().config().required());
    assertEquals(DurabilityProfile.DEV_LOCAL, withToken.auth().config().profile());
    ProtectedRoutes.AUTHORISED_STATUS.forEach((route, status) -> {
      assertEquals(401, get(withToken, route, null), route);
      assertEquals(status, get(withToken, route, "Bearer dev-token-0123456789"), route);
    });
    assertEquals(200, get(withToken, "/healthz", null));
  }

  private static int get(Gateway g, String uri, String authorization) {
    HttpRequest<?> req = client.get(g.port(), "127.0.0.1", uri);
    if (authorization != null) {
      req.putHeader("Authorization", authorization);
    }
    return req.send().await().statusCode();
  }
}
