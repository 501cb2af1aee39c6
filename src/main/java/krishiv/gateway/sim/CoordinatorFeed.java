package krishiv.gateway.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import krishiv.gateway.bus.BusAddresses;
import krishiv.gateway.bus.message.CoordinatorStatus;
import krishiv.gateway.bus.message.EventInfo;
import krishiv.gateway.bus.message.EventMessage;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.JobsMessage;
import krishiv.gateway.bus.message.NamespaceQuota;
import krishiv.gateway.bus.message.QueuesMessage;

/**
 * What the simulated coordinator publishes, and when: the jobs that changed (coalesced per step, split before a
 * message carries more than {@link #TASKS_PER_MESSAGE} tasks), every job periodically, the quota snapshot on change
 * and periodically, its status, and free-form events. The cadences are wall-clock durations, converted to simulated
 * time by the time scale (see {@link SimTuning}).
 */
final class CoordinatorFeed {
  /**
   * A changed-jobs message is closed before it carries more tasks than this (about 700 KB encoded), so that it
   * stays under the gateway's default 1 MiB message limit.
   */
  static final int TASKS_PER_MESSAGE = 2_000;
  private static final long LEASE_MS = 15_000;

  private final SimPublisher publisher;
  private final SimTuning tuning;
  private final double timeScale;
  private long nextStatusAtMs;
  private long nextFullAtMs;
  private long nextQueuesAtMs;
  private List<NamespaceQuota> lastQueues = List.of();

  CoordinatorFeed(SimPublisher publisher, SimTuning tuning, double timeScale) {
    this.publisher = publisher;
    this.tuning = tuning;
    this.timeScale = timeScale;
  }

  /** A wall-clock cadence in simulated time. */
  long cadenceMs(Duration wallClock) {
    return Math.max(1, Math.round(wallClock.toMillis() * timeScale));
  }

  CoordinatorStatus status(long nowMs) {
    return new CoordinatorStatus(SimulatedCluster.COORDINATOR_ID, "active", SimulatedCluster.COORDINATOR_ID,
        nowMs + LEASE_MS, nowMs);
  }

  /** Status, every job and the quotas, as the cluster's first words. */
  void announce(Collection<SimJob> jobs, List<NamespaceQuota> quotas, long nowMs) {
    publishStatus(nowMs);
    publishFullSnapshot(jobs, nowMs);
    publishQueues(quotas, true, nowMs);
  }

  /** The periodic publications that are due: status and the full snapshot. */
  void publishDue(Collection<SimJob> jobs, long nowMs) {
    if (nowMs >= nextStatusAtMs) {
      publishStatus(nowMs);
    }
    if (nowMs >= nextFullAtMs) {
      publishFullSnapshot(jobs, nowMs);
    }
  }

  /** Publishes the jobs whose state changed, and those whose counters moved once the progress interval passed. */
  void publishChangedJobs(Collection<SimJob> jobs, long nowMs) {
    long progressEvery = cadenceMs(tuning.progressInterval());
    List<JobInfo> batch = new ArrayList<>();
    int tasks = 0;
    for (SimJob j : jobs) {
      boolean due = j.changed || j.progressed && nowMs - j.lastPublishedMs >= progressEvery;
      if (!due) {
        continue;
      }
      JobInfo info = j.toInfo();
      j.changed = false;
      j.progressed = false;
      j.lastPublishedMs = nowMs;
      int size = (int) info.resourceUsage().taskCount(); // at most 16 x 256 (JobSpec bounds)
      if (!batch.isEmpty() && tasks + size > TASKS_PER_MESSAGE) {
        publishJobs(false, batch, nowMs);
        batch = new ArrayList<>();
        tasks = 0;
      }
      batch.add(info);
      tasks += size;
    }
    if (!batch.isEmpty()) {
      publishJobs(false, batch, nowMs);
    }
  }

  void publishFullSnapshot(Collection<SimJob> jobs, long nowMs) {
    publishJobs(true, infos(jobs), nowMs);
    for (SimJob j : jobs) {
      j.progressed = false; // the snapshot carried the latest counters
    }
    nextFullAtMs = nowMs + cadenceMs(tuning.fullSnapshotInterval());
  }

  /** Publishes the quota snapshot when it changed, when {@code force}d, or when the interval passed. */
  void publishQueues(List<NamespaceQuota> current, boolean force, long nowMs) {
    if (force || !current.equals(lastQueues) || nowMs >= nextQueuesAtMs) {
      publisher.publish(BusAddresses.COORDINATOR_QUEUES,
          new QueuesMessage(SimulatedCluster.COORDINATOR_ID, nowMs, current).toJson());
      lastQueues = current;
      nextQueuesAtMs = nowMs + cadenceMs(tuning.queuesInterval());
    }
  }

  void publishEvent(String kind, String detail, String executorId, long nowMs) {
    EventInfo event = new EventInfo(nowMs, kind, detail, null, null, null, executorId);
    publisher.publish(BusAddresses.COORDINATOR_EVENTS,
        new EventMessage(SimulatedCluster.COORDINATOR_ID, event).toJson());
  }

  static List<JobInfo> infos(Collection<SimJob> jobs) {
    List<JobInfo> infos = new ArrayList<>(jobs.size());
    for (SimJob j : jobs) {
      infos.add(j.toInfo());
    }
    return infos;
  }

  private void publishStatus(long nowMs) {
    publisher.publish(BusAddresses.COORDINATOR_STATUS, status(nowMs).toJson());
    nextStatusAtMs = nowMs + cadenceMs(tuning.statusInterval());
  }

  private void publishJobs(boolean full, List<JobInfo> infos, long nowMs) {
    publisher.publish(BusAddresses.COORDINATOR_JOBS,
        new JobsMessage(SimulatedCluster.COORDINATOR_ID, full, nowMs, infos).toJson());
  }
}
