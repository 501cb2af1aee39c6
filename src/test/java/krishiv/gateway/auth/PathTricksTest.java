package krishiv.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import krishiv.gateway.Gateway;
import krishiv.gateway.config.ConfigLoader;
import krishiv.gateway.http.Problem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Path tricks never reach a handler unauthenticated and never return data. Requests go over a raw socket so the
 * request line is exactly as written (java.net.http and WebClient would normalise some of these paths).
 */
@ExtendWith(VertxExtension.class)
class PathTricksTest {
  private static final String TOKEN = "path-tricks-" + AuthMatrixTest.random(16);
  private static final String AUTH = "Authorization: Bearer " + TOKEN;
  private static Gateway gateway;

  @BeforeAll
  static void start(Vertx vertx) {
    Map<String, String> env = Map.of(AuthEnv.DURABILITY_PROFILE, "distributed-durable", AuthEnv.COORDINATOR_TOKEN,
        TOKEN);
    gateway = Gateway.start(vertx, ConfigLoader.load(null, env, Map.of("http.port", "0")), env).await();
  }

  @AfterAll
  static void stop() {
    gateway.stop().await();
  }

  /** Refused as non-canonical before routing: 400 problem+json, with or without a valid token. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "//api/v1/jobs", "/api/v1/jobs/", "/api/v1/./jobs", "/api/v1/%6Aobs", "/api/v1/%6aobs",
      "/healthz/../api/v1/jobs", "/api/v1/jobs%2f", "/api/v1/jobs%2F", "/api/v1/jobs/%2e%2e/x",
      "/api/v1/jobs/..%2fexecutors", "/api/v1/jobs/%2E", "/api/v1/jobs/job-1/..", "/api\\v1/jobs",
      "/api/v1/jobs%5cx", "/api/v1/jobs/%zz", "/api/v1/jobs/%4", "/api/v1/jobs#x", "/healthz/", "/healthz//"})
  void nonCanonicalPathsAreRefusedBeforeRouting(String path) {
    for (RawHttp.Response r : new RawHttp.Response[] {RawHttp.send(gateway.port(), "GET", path),
        RawHttp.send(gateway.port(), "GET", path, AUTH)}) {
      assertProblem(r, 400, path);
      assertTrue(Problem.fromJson(new JsonObject(r.body())).detail().contains("canonical form"), r.body());
    }
  }

  @Test
  void aDifferentlyCasedPathMatchesNoRoute() {
    assertProblem(RawHttp.send(gateway.port(), "GET", "/API/v1/jobs"), 404, "anonymous");
    assertProblem(RawHttp.send(gateway.port(), "GET", "/API/v1/jobs", AUTH), 404, "with token");
  }

  @Test
  void headAndOptionsOnProtectedRoutesReturnNoData() {
    for (String route : new String[] {"/readyz", "/api/v1/jobs", "/api/v1/executors", "/api/v1/openapi.json"}) {
      RawHttp.Response head = RawHttp.send(gateway.port(), "HEAD", route);
      assertEquals(405, head.status(), "HEAD " + route);
      assertEquals("", head.body(), "HEAD " + route);
      // A CORS preflight naming Authorization must not slip past authentication either.
      RawHttp.Response options = RawHttp.send(gateway.port(), "OPTIONS", route, "Origin: http://dash.test",
          "Access-Control-Request-Method: GET", "Access-Control-Request-Headers: authorization");
      assertProblem(options, 405, "OPTIONS " + route);
    }
  }

  @Test
  void anAbsoluteFormRequestTargetIsAuthenticatedLikeAnyOther() {
    String target = "http://127.0.0.1:" + gateway.port() + "/api/v1/jobs";
    assertProblem(RawHttp.send(gateway.port(), "GET", target), 401, "anonymous");
    assertEquals(200, RawHttp.send(gateway.port(), "GET", target, AUTH).status());
  }

  @Test
  void anAsteriskTargetGetsNoData() {
    // Vert.x answers a request target that is not a path before any handler runs (404, no data).
    assertProblem(RawHttp.send(gateway.port(), "OPTIONS", "*"), 404, "OPTIONS *");
    assertProblem(RawHttp.send(gateway.port(), "GET", "*", AUTH), 404, "GET *");
  }

  @Test
  void percentEncodingThatIsNeededStillWorks() {
    assertProblem(RawHttp.send(gateway.port(), "GET", "/api/v1/jobs/a%20b"), 401, "anonymous");
    RawHttp.Response r = RawHttp.send(gateway.port(), "GET", "/api/v1/jobs/job-%C3%A9", AUTH);
    assertProblem(r, 404, "with token");
    assertEquals("No job job-\u00e9", Problem.fromJson(new JsonObject(r.body())).detail());
  }

  @Test
  void aTokenInTheQueryStringDoesNotAuthenticate() {
    assertProblem(RawHttp.send(gateway.port(), "GET", "/api/v1/jobs?access_token=" + TOKEN), 401, "query");
  }

  private static void assertProblem(RawHttp.Response r, int status, String where) {
    assertEquals(status, r.status(), where + ": " + r.body());
    assertEquals(Problem.CONTENT_TYPE, r.header("Content-Type"), where);
    assertEquals(status, new JsonObject(r.body()).getInteger("status"), where);
    assertFalse(r.body().contains("\"jobs\"") || r.body().contains("\"executors\""), where + " returned data");
  }
}
