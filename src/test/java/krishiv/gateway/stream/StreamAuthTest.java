package krishiv.gateway.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import krishiv.gateway.Gateway;
import krishiv.gateway.http.Problem;
import krishiv.gateway.testing.Await;
import krishiv.gateway.testing.FakeCoordinator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The three credential paths, the Origin check, and streams whose credentials expire or are rotated away. */
@ExtendWith(VertxExtension.class)
class StreamAuthTest {
  static final Set<String> READER = Set.of(StreamPrincipal.EVENTS_READ);
  static final AtomicInteger TOKENS = new AtomicInteger();
  static Gateway gateway;
  static FakeCoordinator coordinator;
  static FakeStreamAuthenticator auth;
  static WebClient http;

  @BeforeAll
  static void start(Vertx vertx) {
    auth = new FakeStreamAuthenticator().grant("reader", READER)
        .grant("ui", Set.of("status:read", StreamPrincipal.EVENTS_READ))
        .grant("metrics-only", Set.of("metrics:read"));
    coordinator = new FakeCoordinator(vertx);
    coordinator.start().await();
    gateway = Gateway.start(vertx, StreamFixture.config(Map.of()), Gateway.Options.defaults().withStreamAuth(auth))
        .await();
    http = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() {
    http.close();
    gateway.stop().await();
    coordinator.stop().await();
  }

  static WebSocketConnectOptions ws() {
    return new WebSocketConnectOptions().setHost("127.0.0.1").setPort(gateway.port()).setURI("/api/v1/events");
  }

  static WsProbe awaitHeartbeat(WsProbe p) {
    p.awaitFrames("the first heartbeat", f -> !f.isEmpty());
    assertEquals("heartbeat", p.frames().get(0).getString("type"));
    return p;
  }

  @Test
  void aBearerHeaderOpensTheStream(Vertx vertx) {
    try (WsProbe p = awaitHeartbeat(WsProbe.connect(vertx, ws().putHeader("Authorization", "Bearer reader")))) {
      assertTrue(!p.isClosed());
    }
  }

  @Test
  void aReadOnlyUiPrincipalMayStream(Vertx vertx) {
    try (WsProbe p = awaitHeartbeat(WsProbe.connect(vertx, ws().putHeader("Authorization", "Bearer ui")))) {
      assertTrue(!p.isClosed());
    }
  }

  @Test
  void aBadHeaderTokenIs401AtTheUpgrade(Vertx vertx) {
    Throwable refused = WsProbe.refusal(vertx, ws().putHeader("Authorization", "Bearer wrong"));
    assertTrue(refused != null && refused.getMessage().contains("401"), String.valueOf(refused));
    HttpResponse<Buffer> r = http.get(gateway.port(), "127.0.0.1", "/api/v1/events")
        .putHeader("Accept", "text/event-stream").putHeader("Authorization", "Bearer wrong").send().await();
    assertEquals(401, r.statusCode());
    assertTrue(r.getHeader("WWW-Authenticate").startsWith("Bearer"));
    assertEquals(Problem.CONTENT_TYPE, r.getHeader("Content-Type"));
    assertTrue(!r.bodyAsString().contains("wrong"), "the token is never echoed");
    Throwable basic = WsProbe.refusal(vertx, ws().putHeader("Authorization", "Basic dTpw"));
    assertTrue(basic != null && basic.getMessage().contains("401"), String.valueOf(basic));
  }

  @Test
  void credentialsWithoutEventsReadAre403(Vertx vertx) {
    Throwable refused = WsProbe.refusal(vertx, ws().putHeader("Authorization", "Bearer metrics-only"));
    assertTrue(refused != null && refused.getMessage().contains("403"), String.valueOf(refused));
    try (WsProbe p = WsProbe.connect(vertx, ws())) {
      p.send(new JsonObject().put("type", "auth").put("token", "metrics-only"));
      p.awaitClosed(Duration.ofSeconds(5));
      assertEquals(CloseCodes.FORBIDDEN, p.closeCode());
    }
  }

  @Test
  void theSubprotocolPairAuthenticatesAndOnlyKrishivV1IsAnswered(Vertx vertx) {
    try (WsProbe p = awaitHeartbeat(WsProbe.connect(vertx, ws().addSubProtocol("krishiv.v1")
        .addSubProtocol("krishiv.bearer.reader")))) {
      assertEquals("krishiv.v1", p.socket().subProtocol());
    }
    Throwable refused = WsProbe.refusal(vertx, ws().addSubProtocol("krishiv.v1").addSubProtocol("krishiv.bearer.x"));
    assertTrue(refused != null && refused.getMessage().contains("401"), String.valueOf(refused));
  }

  @Test
  void aFirstAuthFrameAuthenticatesAnUpgradeWithoutCredentials(Vertx vertx) {
    try (WsProbe p = WsProbe.connect(vertx, ws().putHeader("Origin", "http://localhost:5173"))) {
      assertTrue(p.frames().isEmpty(), "nothing is streamed before authentication");
      p.send(new JsonObject().put("type", "auth").put("token", "reader"));
      awaitHeartbeat(p);
    }
  }

  @Test
  void withoutCredentialsOrAnAuthFrameTheSocketIsClosedAfterTheDeadline(Vertx vertx) {
    long t0 = System.nanoTime();
    try (WsProbe p = WsProbe.connect(vertx, ws().setURI("/api/v1/events?access_token=reader"))) {
      p.awaitClosed(Duration.ofSeconds(5));
      assertEquals(CloseCodes.UNAUTHORIZED, p.closeCode(), "a token in the URL is ignored");
      assertTrue(p.closeReason().startsWith("authentication required"), p.closeReason());
      assertTrue(p.events().isEmpty() && p.frames("heartbeat").isEmpty());
      assertTrue(Duration.ofNanos(System.nanoTime() - t0).toMillis() >= 500, "closed at the deadline, not before");
    }
    HttpResponse<Buffer> sse = http.get(gateway.port(), "127.0.0.1", "/api/v1/events?access_token=reader")
        .putHeader("Accept", "text/event-stream").send().await();
    assertEquals(401, sse.statusCode(), "SSE has no first frame: credentials go in the header");
  }

  @Test
  void anUpgradeWithoutCredentialsFromAForeignOriginIs403(Vertx vertx) {
    Throwable refused = WsProbe.refusal(vertx, ws().putHeader("Origin", "https://evil.example"));
    assertTrue(refused != null && refused.getMessage().contains("403"), String.valueOf(refused));
    String sameHost = "http://127.0.0.1:" + gateway.port();
    try (WsProbe p = WsProbe.connect(vertx, ws().putHeader("Origin", sameHost))) {
      p.send(new JsonObject().put("type", "auth").put("token", "reader"));
      awaitHeartbeat(p);
    }
    try (WsProbe p = awaitHeartbeat(WsProbe.connect(vertx, ws().putHeader("Origin", "https://evil.example")
        .putHeader("Authorization", "Bearer reader")))) {
      assertNull(p.closeCode(), "credentials in the upgrade do not depend on the Origin");
    }
  }

  @Test
  void aPrincipalThatExpiresMidStreamIsClosedWith4401(Vertx vertx) {
    String token = "short-" + TOKENS.incrementAndGet();
    auth.grantUntil(token, READER, System.currentTimeMillis() + 800);
    try (WsProbe p = awaitHeartbeat(WsProbe.connect(vertx, ws().putHeader("Authorization", "Bearer " + token)))) {
      p.awaitClosed(Duration.ofSeconds(4));
      assertEquals(CloseCodes.UNAUTHORIZED, p.closeCode());
      assertEquals("credentials expired", p.closeReason());
    }
    String sseToken = "short-" + TOKENS.incrementAndGet();
    auth.grantUntil(sseToken, READER, System.currentTimeMillis() + 800);
    try (SseProbe sse = SseProbe.open(vertx, gateway.port(), "/api/v1/events",
        MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer " + sseToken))) {
      SseProbe.Record close = sse.awaitRecords("close", 1).get(0);
      assertEquals(4401, close.data().getInteger("code"));
      sse.awaitEnded(Duration.ofSeconds(3));
    }
  }

  @Test
  void aTokenRemovedByRotationEndsItsStreamsWithinSeconds(Vertx vertx) {
    String token = "rotating-" + TOKENS.incrementAndGet();
    auth.grant(token, READER);
    try (WsProbe p = awaitHeartbeat(WsProbe.connect(vertx, ws().putHeader("Authorization", "Bearer " + token)))) {
      auth.revoke(token);
      p.awaitClosed(Duration.ofSeconds(3));
      assertEquals(CloseCodes.UNAUTHORIZED, p.closeCode());
      assertEquals("credentials revoked", p.closeReason());
    }
    Await.until("all slots released", Duration.ofSeconds(5), () -> gateway.stream().connections() == 0);
  }
}
