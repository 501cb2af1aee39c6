package krishiv.gateway.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import krishiv.gateway.health.Readiness;

/** {@code /healthz} and {@code /readyz}. */
public final class HealthHandlers {
  private final Readiness readiness;

  public HealthHandlers(Readiness readiness) {
    this.readiness = Objects.requireNonNull(readiness);
  }

  public void health(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end("ok");
  }

  /** {@code /readyz/{check}}: one check, 200 or 503, always JSON; unknown check 404. */
  public void readinessCheck(RoutingContext ctx) {
    String name = Params.path(ctx, "check");
    if (readiness.check(name) == null) {
      ctx.fail(ApiException.notFound("No readiness check " + name + "; known checks: "
          + readiness.names().stream().sorted().collect(Collectors.joining(", "))));
      return;
    }
    Set<String> others = new HashSet<>(readiness.names());
    others.remove(name);
    Readiness.Evaluated e = readiness.evaluate(others).get(0);
    ctx.response().setStatusCode(e.result().ok() ? 200 : 503).putHeader("Content-Type", "application/json")
        .end(checkJson(e).toBuffer());
  }

  private static JsonObject checkJson(Readiness.Evaluated e) {
    return new JsonObject().put("name", e.check().name()).put("status", e.result().ok() ? "ok" : "failing")
        .put("gating", e.check().gating()).put("detail", e.result().detail()).put("age_ms", e.result().ageMs());
  }

  public void readiness(RoutingContext ctx) {
    ValidatedRequest vr = Params.validated(ctx);
    Set<String> exclude = new HashSet<>();
    boolean verbose = ctx.queryParams().contains("verbose");
    if (vr != null) {
      RequestParameter ex = vr.getQuery().get("exclude");
      if (ex != null && !ex.isNull()) {
        ex.getJsonArray().forEach(v -> exclude.add(String.valueOf(v)));
      }
    }
    Set<String> unknown = new HashSet<>(exclude);
    unknown.removeAll(readiness.names());
    if (!unknown.isEmpty()) {
      String names = unknown.stream().sorted().collect(Collectors.joining(", "));
      ctx.fail(ApiException.badRequest("exclude", "query",
          "unknown check " + names + "; known checks: " + readiness.names().stream().sorted()
              .collect(Collectors.joining(", "))));
      return;
    }
    List<Readiness.Evaluated> results = readiness.evaluate(exclude);
    boolean ready = Readiness.ready(results);
    ctx.response().setStatusCode(ready ? 200 : 503);
    if (verbose) {
      JsonArray checks = new JsonArray();
      for (Readiness.Evaluated e : results) {
        checks.add(checkJson(e));
      }
      ctx.response().putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("status", ready ? "ready" : "not_ready").put("checks", checks).toBuffer());
      return;
    }
    String body = ready ? "ready" : "not ready: " + results.stream()
        .filter(e -> e.check().gating() && !e.result().ok())
        .map(e -> e.check().name() + " (" + e.result().detail() + ")").collect(Collectors.joining(", "));
    ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(body);
  }
}
