package krishiv.gateway.sim;

import static krishiv.gateway.sim.RequestFields.optionalInt;
import static krishiv.gateway.sim.RequestFields.optionalString;
import static krishiv.gateway.sim.RequestFields.requireBoolean;
import static krishiv.gateway.sim.RequestFields.requireInt;
import static krishiv.gateway.sim.RequestFields.requireString;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * The simulator's control surface on the bus: request-reply JSON {@code {op: ...}} on {@link #ADDRESS}, for tests
 * and demos (not part of the gateway's HTTP contract). Each op calls the matching method of
 * {@link SimulatedCluster}; the reply is {@code {op, ok: true, ...}}, a refusal a failure with code 400, 404 or
 * 409. See docs/simulator.md for one example of each op.
 */
public final class SimControl {
  /** Request-reply address of the control surface. */
  public static final String ADDRESS = "krishiv.sim.control";

  public static final String PAUSE_EXECUTOR = "pause_executor";
  public static final String RESUME_EXECUTOR = "resume_executor";
  public static final String RESTART_EXECUTOR = "restart_executor";
  public static final String REMOVE_EXECUTOR = "remove_executor";
  public static final String FAIL_TASK = "fail_task";
  public static final String FINISH_JOB = "finish_job";
  public static final String CANCEL_JOB = "cancel_job";
  public static final String SUBMIT_JOB = "submit_job";
  public static final String FREEZE = "freeze";
  public static final String DESCRIBE = "describe";

  /** Every op, in documentation order. */
  public static final List<String> OPS = List.of(PAUSE_EXECUTOR, RESUME_EXECUTOR, RESTART_EXECUTOR,
      REMOVE_EXECUTOR, FAIL_TASK, FINISH_JOB, CANCEL_JOB, SUBMIT_JOB, FREEZE, DESCRIBE);

  private final SimulatedCluster cluster;

  public SimControl(SimulatedCluster cluster) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
  }

  /** A control request: {@code {"op": "...", ...}}. */
  public static JsonObject request(String op) {
    return new JsonObject().put("op", op);
  }

  /** Carries out one request. */
  public JsonObject handle(JsonObject request) {
    String op = RequestFields.op(request);
    JsonObject reply = new JsonObject().put("op", op).put("ok", true);
    switch (op) {
      case PAUSE_EXECUTOR:
        cluster.pauseExecutor(executorId(request, reply));
        return reply;
      case RESUME_EXECUTOR:
        cluster.resumeExecutor(executorId(request, reply));
        return reply;
      case RESTART_EXECUTOR: {
        String id = executorId(request, reply);
        cluster.restartExecutor(id);
        return reply.put("incarnation", incarnation(id));
      }
      case REMOVE_EXECUTOR:
        cluster.removeExecutor(executorId(request, reply));
        return reply;
      case FAIL_TASK: {
        int stageId = requireInt(request, "stage_id");
        int taskId = requireInt(request, "task_id");
        cluster.failTask(jobId(request, reply), stageId, taskId);
        return reply.put("stage_id", stageId).put("task_id", taskId);
      }
      case FINISH_JOB:
        cluster.finishJob(jobId(request, reply));
        return reply;
      case CANCEL_JOB:
        cluster.cancelJob(jobId(request, reply));
        return reply;
      case SUBMIT_JOB:
        return reply.put("job_id", cluster.submitJob(spec(request)));
      case FREEZE:
        cluster.setFrozen(requireBoolean(request, "frozen"));
        return reply.put("frozen", cluster.frozen());
      case DESCRIBE:
        return reply.mergeIn(cluster.describe());
      default:
        throw SimCommandException.badRequest("unknown op '" + op + "'; expected one of " + OPS);
    }
  }

  private static String executorId(JsonObject request, JsonObject reply) {
    String id = requireString(request, "executor_id");
    reply.put("executor_id", id);
    return id;
  }

  private static String jobId(JsonObject request, JsonObject reply) {
    String id = requireString(request, "job_id");
    reply.put("job_id", id);
    return id;
  }

  private String incarnation(String executorId) {
    return cluster.executors().stream().filter(e -> e.executorId().equals(executorId)).findFirst()
        .map(SimulatedCluster.ExecutorView::incarnation).orElse(null);
  }

  /** {@code kind} is required; the rest defaults to a small job in the default namespace. */
  private static JobSpec spec(JsonObject request) {
    String kind = requireString(request, "kind");
    String name = optionalString(request, "name");
    Integer priority = optionalInt(request, "priority");
    Integer stages = optionalInt(request, "stages");
    Integer tasks = optionalInt(request, "tasks_per_stage");
    try {
      return new JobSpec(kind, name == null ? "submitted-" + kind : name, optionalString(request, "namespace"),
          priority == null ? 0 : priority, stages == null ? 3 : stages, tasks == null ? 4 : tasks);
    } catch (IllegalArgumentException e) {
      throw SimCommandException.badRequest(e.getMessage());
    }
  }
}
