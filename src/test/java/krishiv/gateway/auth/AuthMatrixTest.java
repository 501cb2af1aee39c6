package krishiv.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
import java.util.stream.Stream;
import krishiv.gateway.Gateway;
import krishiv.gateway.config.ConfigLoader;
import krishiv.gateway.config.GatewayConfig;
import krishiv.gateway.http.Problem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * The auth matrix: every protected route present now, against every kind of credential, on one production
 * gateway configured with every source at once. Also proves that no log line names a token.
 */
@ExtendWith(VertxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthMatrixTest {
  private static final String ISSUER = "https://issuer.test";
  private static final String AUDIENCE = "krishiv-gateway";

  @TempDir
  static Path dir;

  private static final String INLINE = "inline-" + random(24);
  private static final String LISTED = "listed-" + random(24);
  private static final String BASE64 = base64WithPlusSlashEquals();
  private static final String FILE_ONE = "file-one-" + random(24);
  private static final String FILE_MANY_A = "file-many-a-" + random(24);
  private static final String FILE_MANY_B = "file-many-b-" + random(24);
  private static final String UI = "ui-" + random(24);
  private static final String SECRET = Base64.getEncoder().encodeToString(randomBytes(32));
  private static final KeyPair RSA = JwtMinter.rsaKeyPair();
  private static final KeyPair EC = JwtMinter.ecKeyPair();

  private static Gateway gateway;
  private static WebClient client;
  private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
  private static final List<String> SECRETS = new ArrayList<>();

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    Path one = Files.writeString(dir.resolve("token"), FILE_ONE + "\n");
    Path many = Files.writeString(dir.resolve("tokens"), FILE_MANY_A + ",\n" + FILE_MANY_B + "\n\n");
    Path pem = Files.writeString(dir.resolve("rsa.pub.pem"), JwtMinter.pem(RSA.getPublic()));
    Path jwks = Files.writeString(dir.resolve("jwks.json"),
        JwtMinter.jwks(JwtMinter.ecJwk((ECPublicKey) EC.getPublic(), "ec-1")).encodePrettily());
    Map<String, String> env = new HashMap<>();
    env.put(AuthEnv.PRODUCTION, "yes");
    env.put(AuthEnv.COORDINATOR_TOKEN, INLINE);
    env.put(AuthEnv.COORDINATOR_TOKENS, LISTED + ", " + BASE64 + "\n");
    env.put(AuthEnv.COORDINATOR_TOKEN_FILE, one.toString());
    env.put(AuthEnv.COORDINATOR_TOKENS_FILE, many.toString());
    env.put(AuthEnv.UI_TOKEN, UI);
    env.put(AuthEnv.JWT_SECRET, SECRET);
    env.put(AuthEnv.JWT_PUBLIC_KEY_FILE, pem.toString());
    env.put(AuthEnv.JWKS_FILE, jwks.toString());
    env.put("KRISHIV_GATEWAY_JWT_ISSUER", ISSUER);
    env.put("KRISHIV_GATEWAY_JWT_AUDIENCE", AUDIENCE + ",other-audience");
    SECRETS.addAll(List.of(INLINE, LISTED, BASE64, FILE_ONE, FILE_MANY_A, FILE_MANY_B, UI, SECRET));

    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ((Logger) LoggerFactory.getLogger("krishiv.gateway")).setLevel(Level.DEBUG);
    LOGS.start();
    root.addAppender(LOGS);

    // The same environment map feeds the configuration and the auth model, as in `krishiv serve`.
    GatewayConfig config = ConfigLoader.load(null, env, Map.of("http.port", "0"));
    gateway = Gateway.start(vertx, config, env).await();
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOGS);
    ((Logger) LoggerFactory.getLogger("krishiv.gateway")).setLevel(null);
    if (gateway != null) {
      gateway.stop().await();
    }
  }

  /** What a request with given credentials should get on a protected route. */
  enum Outcome { ALLOWED, UNAUTHENTICATED, INVALID_TOKEN, FORBIDDEN }

  static Stream<Arguments> credentials() {
    long now = System.currentTimeMillis() / 1000;
    JsonObject good = JwtMinter.claims(ISSUER, AUDIENCE, "status:read");
    byte[] rsaPemBytes = JwtMinter.pem(RSA.getPublic()).getBytes(StandardCharsets.UTF_8);
    String hs = JwtMinter.hs256(SECRET, good);
    List<Arguments> a = new ArrayList<>();
    a.add(Arguments.of("no Authorization header", null, Outcome.UNAUTHENTICATED));
    a.add(Arguments.of("Basic credentials", "Basic dXNlcjpwYXNz", Outcome.UNAUTHENTICATED));
    a.add(Arguments.of("unknown token", "Bearer not-a-configured-token", Outcome.INVALID_TOKEN));
    a.add(Arguments.of("unknown base64 token (Vert.x would answer 400)", "Bearer " + base64WithPlusSlashEquals(),
        Outcome.INVALID_TOKEN));
    a.add(Arguments.of("token with a space", "Bearer " + INLINE + " x", Outcome.INVALID_TOKEN));
    a.add(Arguments.of("empty bearer", "Bearer ", Outcome.INVALID_TOKEN));
    a.add(Arguments.of("a prefix of a configured token", "Bearer " + INLINE.substring(0, 10), Outcome.INVALID_TOKEN));
    a.add(Arguments.of(AuthEnv.COORDINATOR_TOKEN, "Bearer " + INLINE, Outcome.ALLOWED));
    a.add(Arguments.of("scheme in lower case", "bearer " + INLINE, Outcome.ALLOWED));
    a.add(Arguments.of("scheme in upper case", "BEARER " + INLINE, Outcome.ALLOWED));
    a.add(Arguments.of(AuthEnv.COORDINATOR_TOKENS, "Bearer " + LISTED, Outcome.ALLOWED));
    a.add(Arguments.of("base64 token with +/= (openssl rand -base64 32)", "Bearer " + BASE64, Outcome.ALLOWED));
    a.add(Arguments.of(AuthEnv.COORDINATOR_TOKEN_FILE, "Bearer " + FILE_ONE, Outcome.ALLOWED));
    a.add(Arguments.of(AuthEnv.COORDINATOR_TOKENS_FILE + " (first)", "Bearer " + FILE_MANY_A, Outcome.ALLOWED));
    a.add(Arguments.of(AuthEnv.COORDINATOR_TOKENS_FILE + " (second)", "Bearer " + FILE_MANY_B, Outcome.ALLOWED));
    a.add(Arguments.of("UI token (reads are allowed)", "Bearer " + UI, Outcome.ALLOWED));
    a.add(Arguments.of("JWT HS256", "Bearer " + hs, Outcome.ALLOWED));
    a.add(Arguments.of("JWT RS256 (PEM)", "Bearer " + JwtMinter.rs256(RSA.getPrivate(), null, good), Outcome.ALLOWED));
    a.add(Arguments.of("JWT ES256 (JWKS, kid)", "Bearer " + JwtMinter.es256(EC.getPrivate(), "ec-1", good),
        Outcome.ALLOWED));
    a.add(Arguments.of("JWT scp array", "Bearer " + JwtMinter.hs256(SECRET, JwtMinter.claims(ISSUER, AUDIENCE, null)
        .put("scp", new JsonArray().add("events:read").add("status:read"))), Outcome.ALLOWED));
    a.add(Arguments.of("JWT scp string", "Bearer " + JwtMinter.hs256(SECRET, JwtMinter.claims(ISSUER, AUDIENCE, null)
        .put("scp", "status:read metrics:read")), Outcome.ALLOWED));
    a.add(Arguments.of("JWT second configured audience", "Bearer " + JwtMinter.hs256(SECRET,
        JwtMinter.claims(ISSUER, null, "status:read").put("aud", new JsonArray().add("x").add("other-audience"))),
        Outcome.ALLOWED));
    a.add(Arguments.of("JWT expired 10 s ago (within the 30 s leeway)", "Bearer " + JwtMinter.hs256(SECRET,
        good.copy().put("exp", now - 10)), Outcome.ALLOWED));
    a.add(Arguments.of("JWT expired", "Bearer " + JwtMinter.hs256(SECRET, good.copy().put("iat", now - 600)
        .put("exp", now - 120)), Outcome.INVALID_TOKEN));
    a.add(Arguments.of("JWT not yet valid", "Bearer " + JwtMinter.hs256(SECRET, good.copy().put("nbf", now + 120)),
        Outcome.INVALID_TOKEN));
    a.add(Arguments.of("JWT wrong issuer", "Bearer " + JwtMinter.hs256(SECRET,
        JwtMinter.claims("https://evil.test", AUDIENCE, "status:read")), Outcome.INVALID_TOKEN));
    a.add(Arguments.of("JWT without issuer", "Bearer " + JwtMinter.hs256(SECRET,
        JwtMinter.claims(null, AUDIENCE, "status:read")), Outcome.INVALID_TOKEN));
    a.add(Arguments.of("JWT wrong audience", "Bearer " + JwtMinter.hs256(SECRET,
        JwtMinter.claims(ISSUER, "someone-else", "status:read")), Outcome.INVALID_TOKEN));
    a.add(Arguments.of("JWT without audience", "Bearer " + JwtMinter.hs256(SECRET,
        JwtMinter.claims(ISSUER, null, "status:read")), Outcome.INVALID_TOKEN));
    a.add(Arguments.of("JWT alg none", "Bearer " + JwtMinter.unsigned(good), Outcome.INVALID_TOKEN));
    a.add(Arguments.of("JWT HS256 signed with the RSA public key PEM", "Bearer " + JwtMinter.hs256(rsaPemBytes, good),
        Outcome.INVALID_TOKEN));
    a.add(Arguments.of("JWT HS256 signed with the RSA public key DER", "Bearer " + JwtMinter.hs256(
        RSA.getPublic().getEncoded(), good), Outcome.INVALID_TOKEN));
    a.add(Arguments.of("JWT RS256 signed by another key", "Bearer " + JwtMinter.rs256(JwtMinter.rsaKeyPair()
        .getPrivate(), null, good), Outcome.INVALID_TOKEN));
    a.add(Arguments.of("JWT with a tampered payload", "Bearer " + tamper(hs), Outcome.INVALID_TOKEN));
    a.add(Arguments.of("JWT ES256 with an unknown kid", "Bearer " + JwtMinter.es256(JwtMinter.ecKeyPair()
        .getPrivate(), "ec-2", good), Outcome.INVALID_TOKEN));
    a.add(Arguments.of("JWT lacking status:read", "Bearer " + JwtMinter.hs256(SECRET,
        JwtMinter.claims(ISSUER, AUDIENCE, "metrics:read events:read")), Outcome.FORBIDDEN));
    a.add(Arguments.of("JWT without any scope", "Bearer " + JwtMinter.hs256(SECRET,
        JwtMinter.claims(ISSUER, AUDIENCE, null)), Outcome.FORBIDDEN));
    a.add(Arguments.of("JWT with an unknown scope only", "Bearer " + JwtMinter.rs256(RSA.getPrivate(), null,
        JwtMinter.claims(ISSUER, AUDIENCE, "status:read:all admin")), Outcome.FORBIDDEN));
    return a.stream();
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource("credentials")
  void everyProtectedRouteAnswersAsTheCredentialsAllow(String name, String authorization, Outcome outcome) {
    List<Executable> checks = new ArrayList<>();
    ProtectedRoutes.AUTHORISED_STATUS.forEach((route, allowedStatus) -> checks.add(() -> {
      HttpResponse<Buffer> r = get(route, authorization);
      String where = name + " on " + route;
      switch (outcome) {
        case ALLOWED:
          assertEquals(allowedStatus, r.statusCode(), where);
          break;
        case UNAUTHENTICATED:
          assertProblem(r, 401, where);
          assertEquals("Bearer realm=\"krishiv-gateway\"", r.getHeader("WWW-Authenticate"), where);
          break;
        case INVALID_TOKEN:
          assertProblem(r, 401, where);
          assertEquals("Bearer realm=\"krishiv-gateway\", error=\"invalid_token\"", r.getHeader("WWW-Authenticate"),
              where);
          break;
        case FORBIDDEN:
          assertProblem(r, 403, where);
          assertEquals("Bearer realm=\"krishiv-gateway\", error=\"insufficient_scope\", scope=\"status:read\"",
              r.getHeader("WWW-Authenticate"), where);
          break;
        default:
          throw new AssertionError(outcome);
      }
      if (authorization != null && outcome != Outcome.ALLOWED) {
        String token = authorization.substring(authorization.indexOf(' ') + 1);
        assertFalse(!token.isBlank() && r.bodyAsString().contains(token), where + ": the body names the token");
      }
    }));
    assertAll(name, checks);
  }

  @Order(2)
  @Test
  void healthzNeedsNoCredentialsAndIgnoresBadOnes() {
    for (String authorization : new String[] {null, "Bearer not-a-configured-token", "Basic eDp5"}) {
      HttpResponse<Buffer> r = get("/healthz", authorization);
      assertEquals(200, r.statusCode(), String.valueOf(authorization));
      assertEquals("ok", r.bodyAsString());
    }
  }

  @Order(3)
  @Test
  void aTokenInTheQueryStringDoesNotAuthenticate() {
    for (String param : new String[] {"access_token", "token", "bearer"}) {
      assertProblem(get("/api/v1/jobs?" + param + "=" + INLINE, null), 401, param);
    }
  }

  @Order(4)
  @Test
  void authenticationComesBeforeRequestValidation() {
    // An unauthenticated request with a bad parameter learns nothing about the parameter: 401, not 400.
    assertProblem(get("/api/v1/jobs?limit=100000", null), 401, "bad limit without token");
    assertProblem(get("/api/v1/jobs?limit=100000", "Bearer " + INLINE), 400, "bad limit with token");
  }

  @Order(5)
  @Test
  void twoAuthorizationHeadersAreRefused() {
    HttpResponse<Buffer> r = client.get(gateway.port(), "127.0.0.1", "/api/v1/jobs")
        .putHeader("Authorization", List.of("Bearer " + INLINE, "Bearer " + UI)).send().await();
    assertProblem(r, 401, "two headers");
    assertEquals("Bearer realm=\"krishiv-gateway\", error=\"invalid_request\"", r.getHeader("WWW-Authenticate"));
  }

  @Order(100)
  @Test
  void noLogLineNamesATokenOrSecret() {
    assertFalse(LOGS.list.isEmpty(), "the matrix ran with debug logging of krishiv.gateway");
    for (ILoggingEvent e : LOGS.list) {
      String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
      for (String secret : SECRETS) {
        assertFalse(line.contains(secret), () -> "log line names a credential: " + e.getLoggerName());
      }
      assertFalse(line.contains("eyJ"), () -> "log line names a JWT: " + e.getLoggerName());
    }
  }

  /** Savepoint and cancel need jobs:write: the UI token and read-only JWTs are refused, coordinator tokens pass. */
  @Order(2)
  @Test
  void writeRoutesNeedJobsWrite() {
    JsonObject readOnly = JwtMinter.claims(ISSUER, AUDIENCE, "status:read metrics:read events:read");
    JsonObject writer = JwtMinter.claims(ISSUER, AUDIENCE, "status:read jobs:write");
    List<Executable> checks = new ArrayList<>();
    ProtectedRoutes.WRITE_ROUTES.forEach((route, allowed) -> {
      checks.add(() -> assertProblem(post(route, null), 401, "no token on " + route));
      checks.add(() -> {
        HttpResponse<Buffer> r = post(route, "Bearer " + UI);
        assertProblem(r, 403, "UI token on " + route);
        assertEquals("Bearer realm=\"krishiv-gateway\", error=\"insufficient_scope\", scope=\"jobs:write\"",
            r.getHeader("WWW-Authenticate"));
      });
      checks.add(() -> assertProblem(post(route, "Bearer " + JwtMinter.hs256(SECRET, readOnly)), 403,
          "read-only JWT on " + route));
      checks.add(() -> assertEquals(allowed, post(route, "Bearer " + INLINE).statusCode(), "coordinator token"));
      checks.add(() -> assertEquals(allowed, post(route, "Bearer " + JwtMinter.hs256(SECRET, writer)).statusCode(),
          "jobs:write JWT on " + route));
    });
    assertAll("write routes", checks);
  }

  private static HttpResponse<Buffer> post(String uri, String authorization) {
    HttpRequest<Buffer> req = client.post(gateway.port(), "127.0.0.1", uri);
    if (authorization != null) {
      req.putHeader("Authorization", authorization);
    }
    return req.send().await();
  }

  private static HttpResponse<Buffer> get(String uri, String authorization) {
    HttpRequest<Buffer> req = client.get(gateway.port(), "127.0.0.1", uri);
    if (authorization != null) {
      req.putHeader("Authorization", authorization);
    }
    return req.send().await();
  }

  static void assertProblem(HttpResponse<Buffer> r, int status, String where) {
    assertEquals(status, r.statusCode(), where);
    assertEquals(Problem.CONTENT_TYPE, r.getHeader("Content-Type"), where);
    Problem p = Problem.fromJson(r.bodyAsJsonObject());
    assertEquals(status, p.status(), where);
    assertNotNull(p.detail(), where);
    assertTrue(!p.detail().contains("Signature") && !p.detail().contains("JWT "), where + ": " + p.detail());
  }

  private static String tamper(String jwt) {
    String[] parts = jwt.split("\\.");
    JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    claims.put("scope", "status:read jobs:write");
    return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.toBuffer().getBytes())
        + "." + parts[2];
  }

  static String random(int bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : randomBytes(bytes)) {
      sb.append(String.format("%02x", b));
    }
    return sb.toString();
  }

  static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new java.security.SecureRandom().nextBytes(b);
    return b;
  }

  /** What {@code openssl rand -base64 32} prints, drawn until it shows all of + / and =. */
  static String base64WithPlusSlashEquals() {
    while (true) {
      String s = Base64.getEncoder().encodeToString(randomBytes(32));
      if (s.contains("+") && s.contains("/") && s.endsWith("=")) {
        return s;
      }
    }
  }
}
