package krishiv.gateway.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Objects;
import krishiv.gateway.view.ClusterView;
import krishiv.gateway.view.ViewSnapshot;

/**
 * {@code GET /metrics}: the registry's scrape, then the snapshot families (cached per snapshot version), then the
 * scrape-time families, in the format the {@code Accept} header prefers. The body is written as those three
 * parts, so the large cached part is never copied per scrape; gzip is the HTTP server's (it compresses when the
 * client sends {@code Accept-Encoding: gzip}).
 */
final class MetricsEndpoint implements Handler<RoutingContext> {
  private static final String OPENMETRICS_EOF = "# EOF\n";

  private final Vertx vertx;
  private final ClusterView view;
  private final PrometheusMeterRegistry registry;
  private final RenderCache cache;
  private final ScrapeFamilies scrapeFamilies;
  private final DroppedSeries dropped;

  MetricsEndpoint(Vertx vertx, ClusterView view, PrometheusMeterRegistry registry, RenderCache cache,
      ScrapeFamilies scrapeFamilies, DroppedSeries dropped) {
    this.vertx = Objects.requireNonNull(vertx);
    this.view = Objects.requireNonNull(view);
    this.registry = Objects.requireNonNull(registry);
    this.cache = Objects.requireNonNull(cache);
    this.scrapeFamilies = Objects.requireNonNull(scrapeFamilies);
    this.dropped = Objects.requireNonNull(dropped);
  }

  @Override
  public void handle(RoutingContext ctx) {
    ExpositionFormat format = ExpositionFormat.negotiate(ctx.request().getHeader(HttpHeaders.ACCEPT));
    body(format).onSuccess(parts -> {
      HttpServerResponse response = ctx.response();
      long length = 0;
      for (Buffer b : parts) {
        length += b.length();
      }
      response.putHeader(HttpHeaders.CONTENT_TYPE, format.contentType())
          .putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(length));
      for (int i = 0; i < parts.size() - 1; i++) {
        response.write(parts.get(i));
      }
      response.end(parts.get(parts.size() - 1));
    }).onFailure(ctx::fail);
  }

  /** The body's parts for one scrape of the latest snapshot. */
  Future<List<Buffer>> body(ExpositionFormat format) {
    ViewSnapshot snapshot = view.snapshot();
    return cache.get(snapshot, format).compose(cluster -> vertx.executeBlocking(() -> {
      dropped.add(cluster);
      return List.of(registryScrape(format), cluster.body(), scrapeFamilies.render(snapshot, cluster, format));
    }, false));
  }

  /** The registry's own scrape in {@code format}, without OpenMetrics' {@code # EOF} (it must come last). */
  private Buffer registryScrape(ExpositionFormat format) {
    String text = registry.scrape(format.contentType());
    if (format == ExpositionFormat.OPENMETRICS && text.endsWith(OPENMETRICS_EOF)) {
      text = text.substring(0, text.length() - OPENMETRICS_EOF.length());
    }
    return Buffer.buffer(text);
  }
}
