package krishiv.gateway.auth;

/**
 * A bearer token was presented and refused. The reason is a category for debug logs; it never carries the
 * token or the verifier's own message (which can describe the token, e.g. "Invalid JWT issuer").
 */
public final class AuthenticationFailure extends RuntimeException {
  /** Why a token was refused. */
  public enum Reason {
    UNKNOWN_TOKEN("not a configured token"),
    MALFORMED_JWT("not a well-formed JWT"),
    ALGORITHM_NOT_ALLOWED("a JWT algorithm with no configured key"),
    JWT_REJECTED("a JWT that failed verification (signature, exp, nbf, iss or aud)");

    private final String description;

    Reason(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private final Reason reason;

  public AuthenticationFailure(Reason reason) {
    super(reason.description(), null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
