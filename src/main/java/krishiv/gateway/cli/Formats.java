package krishiv.gateway.cli;

import java.time.Duration;

/** Small, consistent renderings for tables. */
final class Formats {
  private Formats() {}

  /** 1234 ms → "1.2s", 95000 → "1m35s". */
  static String age(long ms) {
    if (ms < 1_000) {
      return ms + "ms";
    }
    if (ms < 60_000) {
      return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }
    Duration d = Duration.ofMillis(ms);
    return d.toHours() > 0 ? d.toHours() + "h" + d.toMinutesPart() + "m" : d.toMinutes() + "m" + d.toSecondsPart() + "s";
  }

  static String namespace(Object ns) {
    return ns == null ? "default" : ns.toString();
  }
}
