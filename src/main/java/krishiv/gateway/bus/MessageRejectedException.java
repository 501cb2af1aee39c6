package krishiv.gateway.bus;

/**
 * A bus message failed validation. Thrown by the field readers and caught by the view's consumers, which count
 * and drop the message; it never escapes into the event bus. No stack trace: rejections are routine input.
 */
public final class MessageRejectedException extends RuntimeException {
  private final RejectReason reason;

  public MessageRejectedException(RejectReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public RejectReason reason() {
    return reason;
  }
}
