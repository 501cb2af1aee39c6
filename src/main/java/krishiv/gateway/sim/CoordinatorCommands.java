package krishiv.gateway.sim;

import static krishiv.gateway.sim.RequestFields.optionalString;
import static krishiv.gateway.sim.RequestFields.requireString;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Objects;
import krishiv.gateway.bus.CommandOps;
import krishiv.gateway.sim.SimulatedCluster.OperatorSnapshot;
import krishiv.gateway.sim.SimulatedCluster.SavepointTicket;

/**
 * The simulated coordinator's side of {@code krishiv.coordinator.commands}: turns a request into a call on the
 * {@link SimulatedCluster} and its result into the reply of docs/bus-protocol.md. Refusals are
 * {@link SimCommandException}s with the code the gateway maps to HTTP (400, 404, 409).
 */
public final class CoordinatorCommands {
  private final SimulatedCluster cluster;

  public CoordinatorCommands(SimulatedCluster cluster) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
  }

  /** Answers one request. */
  public JsonObject handle(JsonObject request) {
    String op = RequestFields.op(request);
    switch (op) {
      case CommandOps.SYNC:
        return cluster.sync().toJson();
      case CommandOps.SAVEPOINT: {
        SavepointTicket t = cluster.requestSavepoint(requireString(request, "job_id"),
            optionalString(request, "label"));
        return new JsonObject().put("job_id", t.jobId()).put("label", t.label()).put("epoch", t.epoch())
            .put("message", "savepoint '" + t.label() + "' scheduled: checkpoint epoch " + t.epoch()
                + " will be a savepoint");
      }
      case CommandOps.CANCEL: {
        String jobId = requireString(request, "job_id");
        cluster.cancelJob(jobId);
        return new JsonObject().put("job_id", jobId).put("cancelled", true);
      }
      case CommandOps.INSPECT_STATE: {
        String jobId = requireString(request, "job_id");
        String operatorId = requireString(request, "operator_id");
        JsonArray snapshots = new JsonArray();
        for (OperatorSnapshot s : cluster.inspectState(jobId, operatorId)) {
          snapshots.add(new JsonObject().put("task_id", s.taskId()).put("snapshot_path", s.snapshotPath()));
        }
        return new JsonObject().put("job_id", jobId).put("operator_id", operatorId).put("snapshots", snapshots);
      }
      default:
        throw SimCommandException.badRequest("unknown op '" + op + "'; expected sync, savepoint, cancel or"
            + " inspect_state");
    }
  }
}
