package krishiv.gateway.cli.support;

/** A failure the command line reports in one line on stderr, with its exit code (1 runtime, 2 usage). */
public final class CliException extends RuntimeException {
  public static final int RUNTIME = 1;
  public static final int USAGE = 2;

  private final int exitCode;

  public CliException(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
