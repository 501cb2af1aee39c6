package krishiv.gateway.sim;

/**
 * A coordinator command or control operation the simulation refuses, with an HTTP-like code that the verticle
 * hands to {@code Message.fail}: 400 bad request, 404 no such job/executor/task, 409 conflict with the current
 * state. No stack trace: a refusal is an answer, not a bug.
 */
public final class SimCommandException extends RuntimeException {
  private final int code;

  public SimCommandException(int code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public static SimCommandException badRequest(String message) {
    return new SimCommandException(400, message);
  }

  public static SimCommandException notFound(String message) {
    return new SimCommandException(404, message);
  }

  public static SimCommandException conflict(String message) {
    return new SimCommandException(409, message);
  }

  public int code() {
    return code;
  }
}
