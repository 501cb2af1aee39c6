package krishiv.gateway.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The value types a configuration key can have, each with its parser and a message for bad input. */
public enum ConfigType {
  STRING,
  INT,
  LONG,
  BOOLEAN,
  /** A duration with a unit: {@code 250ms}, {@code 45s}, {@code 10m}, {@code 1h}. */
  DURATION,
  /** A size in bytes, with an optional unit: {@code 1048576}, {@code 64KiB}, {@code 1MiB}. */
  BYTES;

  private static final Pattern DURATION_PATTERN = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
  private static final Pattern BYTES_PATTERN = Pattern.compile("(\\d+)\\s*(|b|kib|mib|gib|kb|mb|gb)");

  /** Parses {@code raw} into this type's Java value; throws IllegalArgumentException with a short reason. */
  public Object parse(String raw) {
    String v = raw.trim();
    switch (this) {
      case STRING:
        return v;
      case INT:
        try {
          return Integer.parseInt(v);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("expected an integer, got '" + v + "'");
        }
      case LONG:
        try {
          return Long.parseLong(v);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("expected an integer, got '" + v + "'");
        }
      case BOOLEAN:
        switch (v.toLowerCase(Locale.ROOT)) {
          case "true": case "yes": case "on": case "1":
            return Boolean.TRUE;
          case "false": case "no": case "off": case "0":
            return Boolean.FALSE;
          default:
            throw new IllegalArgumentException("expected true or false, got '" + v + "'");
        }
      case DURATION: {
        Matcher m = DURATION_PATTERN.matcher(v.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
          throw new IllegalArgumentException("expected a duration such as 250ms, 45s, 10m or 1h, got '" + v + "'");
        }
        long n = Long.parseLong(m.group(1));
        switch (m.group(2)) {
          case "ms": return Duration.ofMillis(n);
          case "s": return Duration.ofSeconds(n);
          case "m": return Duration.ofMinutes(n);
          default: return Duration.ofHours(n);
        }
      }
      case BYTES: {
        Matcher m = BYTES_PATTERN.matcher(v.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
          throw new IllegalArgumentException("expected a size such as 1048576, 64KiB or 1MiB, got '" + v + "'");
        }
        long n = Long.parseLong(m.group(1));
        switch (m.group(2)) {
          case "kib": case "kb": return n * 1024L;
          case "mib": case "mb": return n * 1024L * 1024L;
          case "gib": case "gb": return n * 1024L * 1024L * 1024L;
          default: return n;
        }
      }
      default:
        throw new AssertionError(this);
    }
  }
}
