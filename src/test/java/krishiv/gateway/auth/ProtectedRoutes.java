package krishiv.gateway.auth;

import java.util.Map;

/** Every protected GET route, each with the status an authorised request gets from a fresh gateway. */
final class ProtectedRoutes {
  /** No coordinator has synced (so readiness is 503) and no job or executor exists (so lookups are 404). */
  static final Map<String, Integer> AUTHORISED_STATUS = Map.ofEntries(
      Map.entry("/readyz", 503),
      Map.entry("/readyz/view", 503),
      Map.entry("/api/v1/jobs", 200),
      Map.entry("/api/v1/jobs/job-1", 404),
      Map.entry("/api/v1/jobs/job-1/checkpoints", 404),
      Map.entry("/api/v1/jobs/job-1/diagnose", 404),
      Map.entry("/api/v1/jobs/job-1/operators/agg/state", 404),
      Map.entry("/api/v1/executors", 200),
      Map.entry("/api/v1/executors/exec-1", 404),
      Map.entry("/api/v1/queues", 200),
      Map.entry("/api/v1/history", 200),
      Map.entry("/api/v1/history/job-1", 404),
      Map.entry("/api/v1/report", 200),
      Map.entry("/api/v1/system", 200),
      Map.entry("/api/v1/cluster", 200),
      Map.entry("/api/v1/openapi.json", 200));

  /** The routes that change something: they need {@code jobs:write} (an unknown job, once allowed, is 404). */
  static final Map<String, Integer> WRITE_ROUTES = Map.of(
      "/api/v1/jobs/job-1/savepoints", 404,
      "/api/v1/jobs/job-1/cancel", 404);

  private ProtectedRoutes() {}
}
