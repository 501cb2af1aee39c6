package krishiv.gateway.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import krishiv.gateway.view.ClusterView;
import krishiv.gateway.bus.message.CheckpointInfo;
import krishiv.gateway.view.ExecutorEntry;
import krishiv.gateway.view.HistoryRecord;
import krishiv.gateway.view.JobEntry;
import krishiv.gateway.view.ViewSnapshot;

/** The read routes over the view: jobs and executors. Each request reads one snapshot, never two. */
public final class ClusterHandlers {
  private final ClusterView view;
  private final LongSupplier clock;
  private final long tickMs;
  private final long startMs;

  public ClusterHandlers(ClusterView view, LongSupplier clock, long tickMs, long startMs) {
    this.view = Objects.requireNonNull(view);
    this.clock = Objects.requireNonNull(clock);
    this.tickMs = tickMs;
    this.startMs = startMs;
  }

  public void listJobs(RoutingContext ctx) {
    ViewSnapshot s = view.snapshot();
    int limit = Params.queryInt(ctx, "limit", Params.DEFAULT_LIMIT);
    int offset = Params.queryInt(ctx, "offset", 0);
    String state = Params.queryString(ctx, "state");
    String kind = Params.queryString(ctx, "kind");
    String namespace = Params.queryString(ctx, "namespace");
    Predicate<JobEntry> filter = j -> (state == null || state.equals(j.job().state()))
        && (kind == null || kind.equals(j.job().kind()))
        && (namespace == null || namespace.equals(j.job().namespaceId() == null ? "default" : j.job().namespaceId()));
    JsonArray page = new JsonArray();
    int total = page(s.jobs(), filter, offset, limit, j -> page.add(ApiJson.jobSummary(j)));
    ok(ctx, new JsonObject().put("jobs", page).put("total", total).put("limit", limit).put("offset", offset)
        .put("cursor", s.cursor().toString()));
  }

  public void getJob(RoutingContext ctx) {
    String id = Params.path(ctx, "job_id");
    JobEntry job = view.snapshot().job(id);
    if (job == null) {
      ctx.fail(ApiException.notFound("No job " + id));
      return;
    }
    ok(ctx, new JsonObject().put("job", ApiJson.jobDetail(job)));
  }

  public void listExecutors(RoutingContext ctx) {
    ViewSnapshot s = view.snapshot();
    int limit = Params.queryInt(ctx, "limit", Params.DEFAULT_LIMIT);
    int offset = Params.queryInt(ctx, "offset", 0);
    String state = Params.queryString(ctx, "state");
    long now = clock.getAsLong();
    JsonArray page = new JsonArray();
    int total = page(s.executors(), e -> state == null || state.equals(e.state()), offset, limit,
        e -> page.add(ApiJson.executor(e, now, tickMs, startMs)));
    ok(ctx, new JsonObject().put("executors", page).put("total", total).put("limit", limit).put("offset", offset)
        .put("cursor", s.cursor().toString()));
  }

  public void getExecutor(RoutingContext ctx) {
    String id = Params.path(ctx, "executor_id");
    ExecutorEntry e = view.snapshot().executor(id);
    if (e == null) {
      ctx.fail(ApiException.notFound("No executor " + id));
      return;
    }
    ok(ctx, new JsonObject().put("executor", ApiJson.executor(e, clock.getAsLong(), tickMs, startMs)));
  }

  public void checkpoints(RoutingContext ctx) {
    String id = Params.path(ctx, "job_id");
    JobEntry job = view.snapshot().job(id);
    if (job == null) {
      ctx.fail(ApiException.notFound("No job " + id));
      return;
    }
    CheckpointInfo c = job.job().checkpoint();
    JsonArray epochs = new JsonArray();
    if (c != null) {
      c.epochs().forEach(e -> epochs.add(e.toJson()));
    }
    ok(ctx, new JsonObject().put("job_id", id).put("epochs", epochs).put("latest_epoch",
        c == null ? null : c.latestEpoch()));
  }

  public void listQueues(RoutingContext ctx) {
    JsonArray namespaces = new JsonArray();
    view.snapshot().queues().forEach(q -> namespaces.add(q.toJson()));
    ok(ctx, new JsonObject().put("namespaces", namespaces));
  }

  public void listHistory(RoutingContext ctx) {
    ViewSnapshot s = view.snapshot();
    int limit = Params.queryInt(ctx, "limit", Params.DEFAULT_LIMIT);
    int offset = Params.queryInt(ctx, "offset", 0);
    JsonArray page = new JsonArray();
    int total = page(s.history(), r -> true, offset, limit, r -> page.add(historyJson(r)));
    ok(ctx, new JsonObject().put("records", page).put("total", total).put("limit", limit).put("offset", offset));
  }

  public void getHistoryRecord(RoutingContext ctx) {
    String id = Params.path(ctx, "job_id");
    HistoryRecord r = view.snapshot().historyRecord(id);
    if (r == null) {
      ctx.fail(ApiException.notFound("No finished job " + id + " in the history"));
      return;
    }
    ok(ctx, new JsonObject().put("record", historyJson(r)));
  }

  static JsonObject historyJson(HistoryRecord r) {
    return new JsonObject().put("job_id", r.jobId()).put("job_kind", r.jobKind()).put("final_state", r.finalState())
        .put("completed_at_ms", r.completedAtMs()).put("stage_count", r.stageCount()).put("task_count", r.taskCount())
        .put("succeeded_task_count", r.succeededTaskCount()).put("failed_task_count", r.failedTaskCount())
        .put("cpu_nanos", r.cpuNanos()).put("memory_peak_task_bytes", r.memoryPeakTaskBytes())
        .put("namespace_id", r.namespaceId()).put("priority", r.priority());
  }

  /** {@code /api/v1/cluster}: counts only, so it stays cheap with 10,000 executors. */
  public void clusterStatus(RoutingContext ctx, boolean ready) {
    ViewSnapshot s = view.snapshot();
    long slotsUsed = 0;
    long slotsTotal = 0;
    for (ExecutorEntry e : s.executors()) {
      if (!"lost".equals(e.state()) && !"removed".equals(e.state())) {
        slotsUsed += e.slotsUsed();
        slotsTotal += e.heartbeat().slots();
      }
    }
    var c = s.coordinator();
    JsonObject coordinator = new JsonObject().put("id", c == null ? null : c.status().coordinatorId())
        .put("state", c == null ? null : c.status().state()).put("last_seen_ms", c == null ? null : c.lastSeenMs());
    ok(ctx, new JsonObject()
        .put("gateway", new JsonObject().put("version", krishiv.gateway.GatewayVersion.version())
            .put("epoch", s.cursor().epoch()).put("cursor", s.cursor().toString()).put("ready", ready)
            .put("warm", s.warm()))
        .put("coordinator", coordinator)
        .put("executors", new JsonObject().put("total", s.executorCount())
            .put("by_state", new JsonObject(new java.util.TreeMap<>(s.executorCountsByState())))
            .put("slots_used", slotsUsed).put("slots_total", slotsTotal))
        .put("jobs", new JsonObject().put("total", s.jobs().size())
            .put("by_state", new JsonObject(new java.util.TreeMap<>(s.jobCountsByState())))));
  }

  /** Visits the page [offset, offset+limit) of the matching items and returns how many match in all. */
  private static <T> int page(List<T> items, Predicate<T> filter, int offset, int limit,
      java.util.function.Consumer<T> visit) {
    int matched = 0;
    for (T item : items) {
      if (filter.test(item)) {
        if (matched >= offset && matched < offset + limit) {
          visit.accept(item);
        }
        matched++;
      }
    }
    return matched;
  }

  static void ok(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("Content-Type", "application/json").end(body.toBuffer());
  }
}
