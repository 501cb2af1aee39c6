package krishiv.gateway.metrics;

import krishiv.gateway.config.ConfigKeys;
import krishiv.gateway.config.GatewayConfig;

/**
 * The cardinality budget of the families rendered from the snapshot: series in all, series per family, and the
 * longest label value. A series past a limit, or with a longer label value, is left out (not truncated: two
 * truncated values could collide into one duplicate series) and counted.
 */
public record MetricsLimits(int maxSeries, int maxSeriesPerFamily, int maxLabelValueLength) {
  public MetricsLimits {
    if (maxSeries < 0 || maxSeriesPerFamily < 0 || maxLabelValueLength < 1) {
      throw new IllegalArgumentException("metrics limits must be >= 0 (label length >= 1)");
    }
  }

  public static MetricsLimits from(GatewayConfig c) {
    return new MetricsLimits(c.integer(ConfigKeys.METRICS_MAX_SERIES), c.integer(ConfigKeys.METRICS_MAX_SERIES_PER_FAMILY),
        c.integer(ConfigKeys.METRICS_MAX_LABEL_VALUE_LENGTH));
  }
}
