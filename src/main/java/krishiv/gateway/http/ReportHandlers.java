package krishiv.gateway.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import krishiv.gateway.model.ModelJson;
import krishiv.gateway.model.SystemMetrics;
import krishiv.gateway.report.ReportAssembler;
import krishiv.gateway.view.ClusterView;
import krishiv.gateway.view.EventLog;
import krishiv.gateway.view.JobEntry;
import krishiv.gateway.view.ViewEvent;
import krishiv.gateway.view.ViewSnapshot;

/** The report routes: a job's diagnose report, the cluster report, the gateway's own system metrics. */
public final class ReportHandlers {
  /** Recent events carried by the cluster report. */
  static final int CLUSTER_RECENT_EVENTS = 50;

  private final Vertx vertx;
  private final ClusterView view;
  private final LongSupplier clock;
  private final ReportAssembler assembler;

  public ReportHandlers(Vertx vertx, ClusterView view, LongSupplier clock, long tickMs) {
    this.vertx = Objects.requireNonNull(vertx);
    this.view = Objects.requireNonNull(view);
    this.clock = Objects.requireNonNull(clock);
    this.assembler = new ReportAssembler(tickMs);
  }

  public void diagnose(RoutingContext ctx) {
    String id = Params.path(ctx, "job_id");
    ViewSnapshot s = view.snapshot();
    JobEntry job = s.job(id);
    if (job == null) {
      ctx.fail(ApiException.notFound("No job " + id));
      return;
    }
    json(ctx, ModelJson.toJsonBytes(assembler.diagnose(s, job, clock.getAsLong())));
  }

  public void clusterReport(RoutingContext ctx) {
    ViewSnapshot s = view.snapshot();
    EventLog log = view.events();
    // Events up to the snapshot's cursor, so the report describes one consistent moment.
    long until = s.cursor().seq();
    List<ViewEvent> recent = log.readAfter(Math.max(0, until - CLUSTER_RECENT_EVENTS), CLUSTER_RECENT_EVENTS);
    json(ctx, ModelJson.toJsonBytes(assembler.cluster(s, recent == null ? List.of() : recent, clock.getAsLong())));
  }

  public void systemMetrics(RoutingContext ctx) {
    // Reading /proc and the host name may block: off the event loop.
    vertx.executeBlocking(SystemMetrics::current, false).onComplete(ar -> {
      if (ar.succeeded()) {
        json(ctx, ModelJson.toJsonBytes(ar.result()));
      } else {
        ctx.fail(ar.cause());
      }
    });
  }

  private static void json(RoutingContext ctx, byte[] body) {
    ctx.response().putHeader("Content-Type", "application/json").end(io.vertx.core.buffer.Buffer.buffer(body));
  }
}
