package krishiv.gateway.bus;

import java.util.Locale;

/** Why a bus message was dropped; the lowercase name is the {@code reason} metric label. */
public enum RejectReason {
  NOT_JSON,
  UNKNOWN_VERSION,
  OVERSIZED,
  MISSING_FIELD,
  WRONG_TYPE,
  NEGATIVE_VALUE,
  INVALID_VALUE,
  /** A bound of the view (max executors, max jobs) would be exceeded. */
  OVER_CAPACITY;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
