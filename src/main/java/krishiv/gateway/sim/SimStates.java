package krishiv.gateway.sim;

/** The lowercase state names of the bus protocol that the simulation uses for jobs, stages and tasks. */
final class SimStates {
  static final String QUEUED = "queued";
  static final String ACCEPTED = "accepted";
  static final String PLANNING = "planning";
  static final String COMMITTING = "committing";
  static final String PENDING = "pending";
  static final String SCHEDULING = "scheduling";
  static final String ASSIGNED = "assigned";
  static final String RUNNING = "running";
  static final String RETRYING = "retrying";
  static final String SUCCEEDED = "succeeded";
  static final String FAILED = "failed";
  static final String CANCELLED = "cancelled";

  static final String BATCH = "batch";
  static final String STREAMING = "streaming";

  private SimStates() {}

  static boolean isTerminal(String state) {
    return SUCCEEDED.equals(state) || FAILED.equals(state) || CANCELLED.equals(state);
  }
}
