package krishiv.gateway.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import krishiv.gateway.Gateway;
import krishiv.gateway.testing.FakeCoordinator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stream behind the gateway's real auth model (not a fake): static, UI and JWT tokens as every other route
 * sees them, scopes from the contract's events:read, and a JWT that expires mid-stream ends it.
 */
@ExtendWith(VertxExtension.class)
class StreamTokenAuthTest {
  static final String UI = "ui-token-for-stream-tests";
  static final String SECRET = "hs256-secret-for-stream-tests-0123456789";
  static Gateway gateway;
  static FakeCoordinator coordinator;

  @BeforeAll
  static void start(Vertx vertx) {
    coordinator = new FakeCoordinator(vertx);
    coordinator.start().await();
    Map<String, String> env = Map.of("KRISHIV_PRODUCTION", "yes", "KRISHIV_UI_TOKEN", UI,
        "KRISHIV_GATEWAY_JWT_SECRET", SECRET);
    gateway = Gateway.start(vertx, StreamFixture.config(Map.of("jwt.leeway", "0s")),
        Gateway.Options.defaults().withEnv(env)).await();
  }

  @AfterAll
  static void stop() {
    gateway.stop().await();
    coordinator.stop().await();
  }

  static WebSocketConnectOptions ws() {
    return new WebSocketConnectOptions().setHost("127.0.0.1").setPort(gateway.port()).setURI("/api/v1/events");
  }

  static String jwt(String scope, long expiresAtSeconds) throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String claims = b64.encodeToString(("{\"sub\":\"dash\",\"scope\":\"" + scope + "\",\"exp\":" + expiresAtSeconds
        + "}").getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return header + "." + claims + "." + b64.encodeToString(mac.doFinal((header + "." + claims).getBytes(
        StandardCharsets.US_ASCII)));
  }

  @Test
  void theUiTokenStreamsAndAWrongTokenIs401(Vertx vertx) {
    try (WsProbe p = WsProbe.connect(vertx, ws().putHeader("Authorization", "Bearer " + UI))) {
      p.awaitFrames("a heartbeat", f -> !f.isEmpty());
      assertFalse(p.isClosed());
    }
    Throwable refused = WsProbe.refusal(vertx, ws().putHeader("Authorization", "Bearer not-" + UI));
    assertTrue(refused != null && refused.getMessage().contains("401"), String.valueOf(refused));
  }

  @Test
  void theUiTokenWorksAsASubprotocol(Vertx vertx) {
    try (WsProbe p = WsProbe.connect(vertx, ws().addSubProtocol("krishiv.v1").addSubProtocol("krishiv.bearer." + UI))) {
      p.awaitFrames("a heartbeat over the subprotocol token", f -> !f.isEmpty());
    }
  }

  @Test
  void aJwtWithoutEventsReadIs403(Vertx vertx) throws Exception {
    String token = jwt("status:read metrics:read", System.currentTimeMillis() / 1000 + 600);
    Throwable refused = WsProbe.refusal(vertx, ws().putHeader("Authorization", "Bearer " + token));
    assertTrue(refused != null && refused.getMessage().contains("403"), String.valueOf(refused));
  }

  @Test
  void aJwtThatExpiresMidStreamEndsIt(Vertx vertx) throws Exception {
    long exp = System.currentTimeMillis() / 1000 + 2;
    try (WsProbe p = WsProbe.connect(vertx, ws().putHeader("Authorization", "Bearer " + jwt("events:read", exp)))) {
      p.awaitFrames("a heartbeat before expiry", f -> !f.isEmpty());
      p.awaitClosed(Duration.ofSeconds(6));
      assertEquals(Short.valueOf((short) 4401), p.closeCode());
    }
  }
}
