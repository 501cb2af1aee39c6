package krishiv.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import krishiv.gateway.bus.CommandOps;
import krishiv.gateway.bus.CoordinatorClient;
import krishiv.gateway.bus.MessageRejectedException;
import krishiv.gateway.view.ClusterView;

/**
 * The routes that forward a command to the coordinator: savepoint, cancel, state inspect. The job must be
 * known to the view (else 404 without asking); the coordinator's failures map to HTTP: timeout 504, nobody
 * listening 503, its own failure code (404, 409, 400) as is.
 */
public final class CommandHandlers {
  private final ClusterView view;
  private final CoordinatorClient coordinator;

  public CommandHandlers(ClusterView view, CoordinatorClient coordinator) {
    this.view = Objects.requireNonNull(view);
    this.coordinator = Objects.requireNonNull(coordinator);
  }

  public void savepoint(RoutingContext ctx) {
    String jobId = knownJob(ctx);
    if (jobId == null) {
      return;
    }
    // The body is optional and, when present, already checked against the contract.
    JsonObject body = ctx.body() == null ? null : ctx.body().asJsonObject();
    String label = body == null ? null : body.getString("label");
    forward(ctx, CommandOps.SAVEPOINT, new JsonObject().put("job_id", jobId).put("label", label), reply -> {
      requireFields(reply, "job_id", "epoch", "message");
      return new JsonObject().put("job_id", reply.getString("job_id")).put("label", reply.getString("label", label))
          .put("epoch", reply.getLong("epoch")).put("message", reply.getString("message"));
    }, 202);
  }

  public void cancel(RoutingContext ctx) {
    String jobId = knownJob(ctx);
    if (jobId == null) {
      return;
    }
    forward(ctx, CommandOps.CANCEL, new JsonObject().put("job_id", jobId), reply -> {
      requireFields(reply, "job_id", "cancelled");
      return new JsonObject().put("job_id", reply.getString("job_id")).put("cancelled", reply.getBoolean("cancelled"));
    }, 200);
  }

  public void inspectState(RoutingContext ctx) {
    String jobId = knownJob(ctx);
    if (jobId == null) {
      return;
    }
    String operatorId = Params.path(ctx, "operator_id");
    forward(ctx, CommandOps.INSPECT_STATE, new JsonObject().put("job_id", jobId).put("operator_id", operatorId),
        reply -> {
          requireFields(reply, "snapshots");
          JsonArray snapshots = new JsonArray();
          for (Object o : reply.getJsonArray("snapshots")) {
            JsonObject s = (JsonObject) o;
            snapshots.add(new JsonObject().put("task_id", s.getInteger("task_id"))
                .put("snapshot_path", s.getString("snapshot_path")));
          }
          return new JsonObject().put("job_id", jobId).put("operator_id", operatorId).put("snapshots", snapshots);
        }, 200);
  }

  private String knownJob(RoutingContext ctx) {
    String jobId = Params.path(ctx, "job_id");
    if (view.snapshot().job(jobId) == null) {
      ctx.fail(ApiException.notFound("No job " + jobId));
      return null;
    }
    return jobId;
  }

  private void forward(RoutingContext ctx, String op, JsonObject args,
      java.util.function.Function<JsonObject, JsonObject> shape, int status) {
    Future<JsonObject> reply = coordinator.send(op, args);
    reply.onComplete(ar -> {
      if (ar.succeeded()) {
        JsonObject out;
        try {
          out = shape.apply(ar.result());
        } catch (RuntimeException e) {
          ctx.fail(new ApiException(502, "The coordinator's answer to " + op + " is not what the protocol says",
              java.util.List.of(), e));
          return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(out.toBuffer());
      } else {
        ctx.fail(toApiException(op, ar.cause()));
      }
    });
  }

  static ApiException toApiException(String op, Throwable cause) {
    if (cause instanceof ReplyException) {
      ReplyException re = (ReplyException) cause;
      switch (re.failureType()) {
        case TIMEOUT:
          return new ApiException(504, "The coordinator did not answer " + op + " in time");
        case NO_HANDLERS:
          return new ApiException(503, "No coordinator is listening for commands");
        default:
          int code = re.failureCode();
          String message = re.getMessage() == null ? op + " failed" : re.getMessage();
          return new ApiException(code >= 400 && code <= 599 ? code : 502, "The coordinator refused " + op + ": "
              + message);
      }
    }
    if (cause instanceof MessageRejectedException) {
      return new ApiException(502, cause.getMessage());
    }
    return new ApiException(500, "Forwarding " + op + " failed", java.util.List.of(), cause);
  }

  private static void requireFields(JsonObject reply, String... fields) {
    for (String f : fields) {
      if (!reply.containsKey(f) || reply.getValue(f) == null) {
        throw new IllegalArgumentException("missing " + f);
      }
    }
  }
}
