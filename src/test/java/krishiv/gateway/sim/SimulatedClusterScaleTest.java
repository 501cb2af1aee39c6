package krishiv.gateway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import krishiv.gateway.bus.BusAddresses;
import krishiv.gateway.bus.message.Heartbeat;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.SyncReply;
import org.junit.jupiter.api.Test;

/** The benchmark size: 10,000 executors and 1,000 jobs in place at once, built quickly and carried by sync. */
class SimulatedClusterScaleTest {
  static final int EXECUTORS = 10_000;
  static final int JOBS = 1_000;

  @Test
  void preloadedClusterIsBuiltQuicklyAndTheFirstSyncCarriesIt() {
    CapturingPublisher published = new CapturingPublisher();
    long t0 = System.nanoTime();
    SimulatedCluster cluster = new SimulatedCluster(SimOptions.defaults().withExecutors(EXECUTORS).withJobs(JOBS)
        .withPreload(true).withFreeze(true), published, 0);
    long buildMs = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(buildMs < 3_000, "building took " + buildMs + " ms");

    SyncReply sync = cluster.sync();
    assertEquals(JOBS, sync.jobs().jobs().size());
    long running = sync.jobs().jobs().stream().filter(j -> "running".equals(j.state())).count();
    assertTrue(running > JOBS * 9 / 10, running + " of " + JOBS + " jobs running");
    assertEquals(SyncReply.fromJson(sync.toJson()), sync, "the reply passes the gateway's validator");

    cluster.step(0);
    assertEquals(EXECUTORS, published.count(BusAddresses.EXECUTOR_HEARTBEAT), "every executor announces itself");
    Set<String> ids = new HashSet<>();
    long busy = 0;
    for (Heartbeat hb : published.parsed(BusAddresses.EXECUTOR_HEARTBEAT, Heartbeat::fromJson)) {
      ids.add(hb.executorId());
      busy += hb.runningTasks().isEmpty() ? 0 : 1;
    }
    assertEquals(EXECUTORS, ids.size());
    assertTrue(ids.contains("exec-00001") && ids.contains("exec-10000"));
    assertTrue(busy > EXECUTORS / 2, busy + " executors run tasks");
  }

  @Test
  void frozenClusterKeepsHeartbeatingAtTheIntervalAndChangesNothing() {
    CapturingPublisher published = new CapturingPublisher();
    SimulatedCluster cluster = new SimulatedCluster(SimOptions.defaults().withExecutors(EXECUTORS).withJobs(JOBS)
        .withPreload(true).withFreeze(true), published, 0);
    cluster.step(0);
    List<JobInfo> before = cluster.jobs();
    int mark = published.messages.size();
    long t0 = System.nanoTime();
    for (long t = 100; t <= 10_000; t += 100) {
      cluster.step(t);
    }
    long stepsMs = (System.nanoTime() - t0) / 1_000_000;
    long heartbeats = published.messages.subList(mark, published.messages.size()).stream()
        .filter(c -> c.address().equals(BusAddresses.EXECUTOR_HEARTBEAT)).count();
    // 10 s at a 1 s interval: 10 heartbeats per executor (within one of the spread)
    assertTrue(Math.abs(heartbeats - 10L * EXECUTORS) <= EXECUTORS, heartbeats + " heartbeats");
    assertEquals(before, cluster.jobs());
    assertTrue(stepsMs < 20_000, "100 steps took " + stepsMs + " ms");
  }
}
