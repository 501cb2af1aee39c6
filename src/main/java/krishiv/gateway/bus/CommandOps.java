package krishiv.gateway.bus;

/** The operations of {@link BusAddresses#COORDINATOR_COMMANDS} ({@code "op"} of a request). */
public final class CommandOps {
  public static final String SYNC = "sync";
  public static final String SAVEPOINT = "savepoint";
  public static final String CANCEL = "cancel";
  public static final String INSPECT_STATE = "inspect_state";

  private CommandOps() {}
}
