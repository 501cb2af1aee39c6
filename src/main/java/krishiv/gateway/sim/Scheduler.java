package krishiv.gateway.sim;

import java.util.List;

/**
 * Places waiting task attempts on executors with a free slot. It walks the executors round-robin from where it
 * stopped last time, so work spreads over the cluster and a full cluster costs one walk per step, not one per
 * task.
 */
final class Scheduler {
  private int cursor;

  /** Assigns {@code waiting} (highest priority first) while slots are free; returns how many were placed. */
  int assign(List<SimTask> waiting, List<SimExecutor> executors, StepContext ctx) {
    int n = executors.size();
    int placed = 0;
    for (SimTask task : waiting) {
      SimExecutor target = null;
      for (int scanned = 0; scanned < n && target == null; scanned++) {
        SimExecutor e = executors.get(cursor);
        cursor = (cursor + 1) % n;
        if (e.freeSlots() > 0) {
          target = e;
        }
      }
      if (target == null) {
        break; // every slot is taken: the rest waits for the next step
      }
      task.assign(target, ctx);
      task.job().markChanged();
      placed++;
    }
    return placed;
  }
}
