package krishiv.gateway.metrics;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import krishiv.gateway.view.ViewSnapshot;

/**
 * The rendered snapshot families of the latest snapshot version, per format. Concurrent scrapes of the same
 * version share one rendering; a new version renders once, on a worker thread (10,000 executors are ~50,000
 * lines: too long for an event loop). Only the latest version is kept per format.
 */
final class RenderCache {
  private record Entry(long version, Future<RenderedFamilies> rendered) {}

  private final Vertx vertx;
  private final ClusterFamiliesRenderer renderer;
  private final Map<ExpositionFormat, AtomicReference<Entry>> latest = new EnumMap<>(ExpositionFormat.class);

  RenderCache(Vertx vertx, ClusterFamiliesRenderer renderer) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    for (ExpositionFormat f : ExpositionFormat.values()) {
      latest.put(f, new AtomicReference<>());
    }
  }

  /** The families of {@code snapshot} in {@code format}: cached, in progress, or rendered now off the event loop. */
  Future<RenderedFamilies> get(ViewSnapshot snapshot, ExpositionFormat format) {
    AtomicReference<Entry> slot = latest.get(format);
    while (true) {
      Entry current = slot.get();
      if (current != null && current.version() == snapshot.version()) {
        return current.rendered();
      }
      if (current != null && current.version() > snapshot.version()) {
        // A scrape that read an older snapshot than one already rendering: render it apart, keep the newer entry.
        return vertx.executeBlocking(() -> renderer.render(snapshot, format), false);
      }
      Promise<RenderedFamilies> promise = Promise.promise();
      Entry mine = new Entry(snapshot.version(), promise.future());
      if (slot.compareAndSet(current, mine)) {
        vertx.executeBlocking(() -> renderer.render(snapshot, format), false).onComplete(ar -> {
          if (ar.failed()) {
            slot.compareAndSet(mine, null); // let the next scrape try again instead of caching the failure
          }
          promise.handle(ar);
        });
        return mine.rendered();
      }
    }
  }
}
