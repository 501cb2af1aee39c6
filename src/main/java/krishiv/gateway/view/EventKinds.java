package krishiv.gateway.view;

/** The event kinds the gateway derives from the changes it applies (ReportEvent.event_kind). */
public final class EventKinds {
  public static final String JOB_SUBMITTED = "JobSubmitted";
  public static final String JOB_STATE_CHANGED = "JobStateChanged";
  public static final String JOB_CANCELLED = "JobCancelled";
  public static final String JOB_COMPLETED = "JobCompleted";
  public static final String STAGE_PLANNED = "StagePlanned";
  public static final String TASK_ASSIGNED = "TaskAssigned";
  public static final String TASK_STARTED = "TaskStarted";
  public static final String TASK_SUCCEEDED = "TaskSucceeded";
  public static final String TASK_FAILED = "TaskFailed";
  public static final String CHECKPOINT_COMPLETED = "CheckpointCompleted";
  public static final String SAVEPOINT_COMPLETED = "SavepointCompleted";
  public static final String EXECUTOR_REGISTERED = "ExecutorRegistered";
  public static final String EXECUTOR_LOST = "ExecutorLost";
  public static final String EXECUTOR_RECOVERED = "ExecutorRecovered";
  public static final String EXECUTOR_REMOVED = "ExecutorRemoved";

  private EventKinds() {}
}
