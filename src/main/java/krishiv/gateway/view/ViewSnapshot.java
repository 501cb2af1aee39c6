package krishiv.gateway.view;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import krishiv.gateway.bus.message.NamespaceQuota;

/**
 * One immutable picture of the cluster, published by the view's writer after a batch of changes and read by
 * every HTTP handler without locks. {@link #cursor()} is the last event this picture reflects: a client that
 * lists from it and then streams events after that cursor misses nothing and sees nothing twice.
 *
 * <p>Collections are sorted the way the API lists them: executors by id, jobs by submission time (newest
 * first) then id, history by completion time (newest first) then id, queues default namespace first then by id.
 */
public final class ViewSnapshot {
  private final long version;
  private final long builtAtMs;
  private final Cursor cursor;
  private final boolean warm;
  private final CoordinatorView coordinator;
  private final ExecutorEntry[] executors;
  private final Map<String, Integer> executorCountsByState;
  private final JobEntry[] jobs;
  private final Map<String, JobEntry> jobsById;
  private final Map<String, Integer> jobCountsByState;
  private final HistoryRecord[] history;
  private final Map<String, HistoryRecord> historyById;
  private final List<NamespaceQuota> queues;
  private final long executorLostTotal;
  private final ClusterCounters counters;

  ViewSnapshot(long version, long builtAtMs, Cursor cursor, boolean warm, CoordinatorView coordinator,
      ExecutorEntry[] executors, Map<String, Integer> executorCountsByState, JobEntry[] jobs,
      Map<String, JobEntry> jobsById, Map<String, Integer> jobCountsByState, HistoryRecord[] history,
      Map<String, HistoryRecord> historyById, List<NamespaceQuota> queues, long executorLostTotal,
      ClusterCounters counters) {
    this.version = version;
    this.builtAtMs = builtAtMs;
    this.cursor = Objects.requireNonNull(cursor);
    this.warm = warm;
    this.coordinator = coordinator;
    this.executors = executors;
    this.executorCountsByState = Map.copyOf(executorCountsByState);
    this.jobs = jobs;
    this.jobsById = jobsById; // read-only by construction (ViewState wraps it once)
    this.jobCountsByState = Map.copyOf(jobCountsByState);
    this.history = history;
    this.historyById = historyById;
    this.queues = List.copyOf(queues);
    this.executorLostTotal = executorLostTotal;
    this.counters = Objects.requireNonNull(counters);
  }

  /** The snapshot of a gateway that has heard nothing yet. */
  public static ViewSnapshot empty(String epoch) {
    return new ViewSnapshot(0, 0, new Cursor(epoch, 0), false, null, new ExecutorEntry[0], Map.of(),
        new JobEntry[0], Map.of(), Map.of(), new HistoryRecord[0], Map.of(), List.of(), 0,
        ClusterCounters.ZERO);
  }

  ExecutorEntry[] executorArray() {
    return executors;
  }

  JobEntry[] jobArray() {
    return jobs;
  }

  Map<String, JobEntry> jobMap() {
    return jobsById;
  }

  HistoryRecord[] historyArray() {
    return history;
  }

  Map<String, HistoryRecord> historyMap() {
    return historyById;
  }

  /** Increases with every published snapshot; renderings may be cached per version. */
  public long version() {
    return version;
  }

  public long builtAtMs() {
    return builtAtMs;
  }

  public Cursor cursor() {
    return cursor;
  }

  /** True once a coordinator sync (or full job snapshot) has been applied. */
  public boolean warm() {
    return warm;
  }

  /** The last coordinator status, or null if none was heard. */
  public CoordinatorView coordinator() {
    return coordinator;
  }

  public int executorCount() {
    return executors.length;
  }

  /** Executors sorted by id (read-only view). */
  public List<ExecutorEntry> executors() {
    return Collections.unmodifiableList(Arrays.asList(executors));
  }

  /** The executor with this id, or null: a binary search over the id-sorted array. */
  public ExecutorEntry executor(String executorId) {
    int lo = 0;
    int hi = executors.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = executors[mid].executorId().compareTo(executorId);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return executors[mid];
      }
    }
    return null;
  }

  public Map<String, Integer> executorCountsByState() {
    return executorCountsByState;
  }

  /** Jobs, newest submission first, then by id (read-only view). */
  public List<JobEntry> jobs() {
    return Collections.unmodifiableList(Arrays.asList(jobs));
  }

  public JobEntry job(String jobId) {
    return jobsById.get(jobId);
  }

  public Map<String, Integer> jobCountsByState() {
    return jobCountsByState;
  }

  /** Finished jobs, newest completion first. */
  public List<HistoryRecord> history() {
    return Collections.unmodifiableList(Arrays.asList(history));
  }

  public HistoryRecord historyRecord(String jobId) {
    return historyById.get(jobId);
  }

  public List<NamespaceQuota> queues() {
    return queues;
  }

  /** Executors lost since the gateway started (a counter: it never decreases). */
  public long executorLostTotal() {
    return executorLostTotal;
  }

  /** The writer's other cluster-wide counters (they never decrease while the gateway runs). */
  public ClusterCounters counters() {
    return counters;
  }
}
