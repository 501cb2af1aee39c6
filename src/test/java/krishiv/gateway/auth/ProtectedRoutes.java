package krishiv.gateway.auth;

import java.util.Map;

/** The protected routes present now, each with the status an authorised request gets from a fresh gateway. */
final class ProtectedRoutes {
  /** No coordinator has synced (so /readyz is 503) and no job or executor exists (so lookups are 404). */
  static final Map<String, Integer> AUTHORISED_STATUS = Map.of(
      "/readyz", 503,
      "/api/v1/jobs", 200,
      "/api/v1/jobs/job-1", 404,
      "/api/v1/executors", 200,
      "/api/v1/executors/exec-1", 404,
      "/api/v1/openapi.json", 200);

  private ProtectedRoutes() {}
}
