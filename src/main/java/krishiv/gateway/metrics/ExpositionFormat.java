package krishiv.gateway.metrics;

import java.util.Locale;

/**
 * The two text formats {@code /metrics} speaks, and the choice between them from an {@code Accept} header.
 * Prometheus text 0.0.4 is the default; OpenMetrics 1.0 is served when the client prefers it, as Prometheus 2.x
 * does ({@code application/openmetrics-text;version=1.0.0,...;text/plain;version=0.0.4;q=0.5,...}).
 */
public enum ExpositionFormat {
  PROMETHEUS_TEXT("text/plain; version=0.0.4; charset=utf-8"),
  OPENMETRICS("application/openmetrics-text; version=1.0.0; charset=utf-8");

  private final String contentType;

  ExpositionFormat(String contentType) {
    this.contentType = contentType;
  }

  /** The response's Content-Type, also what the Micrometer registry's {@code scrape(...)} takes. */
  public String contentType() {
    return contentType;
  }

  /**
   * OpenMetrics when the header gives it a higher quality than text 0.0.4 (wildcards count for both, so a tie
   * keeps the default); text otherwise, including for a missing header or only unsupported types (a scrape
   * endpoint answers something a scraper can read rather than 406).
   */
  public static ExpositionFormat negotiate(String accept) {
    if (accept == null || accept.isBlank()) {
      return PROMETHEUS_TEXT;
    }
    double openMetrics = 0;
    double text = 0;
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String type = parts[0].trim().toLowerCase(Locale.ROOT);
      double q = 1;
      String version = null;
      for (int i = 1; i < parts.length; i++) {
        String[] kv = parts[i].split("=", 2);
        String key = kv[0].trim().toLowerCase(Locale.ROOT);
        String value = kv.length > 1 ? kv[1].trim() : "";
        if ("q".equals(key)) {
          q = quality(value);
        } else if ("version".equals(key)) {
          version = value;
        }
      }
      switch (type) {
        case "application/openmetrics-text":
          // 0.0.1 is the pre-1.0 name of the same format; Prometheus reads our 1.0.0 body either way.
          if (version == null || "1.0.0".equals(version) || "0.0.1".equals(version)) {
            openMetrics = Math.max(openMetrics, q);
          }
          break;
        case "text/plain":
          if (version == null || "0.0.4".equals(version)) {
            text = Math.max(text, q);
          }
          break;
        case "text/*":
          text = Math.max(text, q);
          break;
        case "*/*":
          text = Math.max(text, q);
          openMetrics = Math.max(openMetrics, q);
          break;
        default:
          break;
      }
    }
    return openMetrics > 0 && openMetrics > text ? OPENMETRICS : PROMETHEUS_TEXT;
  }

  private static double quality(String value) {
    try {
      double q = Double.parseDouble(value);
      return q >= 0 && q <= 1 ? q : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
