package krishiv.gateway.http;

import java.util.List;

/**
 * A failure that knows its HTTP status. Handlers {@code ctx.fail(new ApiException(...))} and the one failure
 * handler writes the problem body; no handler builds error responses itself.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final List<Problem.FieldError> errors;

  public ApiException(int status, String detail) {
    this(status, detail, List.of(), null);
  }

  public ApiException(int status, String detail, List<Problem.FieldError> errors, Throwable cause) {
    super(detail, cause, false, false);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("not an error status: " + status);
    }
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, what);
  }

  public static ApiException badRequest(String name, String in, String reason) {
    return new ApiException(400, "The value of " + in + " parameter " + name + " is invalid: " + reason,
        List.of(new Problem.FieldError(name, in, reason)), null);
  }

  public int status() {
    return status;
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }
}
