package krishiv.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import krishiv.gateway.Gateway;
import krishiv.gateway.bus.CommandOps;
import krishiv.gateway.config.GatewayConfig;
import krishiv.gateway.testing.Await;
import krishiv.gateway.testing.ContractValidator;
import krishiv.gateway.testing.FakeCoordinator;
import krishiv.gateway.testing.TestJobs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Savepoint, cancel and state inspect are forwarded to the coordinator; its failures map to HTTP statuses. */
@ExtendWith(VertxExtension.class)
class CommandRoutesTest {
  static Gateway gateway;
  static WebClient http;
  static FakeCoordinator coordinator;
  static final AtomicReference<JsonObject> lastCommand = new AtomicReference<>();

  @BeforeAll
  static void start(Vertx vertx) {
    coordinator = new FakeCoordinator(vertx).withJobs(List.of(TestJobs.job("job-1", "running", 1, 2, "running"),
        TestJobs.job("job-slow", "running", 2, 1, "running"), TestJobs.job("job-done", "succeeded", 3, 1,
        "succeeded")));
    coordinator.onCommand(CommandOps.SAVEPOINT, msg -> {
      lastCommand.set(msg.body());
      if ("job-slow".equals(msg.body().getString("job_id"))) {
        return; // never answers: the gateway must time out
      }
      msg.reply(new JsonObject().put("job_id", msg.body().getString("job_id"))
          .put("label", msg.body().getString("label")).put("epoch", 8).put("message", "savepoint scheduled"));
    });
    coordinator.onCommand(CommandOps.CANCEL, msg -> {
      if ("job-done".equals(msg.body().getString("job_id"))) {
        msg.fail(409, "job-done is already succeeded");
      } else {
        msg.reply(new JsonObject().put("job_id", msg.body().getString("job_id")).put("cancelled", true));
      }
    });
    coordinator.onCommand(CommandOps.INSPECT_STATE, msg -> msg.reply(new JsonObject()
        .put("job_id", msg.body().getString("job_id")).put("operator_id", msg.body().getString("operator_id"))
        .put("snapshots", new JsonArray().add(new JsonObject().put("task_id", 0).put("snapshot_path", "s3://x/0")))));
    coordinator.start().await();
    gateway = Gateway.start(vertx, GatewayConfig.defaults().with(Map.of("http.port", "0",
        "coordinator.command-timeout", "300ms", "http.max-body-bytes", "1KiB"))).await();
    http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(gateway.port()));
    Await.until("sync", Duration.ofSeconds(5), () -> gateway.view().snapshot().jobs().size() == 3);
  }

  @AfterAll
  static void stop() {
    http.close();
    gateway.stop().await();
    coordinator.stop().await();
  }

  static HttpResponse<Buffer> post(String uri, JsonObject body) {
    HttpResponse<Buffer> r = body == null ? http.post(uri).send().await() : http.post(uri).sendJsonObject(body).await();
    return ContractValidator.get().assertValid("POST", uri, r);
  }

  @Test
  void savepointIsForwardedWithItsLabelAndAccepted() {
    HttpResponse<Buffer> r = post("/api/v1/jobs/job-1/savepoints", new JsonObject().put("label", "before-upgrade"));
    assertEquals(202, r.statusCode(), r.bodyAsString());
    JsonObject body = r.bodyAsJsonObject();
    assertEquals("before-upgrade", body.getString("label"));
    assertEquals(8, body.getInteger("epoch"));
    assertEquals("before-upgrade", lastCommand.get().getString("label"));
    assertEquals(1, lastCommand.get().getInteger("v"));
    assertEquals(202, post("/api/v1/jobs/job-1/savepoints", null).statusCode(), "the body is optional");
  }

  @Test
  void cancelIsForwardedAndTheCoordinatorsRefusalKeepsItsCode() {
    HttpResponse<Buffer> r = post("/api/v1/jobs/job-1/cancel", null);
    assertEquals(200, r.statusCode());
    assertEquals(new JsonObject().put("job_id", "job-1").put("cancelled", true), r.bodyAsJsonObject());
    HttpResponse<Buffer> refused = post("/api/v1/jobs/job-done/cancel", null);
    assertEquals(409, refused.statusCode());
    assertTrue(Problem.fromJson(refused.bodyAsJsonObject()).detail().contains("already succeeded"));
  }

  @Test
  void stateInspectIsForwarded() {
    String uri = "/api/v1/jobs/job-1/operators/agg-1/state";
    JsonObject body = ContractValidator.get().assertValid("GET", uri, http.get(uri).send().await())
        .bodyAsJsonObject();
    assertEquals("agg-1", body.getString("operator_id"));
    assertEquals("s3://x/0", body.getJsonArray("snapshots").getJsonObject(0).getString("snapshot_path"));
  }

  @Test
  void unknownJobsAre404WithoutAskingTheCoordinator() {
    lastCommand.set(null);
    assertEquals(404, post("/api/v1/jobs/nope/savepoints", new JsonObject()).statusCode());
    assertEquals(null, lastCommand.get());
    assertEquals(404, post("/api/v1/jobs/nope/cancel", null).statusCode());
  }

  @Test
  void aSlowCoordinatorIs504() {
    HttpResponse<Buffer> r = post("/api/v1/jobs/job-slow/savepoints", new JsonObject());
    assertEquals(504, r.statusCode());
    assertEquals(Problem.CONTENT_TYPE, r.getHeader("Content-Type"));
  }

  @Test
  void badBodiesAreRejected() {
    assertEquals(400, post("/api/v1/jobs/job-1/savepoints", new JsonObject().put("label", 5)).statusCode());
    assertEquals(400, post("/api/v1/jobs/job-1/savepoints", new JsonObject().put("other", "x")).statusCode());
    HttpResponse<Buffer> big = post("/api/v1/jobs/job-1/savepoints", new JsonObject().put("label", "x".repeat(2000)));
    assertEquals(413, big.statusCode());
    HttpResponse<Buffer> text = http.post("/api/v1/jobs/job-1/savepoints").putHeader("Content-Type", "text/plain")
        .sendBuffer(Buffer.buffer("label")).await();
    assertEquals(415, text.statusCode(), text.bodyAsString());
    assertEquals(405, http.delete("/api/v1/jobs/job-1").send().await().statusCode());
  }
}
