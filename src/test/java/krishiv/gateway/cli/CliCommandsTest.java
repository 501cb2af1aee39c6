package krishiv.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import krishiv.gateway.Gateway;
import krishiv.gateway.agent.ExecutorAgent;
import krishiv.gateway.agent.ExecutorStatus;
import krishiv.gateway.bus.CommandOps;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.config.GatewayConfig;
import krishiv.gateway.testing.Await;
import krishiv.gateway.testing.FakeCoordinator;
import krishiv.gateway.testing.TestJobs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each client command against a gateway started in the test: tables for people, the REST body for scripts. */
@ExtendWith(VertxExtension.class)
class CliCommandsTest {
  static Gateway gateway;
  static FakeCoordinator coordinator;
  static WebClient http;
  static CliRunner cli;

  @BeforeAll
  static void start(Vertx vertx) {
    List<JobInfo> jobs = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      jobs.add(TestJobs.job("job-" + i, i == 5 ? "succeeded" : "running", i * 1000L, 2, "running"));
    }
    coordinator = new FakeCoordinator(vertx).withJobs(jobs)
        .onCommand(CommandOps.SAVEPOINT, m -> m.reply(new JsonObject().put("job_id", m.body().getString("job_id"))
            .put("label", m.body().getString("label")).put("epoch", 12).put("message", "scheduled")))
        .onCommand(CommandOps.CANCEL, m -> m.reply(new JsonObject().put("job_id", m.body().getString("job_id"))
            .put("cancelled", true)))
        .onCommand(CommandOps.INSPECT_STATE, m -> m.reply(new JsonObject().put("job_id", "job-1")
            .put("operator_id", "agg").put("snapshots", new JsonArray()
                .add(new JsonObject().put("task_id", 0).put("snapshot_path", "s3://ck/1/agg/0")))));
    coordinator.start().await();
    gateway = Gateway.start(vertx, GatewayConfig.defaults().with(Map.of("http.port", "0"))).await();
    ExecutorAgent agent = ExecutorAgent.onEventBus(vertx, Duration.ofSeconds(30));
    agent.register("exec-1", () -> ExecutorStatus.idle("host-1", 4, 8, 1L << 30));
    agent.register("exec-2", () -> ExecutorStatus.idle("host-2", 4, 8, 1L << 30));
    Await.until("view", Duration.ofSeconds(10), () -> gateway.view().snapshot().jobs().size() == 5
        && gateway.view().snapshot().executorCount() == 2);
    http = WebClient.create(vertx);
    cli = new CliRunner().env("KRISHIV_GATEWAY_URL", gateway.url()).env("COLUMNS", "100");
  }

  @AfterAll
  static void stop() {
    http.close();
    gateway.stop().await();
    coordinator.stop().await();
  }

  static JsonObject rest(String uri) {
    return http.get(gateway.port(), "127.0.0.1", uri).send().await().bodyAsJsonObject();
  }

  static CliRunner.Result ok(String... args) {
    CliRunner.Result r = cli.run(args);
    assertEquals(0, r.code(), "exit code of " + String.join(" ", args) + "; stderr: " + r.err());
    return r;
  }

  @Test
  void jobsPrintsKrishivsColumns() {
    String[] lines = ok("jobs").out().split("\n");
    assertTrue(lines[0].matches("ID\\s+STATE\\s+NAME"), lines[0]);
    assertTrue(lines[1].startsWith("job-5") && lines[1].contains("succeeded"), lines[1]);
    assertEquals(6, lines.length);
    String header = ok("jobs", "--distributed").out().split("\n")[0];
    assertTrue(header.matches("JOB\\s+STATE\\s+STAGES\\s+TASKS\\s+ASSIGNED\\s+RUNNING\\s+SUCCEEDED\\s+FAILED"), header);
  }

  @Test
  void jsonOutputIsExactlyTheRestBody() {
    assertEquals(rest("/api/v1/jobs"), new JsonObject(ok("-o", "json", "jobs").out()));
    assertEquals(rest("/api/v1/jobs?state=running"), new JsonObject(ok("jobs", "--json", "--state", "running").out()),
        "global options are accepted after the subcommand too");
    assertEquals(rest("/api/v1/jobs/job-2"), new JsonObject(ok("job", "job-2", "-o", "json").out()));
    assertTrue(ok("-o", "yaml", "jobs").out().contains("job_id: job-5"));
  }

  @Test
  void allFollowsThePagination() {
    JsonObject all = new JsonObject(ok("jobs", "--all", "--limit", "2", "-o", "json").out());
    assertEquals(5, all.getJsonArray("jobs").size(), "three pages of two");
    assertEquals(5, all.getInteger("total"));
    CliRunner.Result page = ok("jobs", "--limit", "2");
    assertTrue(page.err().contains("2 of 5 jobs"), page.err());
  }

  @Test
  void jobExecutorsAndStateTables() {
    String job = ok("job", "job-1").out();
    assertTrue(job.contains("STAGE") && job.contains("TASK") && job.contains("exec-0"), job);
    String[] ex = ok("executors").out().split("\n");
    assertTrue(ex[0].matches("ID\\s+STATE\\s+SLOTS\\s+HEARTBEAT\\s+LOST\\s+HOST"), ex[0]);
    assertTrue(ex[1].startsWith("exec-1") && ex[1].contains("healthy") && ex[1].contains("0/4"), ex[1]);
    assertEquals(2, new JsonObject(ok("executors", "-o", "json").out()).getJsonArray("executors").size());
    String state = ok("state", "inspect", "--job", "job-1", "--operator", "agg").out();
    assertTrue(state.startsWith("TASK") && state.contains("SNAPSHOT PATH") && state.contains("s3://ck/1/agg/0"),
        state);
  }

  @Test
  void savepointCancelAndReports() {
    String sp = ok("savepoint", "--job", "job-1", "--label", "pre-upgrade").out();
    assertTrue(sp.contains("epoch 12") && sp.contains("pre-upgrade"), sp);
    assertTrue(ok("cancel", "--job", "job-2").out().contains("job-2 cancelled"));
    JsonObject report = new JsonObject(ok("report").out());
    assertEquals(5, report.getJsonArray("jobs").size());
    assertEquals("job-3", new JsonObject(ok("report", "--job", "job-3").out()).getJsonObject("job").getString("job_id"));
  }

  @Test
  void healthAndClusterStatus() {
    CliRunner.Result h = ok("health");
    assertTrue(h.out().contains("ready  yes") && h.out().contains("view"), h.out());
    JsonObject status = new JsonObject(ok("cluster", "status", "-o", "json").out());
    assertEquals(gateway.url(), status.getJsonObject("gateway").getString("url"));
    assertEquals(gateway.view().epoch(), status.getJsonObject("gateway").getString("epoch"));
    assertEquals(true, status.getJsonObject("gateway").getBoolean("ready"));
    assertEquals(FakeCoordinator.ID, status.getJsonObject("coordinator").getString("id"));
    assertEquals(2, status.getJsonObject("executors").getJsonObject("by_state").getInteger("healthy"));
    assertEquals(8, status.getJsonObject("executors").getInteger("slots_total"));
    assertEquals(5, status.getJsonObject("jobs").getInteger("total"));
    assertEquals(new JsonArray(), status.getJsonArray("members"));
    assertTrue(ok("cluster", "status").out().contains("executors    2"));
  }

  @Test
  void errorsNameTheirCauseWithKrishivsExitCodes() {
    CliRunner.Result usage = cli.run("jobs", "--no-such-flag");
    assertEquals(2, usage.code());
    CliRunner.Result missing = cli.run("job", "nope");
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("no such job nope"), missing.err());
    assertEquals("", missing.out(), "errors go to stderr only");
    CliRunner.Result down = new CliRunner().run("--gateway", "http://127.0.0.1:1", "jobs");
    assertEquals(1, down.code());
    assertTrue(down.err().contains("gateway unreachable at http://127.0.0.1:1"), down.err());
    assertEquals(2, cli.run("--gateway", "not a url", "jobs").code());
  }

  @Test
  void helpVersionAndCompletion() {
    assertTrue(ok("--help").out().contains("savepoint"));
    assertTrue(ok("jobs", "--help").out().contains("Examples:"));
    assertTrue(ok("--version").out().startsWith("krishiv-gateway "));
    assertTrue(ok("completion", "bash").out().contains("complete -F"));
  }
}
