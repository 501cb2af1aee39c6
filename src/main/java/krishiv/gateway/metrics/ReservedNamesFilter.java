package krishiv.gateway.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.config.NamingConvention;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a Micrometer meter from taking the name of a family {@code /metrics} renders itself: the same family name
 * twice in one scrape makes Prometheus reject the whole scrape. A colliding meter is denied (never registered)
 * and logged; the rendered family wins.
 */
final class ReservedNamesFilter implements MeterFilter {
  private static final Logger LOG = LoggerFactory.getLogger(ReservedNamesFilter.class);

  private final NamingConvention convention;
  private final Set<String> reserved = new HashSet<>();

  ReservedNamesFilter(NamingConvention convention) {
    this.convention = convention;
    for (MetricFamily f : MetricFamily.values()) {
      reserved.add(f.metricName());
      reserved.add(f.familyName(ExpositionFormat.OPENMETRICS));
    }
  }

  @Override
  public MeterFilterReply accept(Meter.Id id) {
    String name = convention.name(id.getName(), id.getType(), id.getBaseUnit());
    String base = name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
    if (reserved.contains(name) || reserved.contains(base) || reserved.contains(base + "_total")) {
      LOG.warn("meter {} would be exposed as {}, a family /metrics renders itself: not registered", id.getName(),
          name);
      return MeterFilterReply.DENY;
    }
    return MeterFilterReply.NEUTRAL;
  }
}
