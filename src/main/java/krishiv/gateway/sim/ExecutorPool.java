package krishiv.gateway.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The simulated executors and the books on their reachability: built from the options ({@code exec-0001} …, with
 * resources drawn from the seeded random source), looked up by id, and the silent ones kept in the order they went
 * silent. What the coordinator does about an executor (rescheduling its tasks, the agent's pause and restart) is
 * {@link SimulatedCluster}'s business.
 */
final class ExecutorPool {
  private final List<SimExecutor> executors;
  private final Map<String, SimExecutor> byId = new HashMap<>();
  private final List<SimExecutor> silent = new ArrayList<>();

  ExecutorPool(SimOptions options, Random random) {
    int n = options.executors();
    int width = Math.max(4, String.valueOf(n).length());
    String idFormat = "exec-%0" + width + "d";
    String hostFormat = "sim-node-%0" + width + "d";
    executors = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      int cores = random.nextBoolean() ? 8 : 16;
      SimExecutor e = new SimExecutor(String.format(idFormat, i), String.format(hostFormat, i),
          options.slotsPerExecutor(), cores, cores * 2L * 1024 * 1024 * 1024);
      executors.add(e);
      byId.put(e.executorId, e);
    }
  }

  /** Every executor, removed ones included, in id order (the order the scheduler walks). */
  List<SimExecutor> all() {
    return executors;
  }

  /** The executor, or null. */
  SimExecutor find(String executorId) {
    return executorId == null ? null : byId.get(executorId);
  }

  /** Silent executors whose automatic outage is over at {@code nowMs}. */
  List<SimExecutor> outagesOver(long nowMs) {
    List<SimExecutor> due = new ArrayList<>();
    for (SimExecutor e : silent) {
      if (e.restartAtMs <= nowMs) {
        due.add(e);
      }
    }
    return due;
  }

  /** Executors silent for at least {@code timeoutMs} that the coordinator has not given up yet. */
  List<SimExecutor> silentFor(long timeoutMs, long nowMs) {
    List<SimExecutor> due = new ArrayList<>();
    for (SimExecutor e : silent) {
      if (e.presence == SimExecutor.Presence.SILENT && nowMs - e.silentSinceMs >= timeoutMs) {
        due.add(e);
      }
    }
    return due;
  }

  /** A randomly chosen reachable executor, or null when a quarter of the cluster is silent already. */
  SimExecutor pickForOutage(Random random) {
    if (silent.size() >= Math.max(1, executors.size() / 4)) {
      return null;
    }
    int start = random.nextInt(executors.size());
    for (int i = 0; i < executors.size(); i++) {
      SimExecutor e = executors.get((start + i) % executors.size());
      if (e.isUp()) {
        return e;
      }
    }
    return null;
  }

  void silence(SimExecutor e, long nowMs, long restartAtMs) {
    e.presence = SimExecutor.Presence.SILENT;
    e.silentSinceMs = nowMs;
    e.restartAtMs = restartAtMs;
    silent.add(e);
  }

  void bringBack(SimExecutor e) {
    e.presence = SimExecutor.Presence.UP;
    e.restartAtMs = Long.MAX_VALUE;
    silent.remove(e);
  }

  void remove(SimExecutor e) {
    silent.remove(e);
    e.presence = SimExecutor.Presence.REMOVED;
  }
}
