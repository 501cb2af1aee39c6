package krishiv.gateway.metrics;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.vertx.core.spi.observability.HttpRequest;

/**
 * Leaves {@code /metrics} out of the gateway's own HTTP metrics, so scraping does not show up as traffic. Vert.x
 * tags every server-request meter with what {@link #tags} returns at request start: scrape requests get a marker
 * tag and {@link #meterFilter()} denies every meter carrying it (requests, response time and bytes, request
 * bytes, active requests), so those meters are never registered. Other requests get no extra tag, so their tag
 * keys are the same as without this.
 */
public final class SelfScrapeExclusion {
  /** The scrape path. */
  public static final String PATH = "/metrics";
  static final String MARKER = "krishiv_self_scrape";
  private static final Tags MARKED = Tags.of(MARKER, "true");

  private SelfScrapeExclusion() {}

  /** The server request tags provider ({@code MicrometerMetricsOptions.setServerRequestTagsProvider}). */
  public static Iterable<Tag> tags(HttpRequest request) {
    String uri = request.uri();
    int query = uri.indexOf('?');
    String path = query < 0 ? uri : uri.substring(0, query);
    return PATH.equals(path) ? MARKED : Tags.empty();
  }

  /** Denies the meters of scrape requests; install it on the registry before Vert.x is built. */
  public static MeterFilter meterFilter() {
    return MeterFilter.deny(id -> id.getTag(MARKER) != null);
  }
}
