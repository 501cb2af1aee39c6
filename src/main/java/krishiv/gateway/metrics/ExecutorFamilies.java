package krishiv.gateway.metrics;

import java.util.List;
import krishiv.gateway.view.ExecutorEntry;
import krishiv.gateway.view.ViewSnapshot;

/**
 * The executor families, from the snapshot's executors (sorted by id). An executor is <em>up</em> while it
 * sends heartbeats; a lost or removed one keeps {@code krishiv_executor_up 0} and its last-seen time until the
 * view forgets it, but no slot series: its last report is stale.
 */
final class ExecutorFamilies {
  /** Every executor state, so that each appears in {@code krishiv_gateway_executors} even at 0. */
  static final List<String> STATES = List.of("registered", "healthy", "draining", "lost", "removed");

  private final ViewSnapshot snapshot;
  private final ExpositionWriter out;
  private final SeriesBudget budget;

  ExecutorFamilies(ViewSnapshot snapshot, ExpositionWriter out, SeriesBudget budget) {
    this.snapshot = snapshot;
    this.out = out;
    this.budget = budget;
  }

  static boolean isUp(ExecutorEntry e) {
    return !"lost".equals(e.state()) && !"removed".equals(e.state());
  }

  /** Writes the samples of {@code f} if it is an executor family; false otherwise. */
  boolean write(MetricFamily f) {
    switch (f) {
      case EXECUTOR_UP:
        for (ExecutorEntry e : snapshot.executors()) {
          perExecutor(f, e, isUp(e) ? 1 : 0);
        }
        return true;
      case EXECUTOR_SLOTS_TOTAL:
        for (ExecutorEntry e : snapshot.executors()) {
          if (isUp(e)) {
            perExecutor(f, e, e.heartbeat().slots());
          }
        }
        return true;
      case EXECUTOR_SLOTS_USED:
        for (ExecutorEntry e : snapshot.executors()) {
          if (isUp(e)) {
            perExecutor(f, e, e.slotsUsed());
          }
        }
        return true;
      case EXECUTOR_LAST_SEEN:
        for (ExecutorEntry e : snapshot.executors()) {
          if (budget.admit(f, e.executorId())) {
            out.series(f.metricName()).label("executor_id", e.executorId()).valueMillisAsSeconds(e.lastHeartbeatMs());
          }
        }
        return true;
      case GATEWAY_EXECUTORS:
        for (String state : STATES) {
          if (budget.admit(f)) {
            out.series(f.metricName()).label("state", state)
                .value(snapshot.executorCountsByState().getOrDefault(state, 0));
          }
        }
        return true;
      case RUNNING_TASKS:
        long running = 0;
        for (ExecutorEntry e : snapshot.executors()) {
          if (isUp(e)) {
            running += e.runningTasks().size();
          }
        }
        single(f, running);
        return true;
      case EXECUTOR_LOST:
        single(f, snapshot.executorLostTotal());
        return true;
      default:
        return false;
    }
  }

  /** The oldest last heartbeat among executors that are up, or -1 when none is up. */
  static long oldestLiveHeartbeatMs(ViewSnapshot snapshot) {
    long oldest = Long.MAX_VALUE;
    for (ExecutorEntry e : snapshot.executors()) {
      if (isUp(e)) {
        oldest = Math.min(oldest, e.lastHeartbeatMs());
      }
    }
    return oldest == Long.MAX_VALUE ? -1 : oldest;
  }

  private void perExecutor(MetricFamily f, ExecutorEntry e, long value) {
    if (budget.admit(f, e.executorId())) {
      out.series(f.metricName()).label("executor_id", e.executorId()).value(value);
    }
  }

  private void single(MetricFamily f, long value) {
    if (budget.admit(f)) {
      out.series(f.metricName()).value(value);
    }
  }
}
