package krishiv.gateway.sim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import krishiv.gateway.agent.ExecutorAgent;
import krishiv.gateway.bus.BusAddresses;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.JobsMessage;
import krishiv.gateway.bus.message.QueuesMessage;
import krishiv.gateway.bus.message.SyncReply;

/**
 * A simulated Krishiv cluster — a coordinator and its executors — as one plain, single-threaded state machine.
 * {@link #step(long)} advances it to a point in simulated time and publishes what a real cluster would have
 * published by then, exactly per {@code docs/bus-protocol.md}: executor heartbeats (through an
 * {@link ExecutorAgent}), coordinator status, changed jobs (coalesced per step), periodic full job snapshots and
 * quota snapshots. The coordinator's request-reply commands and the simulator's control operations are methods.
 *
 * <p>Deterministic: every random choice comes from one {@code java.util.Random(seed)} in a fixed order, and the
 * only time is the one passed to {@link #step}; with the same options and the same step times it publishes the
 * same messages. Not thread-safe: {@link SimulatorVerticle} calls it from one event loop.
 */
public final class SimulatedCluster {
  /** The simulated coordinator's id, stable for the life of the process (a new id would trigger a re-sync). */
  public static final String COORDINATOR_ID = "krishiv-sim-coordinator";
  /** Event kind of the coordinator's note that it rescheduled the tasks of an executor it lost. */
  public static final String TASKS_RESCHEDULED = "TasksRescheduled";
  private static final Comparator<SimJob> PRIORITY_ORDER = Comparator.comparingInt((SimJob j) -> -j.priority)
      .thenComparingLong(j -> j.submittedAtMs).thenComparingInt(j -> j.number);

  /** A savepoint the coordinator accepted: the epoch its checkpoint will have. */
  public record SavepointTicket(String jobId, String label, long epoch) {}

  /** Where the latest checkpoint keeps one task's share of an operator's state. */
  public record OperatorSnapshot(int taskId, String snapshotPath) {}

  /** An executor as the simulator sees it (for tests and the control surface). */
  public record ExecutorView(String executorId, String presence, String incarnation, int runningTasks) {}

  private final SimOptions options;
  private final SimTuning tuning;
  private final Random random;
  private final ExecutorAgent agent;
  private final ExecutorPool pool;
  private final CoordinatorFeed feed;
  private final LinkedHashMap<String, SimJob> jobs = new LinkedHashMap<>();
  private final SimNamespaces namespaces;
  private final JobFactory factory = new JobFactory();
  private final Scheduler scheduler = new Scheduler();
  private long nowMs;
  private boolean started;
  private boolean frozen;
  private long nextArrivalAtMs;
  private long nextOutageAtMs = Long.MAX_VALUE;
  private int jobsSubmitted;

  /**
   * Builds the cluster at {@code startMs}: its executors and its first jobs, already running (all
   * {@link SimOptions#jobs()} of them with {@link SimOptions#preload()}). Nothing is published before the first
   * {@link #step}, but {@link #sync()} answers at once.
   */
  public SimulatedCluster(SimOptions options, SimPublisher publisher, long startMs) {
    this.options = Objects.requireNonNull(options, "options");
    this.tuning = options.tuning();
    Objects.requireNonNull(publisher, "publisher");
    this.random = new Random(options.seed());
    this.nowMs = startMs;
    this.frozen = options.freeze();
    this.namespaces = SimNamespaces.forTarget(options.jobs());
    this.pool = new ExecutorPool(options, random);
    this.feed = new CoordinatorFeed(publisher, tuning, options.timeScale());
    // Heartbeats are a wall-clock cadence like the coordinator's (see SimTuning): scaled into simulated time.
    this.agent = new ExecutorAgent(json -> publisher.publish(BusAddresses.EXECUTOR_HEARTBEAT, json),
        () -> this.nowMs, this::newIncarnation, Duration.ofMillis(feed.cadenceMs(options.heartbeatInterval())));
    placeInitialJobs();
  }

  /** Incarnations come from the seeded random source too, so a restart is as reproducible as the rest. */
  private String newIncarnation() {
    return String.format("inc-%016x", random.nextLong());
  }

  private void placeInitialJobs() {
    StepContext ctx = context(0);
    int count = options.preload() ? options.jobs() : (options.jobs() + 1) / 2;
    for (int i = 0; i < count; i++) {
      submit(factory.initialSpec(i, random, namespaces), ctx);
    }
    Map<String, Integer> active = activeByNamespace();
    for (SimJob job : jobs.values()) {
      if (namespaces.hasRoom(job.namespaceId, active)) {
        job.startInPlace(ctx);
        active.merge(SimNamespaces.key(job.namespaceId), 1, Integer::sum);
      }
    }
    scheduleWaiting(ctx);
    for (SimJob job : jobs.values()) {
      if (SimStates.RUNNING.equals(job.state)) {
        job.fastForward(ctx);
      }
    }
  }

  // ---------------------------------------------------------------- the step

  /**
   * Advances the simulation to {@code stepNowMs} (simulated time; earlier times count as no time passing) and
   * publishes what changed. The first step only announces the cluster: coordinator status, a full jobs snapshot,
   * the quotas, and a first heartbeat of every executor.
   */
  public void step(long stepNowMs) {
    long elapsed = Math.max(0, stepNowMs - nowMs);
    nowMs += elapsed;
    if (!started) {
      announce();
      return;
    }
    StepContext ctx = context(elapsed);
    List<SimExecutor> comingBack = List.of();
    if (!frozen) {
      comingBack = endDueOutages(ctx);
      maybeStartOutage();
      giveUpSilentExecutors(ctx);
      for (SimJob job : jobs.values()) {
        job.advance(ctx);
      }
      admitQueuedJobs(ctx);
      submitArrivals(ctx);
      scheduleWaiting(ctx);
      retireFinishedJobs();
      for (SimExecutor e : pool.all()) {
        e.exchangeData(elapsed);
      }
    }
    feed.publishChangedJobs(jobs.values(), nowMs);
    feed.publishQueues(namespaces.snapshot(jobs.values()), false, nowMs);
    feed.publishDue(jobs.values(), nowMs);
    // After the jobs message: a restarted executor's first heartbeat must not report tasks the gateway has not
    // seen assigned yet.
    for (SimExecutor e : comingBack) {
      agent.restart(e.executorId);
    }
    agent.tick(nowMs);
  }

  private void announce() {
    started = true;
    feed.announce(jobs.values(), namespaces.snapshot(jobs.values()), nowMs);
    for (SimExecutor e : pool.all()) {
      agent.register(e.executorId, e);
    }
    StepContext ctx = context(0);
    nextArrivalAtMs = nowMs + ctx.between(500, 2_000);
    long outageMean = tuning.meanTimeBetweenOutages().toMillis();
    if (outageMean > 0) {
      nextOutageAtMs = nowMs + (long) (outageMean * (0.25 + 0.5 * random.nextDouble()));
    }
  }

  private StepContext context(long elapsedMs) {
    return new StepContext(nowMs, elapsedMs, random, tuning);
  }

  // ---------------------------------------------------------------- executors

  /** Ends automatic outages that are over: the executor restarted, so whatever it was running is lost. */
  private List<SimExecutor> endDueOutages(StepContext ctx) {
    List<SimExecutor> due = pool.outagesOver(nowMs);
    for (SimExecutor e : due) {
      rescheduleTasksOf(e, "executor " + e.executorId + " restarted", ctx);
      pool.bringBack(e);
    }
    return due;
  }

  private void maybeStartOutage() {
    if (nowMs < nextOutageAtMs) {
      return;
    }
    nextOutageAtMs = nowMs + (long) (tuning.meanTimeBetweenOutages().toMillis() * (0.5 + random.nextDouble()));
    SimExecutor e = pool.pickForOutage(random);
    if (e != null) {
      silence(e, nowMs + tuning.outageDuration().toMillis());
    }
  }

  /** The coordinator gives up executors silent for longer than its timeout and reschedules their tasks. */
  private void giveUpSilentExecutors(StepContext ctx) {
    for (SimExecutor e : pool.silentFor(tuning.executorTimeout().toMillis(), nowMs)) {
      e.presence = SimExecutor.Presence.GONE;
      rescheduleTasksOf(e, "executor " + e.executorId + " lost: no heartbeat for " + (nowMs - e.silentSinceMs)
          + " ms", ctx);
    }
  }

  private void silence(SimExecutor e, long restartAtMs) {
    pool.silence(e, nowMs, restartAtMs);
    agent.pause(e.executorId);
  }

  private void rescheduleTasksOf(SimExecutor e, String reason, StepContext ctx) {
    if (e.tasks.isEmpty()) {
      return;
    }
    int n = e.tasks.size();
    for (SimTask t : new ArrayList<>(e.tasks)) {
      SimJob job = t.job();
      if (!job.isTerminal()) {
        job.failAttempt(t, reason, ctx);
      }
    }
    feed.publishEvent(TASKS_RESCHEDULED, n + " task attempt(s) rescheduled: " + reason, e.executorId, nowMs);
  }

  // ---------------------------------------------------------------- jobs

  private SimJob submit(JobSpec spec, StepContext ctx) {
    namespaces.ensure(spec.namespaceId());
    jobsSubmitted++;
    SimJob job = factory.build(String.format("job-%05d", jobsSubmitted), jobsSubmitted, spec, nowMs, random);
    job.nextPhaseAtMs = nowMs + ctx.between(200, 800);
    jobs.put(job.jobId, job);
    return job;
  }

  private Map<String, Integer> activeByNamespace() {
    Map<String, Integer> active = new HashMap<>();
    for (SimJob j : jobs.values()) {
      if (j.isActive()) {
        active.merge(SimNamespaces.key(j.namespaceId), 1, Integer::sum);
      }
    }
    return active;
  }

  /** Queued jobs are admitted by priority while their namespace has room. */
  private void admitQueuedJobs(StepContext ctx) {
    List<SimJob> queued = new ArrayList<>();
    for (SimJob j : jobs.values()) {
      if (SimStates.QUEUED.equals(j.state) && nowMs >= j.nextPhaseAtMs) {
        queued.add(j);
      }
    }
    if (queued.isEmpty()) {
      return;
    }
    queued.sort(PRIORITY_ORDER);
    Map<String, Integer> active = activeByNamespace();
    for (SimJob j : queued) {
      if (namespaces.hasRoom(j.namespaceId, active)) {
        j.accept(ctx);
        active.merge(SimNamespaces.key(j.namespaceId), 1, Integer::sum);
      }
    }
  }

  /** Users submit a new job every few seconds while fewer than the target are unfinished. */
  private void submitArrivals(StepContext ctx) {
    if (nowMs < nextArrivalAtMs) {
      return;
    }
    nextArrivalAtMs = nowMs + ctx.between(1_000, 4_000);
    long unfinished = jobs.values().stream().filter(j -> !j.isTerminal()).count();
    if (unfinished < options.jobs()) {
      submit(factory.randomSpec(random, namespaces), ctx);
    }
  }

  private void scheduleWaiting(StepContext ctx) {
    List<SimJob> running = new ArrayList<>();
    for (SimJob j : jobs.values()) {
      if (SimStates.RUNNING.equals(j.state)) {
        running.add(j);
      }
    }
    running.sort(PRIORITY_ORDER);
    List<SimTask> waiting = new ArrayList<>();
    for (SimJob j : running) {
      for (SimStage s : j.stages) {
        if (s.isOpen()) {
          for (SimTask t : s.tasks) {
            if (t.isWaiting(nowMs)) {
              waiting.add(t);
            }
          }
        }
      }
    }
    if (!waiting.isEmpty()) {
      scheduler.assign(waiting, pool.all(), ctx);
      for (SimJob j : running) {
        for (SimStage s : j.stages) {
          s.refreshState();
        }
      }
    }
  }

  /** The coordinator forgets finished jobs after the retention time: later full snapshots lack them. */
  private void retireFinishedJobs() {
    long retention = tuning.jobRetention().toMillis();
    for (Iterator<SimJob> it = jobs.values().iterator(); it.hasNext(); ) {
      SimJob j = it.next();
      if (j.isTerminal() && nowMs - j.completedAtMs > retention) {
        it.remove();
      }
    }
  }

  // ---------------------------------------------------------------- publishing

  /** Control operations publish their effect at once: the gateway sees it before the executor's next heartbeat. */
  private void afterControl() {
    if (started) {
      feed.publishChangedJobs(jobs.values(), nowMs);
      feed.publishQueues(namespaces.snapshot(jobs.values()), false, nowMs);
    }
  }

  // ---------------------------------------------------------------- coordinator commands

  /** The answer to {@code sync}: status, every job, the quotas. */
  public SyncReply sync() {
    return new SyncReply(feed.status(nowMs),
        new JobsMessage(COORDINATOR_ID, true, nowMs, CoordinatorFeed.infos(jobs.values())),
        new QueuesMessage(COORDINATOR_ID, nowMs, namespaces.snapshot(jobs.values())));
  }

  /**
   * Asks for a savepoint: the next checkpoint of the streaming job {@code jobId} becomes a savepoint labelled
   * {@code label} (or a generated label when null).
   *
   * @throws SimCommandException 404 for an unknown job, 409 for a batch or finished job or a pending savepoint
   */
  public SavepointTicket requestSavepoint(String jobId, String label) {
    SimJob job = requireJob(jobId);
    if (!job.isStreaming()) {
      throw SimCommandException.conflict("job " + jobId + " is a batch job; savepoints are for streaming jobs");
    }
    requireUnfinished(job);
    if (job.pendingSavepointLabel != null) {
      throw SimCommandException.conflict("job " + jobId + " already has a pending savepoint '"
          + job.pendingSavepointLabel + "'");
    }
    String effective = label != null ? label : "savepoint-" + jobId + "-" + (job.latestEpoch() + 1);
    long epoch = job.requestSavepoint(effective, nowMs);
    return new SavepointTicket(jobId, effective, epoch);
  }

  /**
   * Cancels an unfinished job: its running attempts stop and free their slots.
   *
   * @throws SimCommandException 404 for an unknown job, 409 for a finished one
   */
  public void cancelJob(String jobId) {
    SimJob job = requireJob(jobId);
    requireUnfinished(job);
    job.end(SimStates.CANCELLED, SimStates.CANCELLED, nowMs);
    afterControl();
  }

  /**
   * Where the latest checkpoint of {@code jobId} keeps the state of operator {@code operatorId} (a stage name),
   * one entry per task.
   *
   * @throws SimCommandException 404 for an unknown job or operator, 409 when the job has no checkpoint yet
   */
  public List<OperatorSnapshot> inspectState(String jobId, String operatorId) {
    SimJob job = requireJob(jobId);
    SimStage stage = job.stageNamed(operatorId);
    if (stage == null) {
      throw SimCommandException.notFound("no operator " + operatorId + " in job " + jobId);
    }
    if (job.checkpoint() == null) {
      throw SimCommandException.conflict("job " + jobId + " has no checkpoint yet");
    }
    String base = job.checkpoint().operatorSnapshots().get(operatorId);
    List<OperatorSnapshot> out = new ArrayList<>(stage.tasks.size());
    for (SimTask t : stage.tasks) {
      out.add(new OperatorSnapshot(t.taskId, base + "/task-" + t.taskId));
    }
    return out;
  }

  // ---------------------------------------------------------------- control surface

  /** Stops the heartbeats of an executor until {@link #resumeExecutor} or {@link #restartExecutor}. */
  public void pauseExecutor(String executorId) {
    SimExecutor e = requireExecutor(executorId);
    if (!e.isUp()) {
      throw SimCommandException.conflict("executor " + executorId + " is " + presence(e) + ", not up");
    }
    silence(e, Long.MAX_VALUE);
  }

  /**
   * Resumes the heartbeats of a paused executor with the same incarnation. Tasks it still holds carry on; if the
   * coordinator had already given it up they were rescheduled and it comes back empty.
   */
  public void resumeExecutor(String executorId) {
    SimExecutor e = requireExecutor(executorId);
    if (!e.isSilent()) {
      throw SimCommandException.conflict("executor " + executorId + " is not paused");
    }
    pool.bringBack(e);
    afterControl();
    agent.resume(executorId);
  }

  /** Restarts an executor (paused or not): a new incarnation, and its running attempts are lost and retried. */
  public void restartExecutor(String executorId) {
    SimExecutor e = requireExecutor(executorId);
    rescheduleTasksOf(e, "executor " + executorId + " restarted", context(0));
    if (e.isSilent()) {
      pool.bringBack(e);
    }
    afterControl();
    agent.restart(executorId);
  }

  /** Deregisters an executor for good: its last heartbeat says {@code removed}, its attempts are retried. */
  public void removeExecutor(String executorId) {
    SimExecutor e = requireExecutor(executorId);
    rescheduleTasksOf(e, "executor " + executorId + " removed", context(0));
    pool.remove(e);
    afterControl();
    agent.deregister(executorId);
  }

  /**
   * Fails the current attempt of a running task: it is retried (attempt + 1, failure count + 1).
   *
   * @throws SimCommandException 404 for an unknown job, stage or task, 409 when the task is not assigned/running
   */
  public void failTask(String jobId, int stageId, int taskId) {
    SimJob job = requireJob(jobId);
    SimStage stage = job.stage(stageId);
    if (stage == null || taskId < 0 || taskId >= stage.tasks.size()) {
      throw SimCommandException.notFound("no task " + stageId + "/" + taskId + " in job " + jobId);
    }
    SimTask task = stage.tasks.get(taskId);
    if (!task.isActive()) {
      throw SimCommandException.conflict("task " + stageId + "/" + taskId + " of job " + jobId + " is " + task.state
          + ", not assigned or running");
    }
    job.failAttempt(task, "failed on request (simulator control)", context(0));
    afterControl();
  }

  /** Finishes an unfinished job now: what is left of it succeeds. */
  public void finishJob(String jobId) {
    SimJob job = requireJob(jobId);
    requireUnfinished(job);
    job.end(SimStates.SUCCEEDED, SimStates.SUCCEEDED, nowMs);
    afterControl();
  }

  /** Submits a job; it is queued and goes through the lifecycle like any other. Returns its id. */
  public String submitJob(JobSpec spec) {
    Objects.requireNonNull(spec, "spec");
    SimJob job = submit(spec, context(0));
    afterControl();
    return job.jobId;
  }

  /**
   * Freezes or thaws the churn. Freezing publishes a full snapshot at once, so every gateway converges on the
   * frozen state without waiting for the periodic one.
   */
  public void setFrozen(boolean freeze) {
    frozen = freeze;
    if (freeze && started) {
      feed.publishChangedJobs(jobs.values(), nowMs);
      feed.publishFullSnapshot(jobs.values(), nowMs);
      feed.publishQueues(namespaces.snapshot(jobs.values()), true, nowMs);
    }
  }

  // ---------------------------------------------------------------- reads

  public boolean frozen() {
    return frozen;
  }

  public boolean started() {
    return started;
  }

  /** The simulated time of the last step. */
  public long nowMs() {
    return nowMs;
  }

  public SimOptions options() {
    return options;
  }

  /** Every job the coordinator holds (finished ones until their retention passes), in submission order. */
  public List<JobInfo> jobs() {
    return CoordinatorFeed.infos(jobs.values());
  }

  /** The job, or null. */
  public JobInfo job(String jobId) {
    SimJob j = jobs.get(jobId);
    return j == null ? null : j.toInfo();
  }

  /** Ids of the executors that were not removed, in id order. */
  public List<String> executorIds() {
    List<String> ids = new ArrayList<>(pool.all().size());
    for (SimExecutor e : pool.all()) {
      if (e.presence != SimExecutor.Presence.REMOVED) {
        ids.add(e.executorId);
      }
    }
    return ids;
  }

  /** Every executor, removed ones included, in id order. */
  public List<ExecutorView> executors() {
    List<ExecutorView> out = new ArrayList<>(pool.all().size());
    for (SimExecutor e : pool.all()) {
      boolean registered = started && e.presence != SimExecutor.Presence.REMOVED;
      out.add(new ExecutorView(e.executorId, presence(e), registered ? agent.incarnation(e.executorId) : null,
          e.tasks.size()));
    }
    return out;
  }

  /** The control surface's view of the cluster: time, freeze, executors and jobs in brief. */
  public JsonObject describe() {
    JsonArray ex = new JsonArray();
    for (ExecutorView e : executors()) {
      ex.add(new JsonObject().put("executor_id", e.executorId()).put("presence", e.presence())
          .put("incarnation", e.incarnation()).put("running_tasks", e.runningTasks()));
    }
    JsonArray js = new JsonArray();
    for (SimJob j : jobs.values()) {
      js.add(new JsonObject().put("job_id", j.jobId).put("kind", j.kind).put("state", j.state)
          .put("namespace_id", j.namespaceId).put("priority", j.priority));
    }
    return new JsonObject().put("now_ms", nowMs).put("frozen", frozen).put("started", started)
        .put("coordinator_id", COORDINATOR_ID).put("executors", ex).put("jobs", js);
  }

  private static String presence(SimExecutor e) {
    return e.presence.name().toLowerCase(Locale.ROOT);
  }

  private SimJob requireJob(String jobId) {
    SimJob job = jobId == null ? null : jobs.get(jobId);
    if (job == null) {
      throw SimCommandException.notFound("no such job " + jobId);
    }
    return job;
  }

  private static void requireUnfinished(SimJob job) {
    if (job.isTerminal()) {
      throw SimCommandException.conflict("job " + job.jobId + " is already " + job.state);
    }
  }

  private SimExecutor requireExecutor(String executorId) {
    if (!started) {
      throw SimCommandException.conflict("the simulation has not started: executors are not registered yet");
    }
    SimExecutor e = pool.find(executorId);
    if (e == null) {
      throw SimCommandException.notFound("no such executor " + executorId);
    }
    if (e.presence == SimExecutor.Presence.REMOVED) {
      throw SimCommandException.conflict("executor " + executorId + " was removed");
    }
    return e;
  }
}
