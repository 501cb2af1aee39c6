package krishiv.gateway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import krishiv.gateway.bus.BusAddresses;
import krishiv.gateway.bus.message.Heartbeat;
import krishiv.gateway.bus.message.JobInfo;
import org.junit.jupiter.api.Test;

/**
 * The same seed and the same virtual clock give the identical sequence of bus messages, control operations and
 * command replies included; another seed gives another sequence.
 */
class SimulatedClusterDeterminismTest {
  static final long SIMULATED_MS = 60_000;

  @Test
  void sameSeedGivesTheIdenticalMessageSequence() {
    List<CapturingPublisher.Captured> first = run(42);
    List<CapturingPublisher.Captured> second = run(42);
    assertTrue(first.size() > 500, "only " + first.size() + " messages");
    assertEquals(first.size(), second.size());
    for (int i = 0; i < first.size(); i++) {
      assertEquals(first.get(i), second.get(i), "message " + i);
    }
  }

  @Test
  void anotherSeedGivesAnotherSequence() {
    assertNotEquals(run(42), run(7));
  }

  @Test
  void incarnationsComeFromTheSeed() {
    Set<String> first = incarnations(run(42));
    assertTrue(first.size() > 8, "restarts should add incarnations: " + first);
    assertEquals(first, incarnations(run(42)));
    assertNotEquals(first, incarnations(run(7)));
  }

  @Test
  void virtualTimeIsTheOnlyTimeInTheMessages() {
    for (CapturingPublisher.Captured c : run(42)) {
      Object sent = c.body().getValue("sent_at_ms");
      if (sent != null) {
        assertTrue(((Number) sent).longValue() <= SIMULATED_MS, c.json());
      }
    }
  }

  /** A run with a few control operations and commands at fixed times, whose replies are recorded too. */
  private static List<CapturingPublisher.Captured> run(long seed) {
    CapturingPublisher published = new CapturingPublisher();
    SimulatedCluster cluster = new SimulatedCluster(SimOptions.defaults().withSeed(seed), published, 0);
    CoordinatorCommands commands = new CoordinatorCommands(cluster);
    SimControl control = new SimControl(cluster);
    for (long t = 0; t <= SIMULATED_MS; t += 100) {
      cluster.step(t);
      if (t == 5_000) {
        record(published, "sync", commands.handle(new JsonObject().put("v", 1).put("op", "sync")));
        record(published, "pause", control.handle(SimControl.request(SimControl.PAUSE_EXECUTOR)
            .put("executor_id", cluster.executorIds().get(1))));
      }
      if (t == 8_000) {
        record(published, "restart", control.handle(SimControl.request(SimControl.RESTART_EXECUTOR)
            .put("executor_id", cluster.executorIds().get(1))));
        record(published, "submit", control.handle(SimControl.request(SimControl.SUBMIT_JOB).put("kind", "streaming")
            .put("namespace", "ml").put("stages", 2).put("tasks_per_stage", 2)));
      }
      if (t == 20_000) {
        cluster.jobs().stream().filter(j -> "streaming".equals(j.kind()) && !j.isTerminal()).map(JobInfo::jobId)
            .findFirst().ifPresent(id -> record(published, "savepoint", commands.handle(
                new JsonObject().put("v", 1).put("op", "savepoint").put("job_id", id).put("label", "sp-20s"))));
      }
    }
    return published.messages;
  }

  private static void record(CapturingPublisher published, String what, JsonObject reply) {
    published.publish("reply:" + what, reply);
  }

  private static Set<String> incarnations(List<CapturingPublisher.Captured> messages) {
    Set<String> out = new LinkedHashSet<>();
    for (CapturingPublisher.Captured c : messages) {
      if (c.address().equals(BusAddresses.EXECUTOR_HEARTBEAT)) {
        out.add(Heartbeat.fromJson(c.body()).incarnation());
      }
    }
    return out;
  }
}
