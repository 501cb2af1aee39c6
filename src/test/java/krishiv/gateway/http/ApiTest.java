package krishiv.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import krishiv.gateway.Gateway;
import krishiv.gateway.agent.ExecutorAgent;
import krishiv.gateway.agent.ExecutorStatus;
import krishiv.gateway.bus.BusAddresses;
import krishiv.gateway.config.GatewayConfig;
import krishiv.gateway.testing.Await;
import krishiv.gateway.testing.ContractValidator;
import krishiv.gateway.testing.FakeCoordinator;
import krishiv.gateway.testing.TestJobs;
import krishiv.gateway.view.ViewSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The API over a live gateway fed through the event bus: one gateway for the class. */
@ExtendWith(VertxExtension.class)
class ApiTest {
  static Gateway gateway;
  static WebClient http;
  static FakeCoordinator coordinator;
  static ExecutorAgent agent;

  @BeforeAll
  static void start(Vertx vertx) {
    coordinator = new FakeCoordinator(vertx).withJobs(List.of(
        TestJobs.job("job-old", "succeeded", 1_000, 2, "succeeded"),
        TestJobs.job("job-new", "running", 3_000, 3, "running"),
        TestJobs.job("job-mid", "queued", 2_000, 0, "pending")));
    coordinator.start().await();
    gateway = Gateway.start(vertx, GatewayConfig.defaults().with(Map.of("http.port", "0"))).await();
    http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(gateway.port()));
    agent = ExecutorAgent.onEventBus(vertx, Duration.ofSeconds(5));
    for (String id : List.of("exec-b", "exec-a", "exec-c")) {
      agent.register(id, () -> ExecutorStatus.idle(id + ".local", 4, 8, 1L << 30));
    }
    Await.until("executors and jobs in the view", Duration.ofSeconds(10),
        () -> gateway.view().snapshot().executorCount() == 3 && gateway.view().snapshot().jobs().size() == 3);
  }

  @AfterAll
  static void stop() {
    http.close();
    gateway.stop().await();
    coordinator.stop().await();
  }

  /** Every response this class receives is checked against the contract. */
  static HttpResponse<Buffer> get(String uri) {
    return ContractValidator.get().assertValid("GET", uri, http.get(uri).send().await());
  }

  static Problem problem(HttpResponse<Buffer> r) {
    assertEquals(Problem.CONTENT_TYPE, r.getHeader("Content-Type"));
    Problem p = Problem.fromJson(r.bodyAsJsonObject());
    assertEquals(r.statusCode(), p.status());
    return p;
  }

  @Test
  void jobsListShowsWhatTheCoordinatorPublishedNewestFirst() {
    HttpResponse<Buffer> r = get("/api/v1/jobs");
    assertEquals(200, r.statusCode());
    JsonObject body = r.bodyAsJsonObject();
    List<String> ids = body.getJsonArray("jobs").stream().map(j -> ((JsonObject) j).getString("job_id"))
        .collect(Collectors.toList());
    assertEquals(List.of("job-new", "job-mid", "job-old"), ids);
    assertEquals(3, body.getInteger("total"));
    assertEquals(100, body.getInteger("limit"), "the contract's default limit");
    JsonObject first = body.getJsonArray("jobs").getJsonObject(0);
    assertEquals(3, first.getInteger("running_task_count"));
    assertEquals(3, first.getInteger("task_count"));
    assertTrue(first.containsKey("namespace_id") && first.getValue("namespace_id") == null);
    assertTrue(body.getString("cursor").startsWith(gateway.view().epoch() + ":"));
  }

  @Test
  void jobsPaginateAndFilter() {
    JsonObject page = get("/api/v1/jobs?limit=1&offset=1").bodyAsJsonObject();
    assertEquals(1, page.getJsonArray("jobs").size());
    assertEquals("job-mid", page.getJsonArray("jobs").getJsonObject(0).getString("job_id"));
    assertEquals(3, page.getInteger("total"));
    JsonObject past = get("/api/v1/jobs?offset=10").bodyAsJsonObject();
    assertEquals(0, past.getJsonArray("jobs").size());
    assertEquals(3, past.getInteger("total"), "offset past the end: empty page, same total");
    JsonObject succeeded = get("/api/v1/jobs?state=succeeded").bodyAsJsonObject();
    assertEquals(1, succeeded.getInteger("total"));
  }

  @Test
  void oneJobHasItsStagesAndTasks() {
    JsonObject job = get("/api/v1/jobs/job-new").bodyAsJsonObject().getJsonObject("job");
    assertEquals("job-new", job.getJsonObject("summary").getString("job_id"));
    JsonArray tasks = job.getJsonArray("stages").getJsonObject(0).getJsonArray("tasks");
    assertEquals(3, tasks.size());
    assertEquals("exec-0", tasks.getJsonObject(0).getString("assigned_executor"));
  }

  @Test
  void executorsListShowsWhatTheExecutorsPublishedSortedById() {
    JsonObject body = get("/api/v1/executors").bodyAsJsonObject();
    List<String> ids = body.getJsonArray("executors").stream().map(e -> ((JsonObject) e).getString("executor_id"))
        .collect(Collectors.toList());
    assertEquals(List.of("exec-a", "exec-b", "exec-c"), ids);
    JsonObject a = body.getJsonArray("executors").getJsonObject(0);
    assertEquals("healthy", a.getString("state"));
    assertEquals("exec-a.local", a.getString("host"));
    assertEquals(4, a.getInteger("slots_total"));
    assertEquals(0, a.getInteger("lost_count"));
    assertEquals("exec-b", get("/api/v1/executors/exec-b").bodyAsJsonObject().getJsonObject("executor")
        .getString("executor_id"));
  }

  @Test
  void unknownRoutesAndIdsAreProblem404s() {
    assertEquals(404, problem(get("/api/v1/nothing-here")).status());
    Problem p = problem(get("/api/v1/jobs/no-such-job"));
    assertEquals(404, p.status());
    assertTrue(p.detail().contains("no-such-job"));
    assertEquals(404, problem(get("/api/v1/executors/nobody")).status());
  }

  @Test
  void badParametersAreProblem400sNamingTheParameter() {
    for (String bad : List.of("abc", "0", "1001", "-1")) {
      Problem p = problem(get("/api/v1/jobs?limit=" + bad));
      assertEquals(400, p.status(), bad);
      assertEquals("limit", p.errors().get(0).name(), bad);
      assertEquals("query", p.errors().get(0).in());
    }
    assertEquals("offset", problem(get("/api/v1/executors?offset=-5")).errors().get(0).name());
    assertEquals("state", problem(get("/api/v1/jobs?state=exploded")).errors().get(0).name());
  }

  @Test
  void badBusMessagesAreCountedByReasonAndChangeNothing(Vertx vertx) {
    ViewSnapshot before = gateway.view().snapshot();
    long rejectedBefore = gateway.busStats().rejectedTotal();
    vertx.eventBus().publish(BusAddresses.EXECUTOR_HEARTBEAT, new JsonObject().put("v", 1).put("executor_id", "x"));
    vertx.eventBus().publish(BusAddresses.EXECUTOR_HEARTBEAT, new JsonObject().put("v", 7));
    vertx.eventBus().publish(BusAddresses.COORDINATOR_JOBS, "{not json");
    vertx.eventBus().publish(BusAddresses.COORDINATOR_QUEUES, new JsonObject().put("v", 1)
        .put("coordinator_id", "c").put("sent_at_ms", 1).put("namespaces", new JsonArray().add(
            new JsonObject().put("namespace_id", "n").put("cpu_nanos_reserved", -1))));
    Await.until("four rejections", Duration.ofSeconds(5),
        () -> gateway.busStats().rejectedTotal() == rejectedBefore + 4);
    assertTrue(gateway.busStats().rejected(BusAddresses.EXECUTOR_HEARTBEAT, "missing_field") >= 1);
    assertTrue(gateway.busStats().rejected(BusAddresses.EXECUTOR_HEARTBEAT, "unknown_version") >= 1);
    assertTrue(gateway.busStats().rejected(BusAddresses.COORDINATOR_JOBS, "not_json") >= 1);
    assertTrue(gateway.busStats().rejected(BusAddresses.COORDINATOR_QUEUES, "negative_value") >= 1);
    ViewSnapshot after = gateway.view().snapshot();
    assertEquals(before.executors().stream().map(e -> e.executorId()).collect(Collectors.toList()),
        after.executors().stream().map(e -> e.executorId()).collect(Collectors.toList()));
    assertEquals(before.jobs(), after.jobs());
    assertEquals(before.queues(), after.queues());
  }

  @Test
  void theContractIsServedAsJsonAndEveryOperationHasAHandler() {
    HttpResponse<Buffer> r = get("/api/v1/openapi.json");
    assertEquals(200, r.statusCode());
    JsonObject doc = r.bodyAsJsonObject();
    assertEquals("3.1.0", doc.getString("openapi"));
    Set<String> ids = new TreeSet<>();
    doc.getJsonObject("paths").forEach(path -> ((JsonObject) path.getValue()).forEach(op -> {
      if (op.getValue() instanceof JsonObject && ((JsonObject) op.getValue()).containsKey("operationId")) {
        ids.add(((JsonObject) op.getValue()).getString("operationId"));
      }
    }));
    assertEquals(Operation.operationIds(), ids, "the Operation enum and the contract list the same operations");
    assertNotNull(doc.getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem"));
    assertTrue(r.bodyAsString().contains("application/problem+json"), "clients get the true media types");
  }

  @Test
  void healthAndReadiness() {
    HttpResponse<Buffer> h = get("/healthz");
    assertEquals(200, h.statusCode());
    assertEquals("ok", h.bodyAsString());
    HttpResponse<Buffer> ready = get("/readyz?verbose");
    assertEquals(200, ready.statusCode());
    JsonObject report = ready.bodyAsJsonObject();
    assertEquals("ready", report.getString("status"));
    Set<String> names = report.getJsonArray("checks").stream().map(c -> ((JsonObject) c).getString("name"))
        .collect(Collectors.toCollection(TreeSet::new));
    assertTrue(names.containsAll(Set.of("eventbus", "view", "shutdown", "coordinator")), names.toString());
    assertEquals(400, problem(get("/readyz?exclude=nonsense")).status());
    assertEquals(200, get("/readyz?exclude=view&exclude=coordinator").statusCode());
  }
}
