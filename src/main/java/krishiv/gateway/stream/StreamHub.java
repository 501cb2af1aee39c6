package krishiv.gateway.stream;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import krishiv.gateway.view.ClusterView;
import krishiv.gateway.view.ViewEvent;

/**
 * The live event stream of one gateway: it listens to the view's events and hands each one, wrapped once for
 * shared encoding, to the shard of every HTTP event loop that holds subscribers. It owns the subscriber limit,
 * the stats, the authenticator and the shutdown of all streams.
 */
public final class StreamHub {
  private final Vertx vertx;
  private final ClusterView view;
  private final StreamSettings settings;
  private final StreamAuthenticator authenticator;
  private final StreamStats stats;
  private final LongSupplier clock;
  private final List<StreamShard> shards = new CopyOnWriteArrayList<>();
  private final Map<Context, StreamShard> byContext = new ConcurrentHashMap<>();
  private final AtomicInteger slots = new AtomicInteger();
  private volatile boolean stopping;

  private StreamHub(Vertx vertx, ClusterView view, StreamSettings settings, StreamAuthenticator authenticator,
      StreamStats stats, LongSupplier clock) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.view = Objects.requireNonNull(view, "view");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.stats = Objects.requireNonNull(stats, "stats");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Creates the hub and subscribes it to the view's events. */
  public static StreamHub create(Vertx vertx, ClusterView view, StreamSettings settings,
      StreamAuthenticator authenticator, StreamStats stats, LongSupplier clock) {
    StreamHub hub = new StreamHub(vertx, view, settings, authenticator, stats, clock);
    view.onEvent(hub::publish);
    return hub;
  }

  /** The route handler of {@code GET /api/v1/events} (operation {@code streamEvents}). */
  public Handler<RoutingContext> handler() {
    return new StreamEndpoint(this);
  }

  /**
   * The server options the stream relies on: the {@code krishiv.v1} subprotocol (so a browser offering
   * {@code krishiv.v1, krishiv.bearer.<token>} gets {@code krishiv.v1} back, never its token), the frame size
   * limit, and no per-message compression (it would deflate every shared frame once per connection).
   */
  public static HttpServerOptions configure(HttpServerOptions options, StreamSettings settings) {
    return options.setWebSocketSubProtocols(List.of(StreamEndpoint.SUBPROTOCOL))
        .setMaxWebSocketFrameSize(settings.maxFrameBytes())
        .setMaxWebSocketMessageSize(settings.maxFrameBytes())
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false)
        .setWebSocketClosingTimeout((int) Math.max(1, (settings.closeGraceMs() + 999) / 1000));
  }

  public StreamStats stats() {
    return stats;
  }

  /** Open stream connections, including those still authenticating. */
  public int connections() {
    return slots.get();
  }

  /** Shards in use: one per HTTP event loop that has had a subscriber. */
  int shardCount() {
    return shards.size();
  }

  Vertx vertx() {
    return vertx;
  }

  ClusterView view() {
    return view;
  }

  StreamSettings settings() {
    return settings;
  }

  StreamAuthenticator authenticator() {
    return authenticator;
  }

  LongSupplier clock() {
    return clock;
  }

  /** Takes a connection slot; false when the limit is reached or the gateway is stopping. */
  boolean tryReserveSlot() {
    if (stopping) {
      return false;
    }
    while (true) {
      int n = slots.get();
      if (n >= settings.maxSubscribers()) {
        return false;
      }
      if (slots.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  void releaseSlot() {
    slots.decrementAndGet();
  }

  boolean stopping() {
    return stopping;
  }

  /** The shard of the event loop of {@code current} (a request's context), created on first use. */
  StreamShard shard(Context current) {
    Context context = VertxInternals.rootContext(current);
    StreamShard existing = byContext.get(context);
    if (existing != null) {
      return existing;
    }
    StreamShard shard = new StreamShard(this, context);
    byContext.put(context, shard);
    shards.add(shard); // registered before it reads the log's end: no event can fall between the two
    shard.start();
    return shard;
  }

  /** The view's listener, on the writer's event loop: never blocks, never encodes. */
  private void publish(ViewEvent e) {
    if (shards.isEmpty()) {
      return;
    }
    EncodedEvent encoded = new EncodedEvent(view.epoch(), e);
    for (StreamShard s : shards) {
      s.offer(encoded);
    }
  }

  /**
   * Closes every stream with 1001 "going away; resume from E:S", resets the connections of peers that do not
   * complete the close within {@code stream.slow-close-grace}, and refuses new ones. Bounded: the future
   * completes within the grace period plus a little, whatever the peers do.
   */
  public Future<Void> shutdown() {
    stopping = true;
    List<Future<Void>> all = new ArrayList<>();
    for (StreamShard s : shards) {
      all.add(s.shutdown());
    }
    Promise<Void> bounded = Promise.promise();
    Future.join(all).onComplete(ar -> bounded.tryComplete());
    vertx.setTimer(Math.max(1, settings.closeGraceMs()) + 1000, id -> bounded.tryComplete());
    return bounded.future();
  }
}
