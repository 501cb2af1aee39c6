package krishiv.gateway.view;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import krishiv.gateway.bus.MessageRejectedException;
import krishiv.gateway.bus.RejectReason;
import krishiv.gateway.bus.message.CoordinatorStatus;
import krishiv.gateway.bus.message.EventInfo;
import krishiv.gateway.bus.message.EventMessage;
import krishiv.gateway.bus.message.Heartbeat;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.JobsMessage;
import krishiv.gateway.bus.message.NamespaceQuota;
import krishiv.gateway.bus.message.QueuesMessage;
import krishiv.gateway.bus.message.SyncReply;

/**
 * The mutable state behind the view, owned by one thread (the view verticle's event loop): no locks. Every
 * method takes the current time so tests drive it without a clock. {@link #snapshot} turns it into an
 * immutable {@link ViewSnapshot}, rebuilding only the parts that changed.
 */
public final class ViewState {
  /** Result of applying a heartbeat. */
  public enum HeartbeatOutcome { APPLIED, STALE }

  private static final Comparator<JobEntry> JOB_ORDER = Comparator
      .comparingLong((JobEntry j) -> j.job().submittedAtMs()).reversed().thenComparing(JobEntry::jobId);
  private static final Comparator<HistoryRecord> HISTORY_ORDER = Comparator
      .comparingLong(HistoryRecord::completedAtMs).reversed().thenComparing(HistoryRecord::jobId);
  private static final Comparator<NamespaceQuota> QUEUE_ORDER = Comparator.comparing(NamespaceQuota::namespaceId,
      Comparator.nullsFirst(Comparator.naturalOrder()));

  /** A job as the writer holds it: the current entry plus the deque of recent events. */
  private static final class JobSlot {
    JobInfo job;
    JobCounts counts;
    final ArrayDeque<ViewEvent> recent = new ArrayDeque<>();
    long updatedAtMs;
    JobEntry entry; // the immutable form, rebuilt when dirty
    boolean dirty = true;
  }

  private final String epoch;
  private final ViewLimits limits;
  private final EventLog log;
  private final Consumer<ViewEvent> eventListener;

  private final TreeMap<String, ExecutorEntry> executors = new TreeMap<>();
  private final Map<String, JobSlot> jobs = new HashMap<>();
  private final LinkedHashMap<String, HistoryRecord> history = new LinkedHashMap<>();
  private List<NamespaceQuota> queues = List.of();
  private CoordinatorView coordinator;
  private boolean warm;
  private long executorLostTotal;
  private long overCapacityDrops;
  private final ClusterCountersAccumulator counters = new ClusterCountersAccumulator();

  private boolean executorsChanged = true;
  private boolean jobsChanged = true;
  private boolean historyChanged = true;
  private boolean otherChanged = true;
  private long version;
  private ViewSnapshot last;

  /**
   * @param eventListener called on the writer thread for each event appended (the stream fan-out hooks in here)
   */
  public ViewState(String epoch, ViewLimits limits, EventLog log, Consumer<ViewEvent> eventListener) {
    this.epoch = Objects.requireNonNull(epoch, "epoch");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.log = Objects.requireNonNull(log, "log");
    this.eventListener = Objects.requireNonNull(eventListener, "eventListener");
    this.last = ViewSnapshot.empty(epoch);
  }

  public String epoch() {
    return epoch;
  }

  public boolean warm() {
    return warm;
  }

  /** True when something changed since the last snapshot. */
  public boolean dirty() {
    return executorsChanged || jobsChanged || historyChanged || otherChanged;
  }

  /** Drops caused by the view's own bounds (executors or jobs past their maximum). */
  public long overCapacityDrops() {
    return overCapacityDrops;
  }

  // ---------------------------------------------------------------- executors

  /**
   * Applies one validated heartbeat. Stale heartbeats (same incarnation, seq not newer) change nothing.
   *
   * @throws MessageRejectedException with {@link RejectReason#OVER_CAPACITY} when a new executor would exceed
   *     the maximum
   */
  public HeartbeatOutcome applyHeartbeat(Heartbeat hb, long nowMs) {
    ExecutorEntry old = executors.get(hb.executorId());
    String reported = hb.state();
    if (old == null) {
      if (executors.size() >= limits.maxExecutors()) {
        overCapacityDrops++;
        throw new MessageRejectedException(RejectReason.OVER_CAPACITY,
            "more than " + limits.maxExecutors() + " executors");
      }
      executors.put(hb.executorId(), new ExecutorEntry(hb, reported, nowMs, nowMs, nowMs, 0));
      executorsChanged = true;
      emit(new EventInfo(nowMs, EventKinds.EXECUTOR_REGISTERED,
          "host " + hb.host() + ", " + hb.slots() + " slots, incarnation " + hb.incarnation(), null, null, null,
          hb.executorId()));
      return HeartbeatOutcome.APPLIED;
    }
    boolean sameIncarnation = old.heartbeat().incarnation().equals(hb.incarnation());
    if (sameIncarnation && hb.seq() <= old.heartbeat().seq()) {
      return HeartbeatOutcome.STALE;
    }
    counters.onHeartbeat(old.heartbeat(), hb);
    long since = reported.equals(old.state()) ? old.stateSinceMs() : nowMs;
    executors.put(hb.executorId(),
        new ExecutorEntry(hb, reported, old.firstSeenMs(), nowMs, since, old.lostCount()));
    executorsChanged = true;
    if ("lost".equals(old.state()) && !"removed".equals(reported)) {
      emit(new EventInfo(nowMs, EventKinds.EXECUTOR_RECOVERED,
          sameIncarnation ? "heartbeats resumed" : "restarted with incarnation " + hb.incarnation(), null, null, null,
          hb.executorId()));
    } else if (!sameIncarnation && !"removed".equals(reported)) {
      emit(new EventInfo(nowMs, EventKinds.EXECUTOR_REGISTERED, "restarted with incarnation " + hb.incarnation(),
          null, null, null, hb.executorId()));
    }
    if ("removed".equals(reported) && !"removed".equals(old.state())) {
      emit(new EventInfo(nowMs, EventKinds.EXECUTOR_REMOVED, "executor said goodbye", null, null, null,
          hb.executorId()));
    }
    return HeartbeatOutcome.APPLIED;
  }

  /** Marks executors whose heartbeats stopped as lost, and forgets lost/removed ones past retention. */
  public void checkExecutors(long nowMs) {
    List<ExecutorEntry> changed = null;
    List<String> forget = null;
    for (ExecutorEntry e : executors.values()) {
      String s = e.state();
      if ("lost".equals(s) || "removed".equals(s)) {
        if (nowMs - e.stateSinceMs() > limits.removedRetentionMs()) {
          (forget == null ? forget = new ArrayList<>() : forget).add(e.executorId());
        }
      } else if (nowMs - e.lastHeartbeatMs() > limits.heartbeatTimeoutMs()) {
        (changed == null ? changed = new ArrayList<>() : changed).add(e);
      }
    }
    if (changed != null) {
      for (ExecutorEntry e : changed) {
        executors.put(e.executorId(), e.withState("lost", nowMs, e.lostCount() + 1));
        executorLostTotal++;
        emit(new EventInfo(nowMs, EventKinds.EXECUTOR_LOST,
            "no heartbeat for " + (nowMs - e.lastHeartbeatMs()) + " ms", null, null, null, e.executorId()));
      }
      executorsChanged = true;
    }
    if (forget != null) {
      forget.forEach(executors::remove);
      executorsChanged = true;
    }
  }

  // ---------------------------------------------------------------- coordinator

  public void applyStatus(CoordinatorStatus status, long nowMs) {
    coordinator = new CoordinatorView(status, nowMs);
    otherChanged = true;
  }

  /** The id of the last coordinator heard, or null. */
  public String coordinatorId() {
    return coordinator == null ? null : coordinator.status().coordinatorId();
  }

  public void applySync(SyncReply reply, long nowMs) {
    applyStatus(reply.coordinator(), nowMs);
    applyJobs(reply.jobs(), nowMs);
    applyQueues(reply.queues());
  }

  /**
   * Applies changed jobs, or a full snapshot (which also removes the jobs it lacks and makes the view warm).
   * The first full snapshot of a cold view is the starting state, not a change: it derives no events.
   */
  public void applyJobs(JobsMessage m, long nowMs) {
    boolean derive = warm;
    Set<String> present = m.full() ? new HashSet<>() : null;
    for (JobInfo job : m.jobs()) {
      if (present != null) {
        present.add(job.jobId());
      }
      applyJob(job, nowMs, derive);
    }
    if (present != null) {
      for (Iterator<Map.Entry<String, JobSlot>> it = jobs.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<String, JobSlot> e = it.next();
        if (!present.contains(e.getKey())) {
          JobSlot slot = e.getValue();
          if (slot.job.isTerminal()) {
            recordHistory(slot.job, slot.counts, nowMs);
          }
          it.remove();
          jobsChanged = true;
        }
      }
      if (!warm) {
        warm = true;
        otherChanged = true;
      }
    }
  }

  private void applyJob(JobInfo job, long nowMs, boolean derive) {
    JobSlot slot = jobs.get(job.jobId());
    if (slot == null) {
      if (jobs.size() >= limits.maxJobs()) {
        overCapacityDrops++;
        return;
      }
      slot = new JobSlot();
      jobs.put(job.jobId(), slot);
    } else if (slot.job.equals(job)) {
      return; // periodic full snapshots repeat unchanged jobs: nothing to do
    }
    JobInfo before = slot.job;
    slot.job = job;
    slot.counts = JobCounts.of(job);
    slot.updatedAtMs = nowMs;
    slot.dirty = true;
    jobsChanged = true;
    if (derive) {
      counters.onJobChange(before, job);
      JobChangeEvents.derive(before, job, nowMs, event -> {
        counters.onDerivedEvent(event);
        emit(event);
      });
    }
    if (job.isTerminal() && (before == null || !before.isTerminal() || !history.containsKey(job.jobId()))) {
      recordHistory(job, slot.counts, nowMs);
    }
  }

  private void recordHistory(JobInfo job, JobCounts counts, long nowMs) {
    HistoryRecord previous = history.get(job.jobId());
    HistoryRecord record = HistoryRecord.of(job, counts, previous != null ? previous.completedAtMs() : nowMs);
    if (record.equals(previous)) {
      return;
    }
    history.remove(job.jobId());
    history.put(job.jobId(), record);
    while (history.size() > limits.historySize()) {
      Iterator<String> it = history.keySet().iterator();
      it.next();
      it.remove();
    }
    historyChanged = true;
  }

  public void applyQueues(QueuesMessage m) {
    List<NamespaceQuota> sorted = new ArrayList<>(m.namespaces());
    sorted.sort(QUEUE_ORDER);
    queues = List.copyOf(sorted);
    otherChanged = true;
  }

  public void applyEvent(EventMessage m) {
    emit(m.event());
  }

  // ---------------------------------------------------------------- events

  private void emit(EventInfo event) {
    ViewEvent e = log.append(event);
    if (event.jobId() != null) {
      JobSlot slot = jobs.get(event.jobId());
      if (slot != null) {
        slot.recent.addLast(e);
        while (slot.recent.size() > limits.recentEventsPerJob()) {
          slot.recent.removeFirst();
        }
        slot.dirty = true;
        jobsChanged = true;
      }
    }
    otherChanged = true; // the cursor moved
    eventListener.accept(e);
  }

  // ---------------------------------------------------------------- snapshot

  /** Publishes the current state as an immutable snapshot; returns the previous one if nothing changed. */
  public ViewSnapshot snapshot(long nowMs) {
    if (!dirty()) {
      return last;
    }
    ViewSnapshot prev = last;
    // Unchanged parts are shared with the previous snapshot: they are never mutated once published.
    ExecutorEntry[] exArray = prev.executorArray();
    Map<String, Integer> exCounts = prev.executorCountsByState();
    if (executorsChanged) {
      exArray = executors.values().toArray(new ExecutorEntry[0]);
      Map<String, Integer> counts = new TreeMap<>();
      for (ExecutorEntry e : exArray) {
        counts.merge(e.state(), 1, Integer::sum);
      }
      exCounts = counts;
    }
    JobEntry[] jobArray = prev.jobArray();
    Map<String, JobEntry> jobMap = prev.jobMap();
    Map<String, Integer> jobCounts = prev.jobCountsByState();
    if (jobsChanged) {
      jobArray = new JobEntry[jobs.size()];
      Map<String, JobEntry> byId = new HashMap<>(jobs.size() * 2);
      Map<String, Integer> counts = new TreeMap<>();
      int i = 0;
      for (JobSlot slot : jobs.values()) {
        if (slot.dirty || slot.entry == null) {
          slot.entry = new JobEntry(slot.job, slot.counts, new ArrayList<>(slot.recent), slot.updatedAtMs);
          slot.dirty = false;
        }
        jobArray[i++] = slot.entry;
        byId.put(slot.entry.jobId(), slot.entry);
        counts.merge(slot.job.state(), 1, Integer::sum);
      }
      Arrays.sort(jobArray, JOB_ORDER);
      jobMap = Collections.unmodifiableMap(byId);
      jobCounts = counts;
    }
    HistoryRecord[] histArray = prev.historyArray();
    Map<String, HistoryRecord> histMap = prev.historyMap();
    if (historyChanged) {
      histArray = history.values().toArray(new HistoryRecord[0]);
      Arrays.sort(histArray, HISTORY_ORDER);
      histMap = Collections.unmodifiableMap(new HashMap<>(history));
    }
    last = new ViewSnapshot(++version, nowMs, new Cursor(epoch, log.lastSeq()), warm, coordinator, exArray, exCounts,
        jobArray, jobMap, jobCounts, histArray, histMap, queues, executorLostTotal, counters.snapshot());
    executorsChanged = false;
    jobsChanged = false;
    historyChanged = false;
    otherChanged = false;
    return last;
  }

}
