package krishiv.gateway.http;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operations of the contract ({@code openapi/krishiv-gateway.yaml}), by operationId. A test proves this set
 * equals the contract's, so a route added on one side only fails the build.
 */
public enum Operation {
  GET_HEALTH("getHealth"),
  GET_READINESS("getReadiness"),
  GET_OPENAPI("getOpenApi"),
  LIST_JOBS("listJobs"),
  GET_JOB("getJob"),
  LIST_EXECUTORS("listExecutors"),
  GET_EXECUTOR("getExecutor"),
  GET_READINESS_CHECK("getReadinessCheck"),
  GET_JOB_CHECKPOINTS("getJobCheckpoints"),
  TRIGGER_SAVEPOINT("triggerSavepoint"),
  CANCEL_JOB("cancelJob"),
  INSPECT_OPERATOR_STATE("inspectOperatorState"),
  LIST_QUEUES("listQueues"),
  LIST_HISTORY("listHistory"),
  GET_HISTORY_RECORD("getHistoryRecord"),
  DIAGNOSE_JOB("diagnoseJob"),
  GET_CLUSTER_REPORT("getClusterReport"),
  GET_SYSTEM_METRICS("getSystemMetrics"),
  GET_CLUSTER_STATUS("getClusterStatus"),
  GET_METRICS("getMetrics"),
  /** The event stream authenticates itself: a browser's WebSocket upgrade cannot carry an Authorization header. */
  STREAM_EVENTS("streamEvents", true);

  private final String operationId;
  private final boolean ownAuthentication;

  Operation(String operationId) {
    this(operationId, false);
  }

  Operation(String operationId, boolean ownAuthentication) {
    this.operationId = operationId;
    this.ownAuthentication = ownAuthentication;
  }

  /** True when the handler checks credentials itself, so the router's security must not run before it. */
  public boolean ownAuthentication() {
    return ownAuthentication;
  }

  /** The operationIds of the operations that check credentials themselves. */
  public static Set<String> selfAuthenticated() {
    return Arrays.stream(values()).filter(Operation::ownAuthentication).map(Operation::operationId)
        .collect(Collectors.toUnmodifiableSet());
  }

  public String operationId() {
    return operationId;
  }

  public static Set<String> operationIds() {
    return Arrays.stream(values()).map(Operation::operationId).collect(Collectors.toCollection(java.util.TreeSet::new));
  }
}
