package krishiv.gateway.view;

import java.util.Objects;

/**
 * A position in a gateway's event log: {@code epoch:seq}. The epoch is chosen at each gateway start, so a
 * cursor of another process (or of this one before a restart) is recognisable as such.
 */
public record Cursor(String epoch, long seq) {
  public Cursor {
    Objects.requireNonNull(epoch, "epoch");
    if (seq < 0) {
      throw new IllegalArgumentException("seq must not be negative");
    }
  }

  /** Parses {@code epoch:seq}; throws IllegalArgumentException for anything else. */
  public static Cursor parse(String text) {
    int colon = text == null ? -1 : text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("a cursor looks like EPOCH:SEQ");
    }
    try {
      return new Cursor(text.substring(0, colon), Long.parseLong(text.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a cursor looks like EPOCH:SEQ");
    }
  }

  @Override
  public String toString() {
    return epoch + ":" + seq;
  }
}
