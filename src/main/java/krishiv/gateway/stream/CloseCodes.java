package krishiv.gateway.stream;

/**
 * The WebSocket close codes the stream uses (SSE streams end with a {@code close} event carrying the same code
 * and reason). 4xxx codes are the application's own range (RFC 6455 §7.4.2); their last three digits echo the
 * HTTP status of the same situation.
 */
public final class CloseCodes {
  /** Gateway shutdown or a peer that stopped answering pings; the reason names the cursor to resume from. */
  public static final short GOING_AWAY = 1001;
  /** The client sent a binary frame. */
  public static final short UNSUPPORTED_DATA = 1003;
  /** A client message larger than {@code stream.max-frame-bytes}, or split over several frames. */
  public static final short MESSAGE_TOO_BIG = 1009;
  /** The client sent a frame that is not a valid client message. */
  public static final short BAD_FRAME = 4400;
  /** No valid credentials within the deadline, or credentials that expired or were revoked. */
  public static final short UNAUTHORIZED = 4401;
  /** Valid credentials without {@code events:read}. */
  public static final short FORBIDDEN = 4403;
  /** The subscriber did not read fast enough; the reason names the last cursor queued for it. */
  public static final short SLOW_CONSUMER = 4008;

  private CloseCodes() {}
}
