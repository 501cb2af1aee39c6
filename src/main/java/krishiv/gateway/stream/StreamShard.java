package krishiv.gateway.stream;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import krishiv.gateway.view.EventLog;
import krishiv.gateway.view.ViewEvent;

/**
 * The subscribers of one HTTP event loop and the fan-out to them. The view's writer hands events over through
 * {@link #offer} (a lock-free queue and at most one scheduled drain, so a burst costs one task); the drain runs
 * on this shard's event loop and writes each event's shared encoding to the matching live subscribers. Writes
 * never wait: a subscriber that cannot keep up is closed by its own accounting, nobody else notices.
 *
 * <p>The shard also runs the periodic work of its subscribers: heartbeats, WebSocket pings, and credential
 * expiry and revalidation.
 */
final class StreamShard {
  /**
   * Events dispatched per drain task before yielding the event loop. Small on purpose: write completions (and
   * so the queued-bytes accounting) and the readers' sockets advance only between turns, so one turn's bytes to
   * a subscriber (256 x ~250 B) must stay far below {@code stream.max-queued-bytes}, or a burst would look like a
   * slow consumer.
   */
  private static final int DRAIN_TURN = 256;
  /** Heartbeats and pings go out in this many slices per interval. */
  private static final int SLICES = 20;
  /** Recently dispatched events kept encoded, so a subscriber catching up from a recent cursor reuses them. */
  private static final int RECENT = 4096;

  private final StreamHub hub;
  private final Context context;
  private final ConcurrentLinkedQueue<EncodedEvent> inbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final SubscriberIndex<Subscriber> live = new SubscriberIndex<>();
  private final Set<Subscriber> members = new LinkedHashSet<>();
  private final EncodedEvent[] recent = new EncodedEvent[RECENT];
  private final List<Runnable> deferred = new ArrayList<>();
  private final List<Long> timers = new ArrayList<>();
  private volatile long dispatchedSeq;
  private boolean dispatching;
  private Promise<Void> emptied;
  private long heartbeatTickMs = -1;
  private String heartbeatCursor;
  private Buffer heartbeatWs;
  private Buffer heartbeatSse;

  StreamShard(StreamHub hub, Context context) {
    this.hub = hub;
    this.context = context;
  }

  /**
   * Starts at the log's current end and arms the timers; called on the shard's event loop after the shard was
   * registered with the hub, so every later event reaches the inbox (an event both in the log and in the
   * inbox is recognised by its seq and dispatched once).
   */
  void start() {
    dispatchedSeq = log().lastSeq();
    // Armed from the shard's own context, so the timers belong to it and not to the request that came first.
    context.runOnContext(v -> {
      StreamSettings s = hub.settings();
      spread(s.heartbeatMs(), m -> m.heartbeat(now()));
      spread(s.pingMs(), Subscriber::keepalive);
      timers.add(hub.vertx().setPeriodic(s.maintenanceMs(), id -> everyMember(m -> m.checkCredentials(now()))));
    });
  }

  /**
   * Runs {@code action} for every member once per {@code intervalMs}, one slice of the members per tick: 10,000
   * heartbeats (or pings) written in one task would hold up the events behind them for a few hundred ms.
   * A member that joins during a round is served from the next round on.
   */
  private void spread(long intervalMs, java.util.function.Consumer<Subscriber> action) {
    int slices = (int) Math.max(1, Math.min(SLICES, intervalMs / 10));
    Subscriber[][] round = {new Subscriber[0]};
    int[] slice = {0};
    timers.add(hub.vertx().setPeriodic(Math.max(1, intervalMs / slices), id -> {
      if (slice[0] == 0) {
        round[0] = members.toArray(new Subscriber[0]);
      }
      Subscriber[] r = round[0];
      int from = (int) ((long) r.length * slice[0] / slices);
      int to = (int) ((long) r.length * (slice[0] + 1) / slices);
      for (int i = from; i < to; i++) {
        if (r[i].state() != Subscriber.State.CLOSED) {
          action.accept(r[i]);
        }
      }
      slice[0] = (slice[0] + 1) % slices;
    }));
  }

  // ------------------------------------------------------------------ accessors for subscribers

  Context context() {
    return context;
  }

  Vertx vertx() {
    return hub.vertx();
  }

  StreamSettings settings() {
    return hub.settings();
  }

  StreamStats stats() {
    return hub.stats();
  }

  StreamAuthenticator authenticator() {
    return hub.authenticator();
  }

  EventLog log() {
    return hub.view().events();
  }

  String epoch() {
    return hub.view().epoch();
  }

  long now() {
    return hub.clock().getAsLong();
  }

  long dispatchedSeq() {
    return dispatchedSeq;
  }

  /** Runs {@code handler} with the result on this shard's event loop, wherever {@code future} completes. */
  <T> void onLoop(Future<T> future, Handler<AsyncResult<T>> handler) {
    future.onComplete(ar -> {
      Context current = Vertx.currentContext();
      if (current != null && VertxInternals.rootContext(current) == context) {
        handler.handle(ar);
      } else {
        context.runOnContext(v -> handler.handle(ar));
      }
    });
  }

  // ------------------------------------------------------------------ membership

  /** Adds a subscriber that has just connected (on this shard's event loop). */
  void join(Subscriber s) {
    members.add(s);
    hub.stats().opened(s.transportName());
  }

  void index(Subscriber s) {
    whenNotDispatching(() -> {
      if (s.state() == Subscriber.State.LIVE) {
        live.add(s, s.filter());
      }
    });
  }

  void unindex(Subscriber s) {
    whenNotDispatching(() -> live.remove(s));
  }

  /** The subscriber's connection is gone: forget it and give its slot back. */
  void released(Subscriber s) {
    whenNotDispatching(() -> live.remove(s));
    if (members.remove(s)) {
      hub.stats().closed(s.transportName());
      hub.releaseSlot();
    }
    if (emptied != null && members.isEmpty()) {
      emptied.tryComplete();
    }
  }

  private void whenNotDispatching(Runnable change) {
    if (dispatching) {
      deferred.add(change);
    } else {
      change.run();
    }
  }

  private void everyMember(java.util.function.Consumer<Subscriber> action) {
    for (Subscriber s : members.toArray(new Subscriber[0])) {
      action.accept(s);
    }
  }

  // ------------------------------------------------------------------ fan-out

  /** Called by the view's writer thread (any thread): queue the event and make sure a drain is scheduled. */
  void offer(EncodedEvent e) {
    inbox.add(e);
    if (drainScheduled.compareAndSet(false, true)) {
      context.runOnContext(v -> drain());
    }
  }

  private void drain() {
    drainScheduled.set(false);
    dispatching = true;
    try {
      EncodedEvent e;
      int n = 0;
      while (n < DRAIN_TURN && (e = inbox.poll()) != null) {
        dispatch(e);
        n++;
      }
    } finally {
      dispatching = false;
      for (Runnable r : deferred) {
        r.run();
      }
      deferred.clear();
    }
    if (!inbox.isEmpty() && drainScheduled.compareAndSet(false, true)) {
      context.runOnContext(v -> drain());
    }
  }

  private void dispatch(EncodedEvent e) {
    long seq = e.seq();
    if (seq <= dispatchedSeq) {
      return; // already in the log when the shard started
    }
    if (seq > dispatchedSeq + 1 && !repairGap(seq - 1)) {
      dispatchedSeq = seq - 1;
      List<Subscriber> affected = new ArrayList<>();
      everyMember(m -> {
        if (m.state() == Subscriber.State.LIVE) {
          affected.add(m);
        }
      });
      deferred.add(() -> affected.forEach(Subscriber::lostEvents));
    }
    dispatchedSeq = seq;
    recent[(int) (seq % RECENT)] = e;
    live.forEachMatching(e.event().event(), s -> s.deliver(e));
  }

  /** Dispatches events the inbox skipped (it never should) from the log; false if they are gone. */
  private boolean repairGap(long upTo) {
    List<ViewEvent> missed = log().readAfter(dispatchedSeq, (int) Math.min(Integer.MAX_VALUE, upTo - dispatchedSeq));
    if (missed == null) {
      return false;
    }
    for (ViewEvent v : missed) {
      dispatch(new EncodedEvent(epoch(), v));
    }
    return true;
  }

  /** The shared encoding of a logged event: the one dispatched live if still remembered, else a new one. */
  EncodedEvent encoded(ViewEvent v) {
    EncodedEvent e = recent[(int) (v.seq() % RECENT)];
    return e != null && e.seq() == v.seq() ? e : new EncodedEvent(epoch(), v);
  }

  /** Heartbeat bytes, shared by the subscribers of one tick that are at the same cursor. */
  Buffer heartbeatBytes(StreamTransport t, String cursor, long nowMs) {
    if (nowMs != heartbeatTickMs || !cursor.equals(heartbeatCursor)) {
      heartbeatTickMs = nowMs;
      heartbeatCursor = cursor;
      heartbeatWs = null;
      heartbeatSse = null;
    }
    boolean ws = StreamStats.WEBSOCKET.equals(t.name());
    Buffer b = ws ? heartbeatWs : heartbeatSse;
    if (b == null) {
      b = t.controlBytes(StreamFrames.HEARTBEAT, cursor, StreamFrames.heartbeat(cursor, nowMs));
      if (ws) {
        heartbeatWs = b;
      } else {
        heartbeatSse = b;
      }
    }
    return b;
  }

  // ------------------------------------------------------------------ shutdown

  /**
   * Closes every subscriber with 1001 and its cursor, resets those still open after the grace period, and
   * stops the timers. The future completes when all are gone.
   */
  Future<Void> shutdown() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      timers.forEach(hub.vertx()::cancelTimer);
      timers.clear();
      emptied = done;
      if (members.isEmpty()) {
        done.tryComplete();
        return;
      }
      everyMember(Subscriber::goingAway);
      hub.vertx().setTimer(Math.max(1, settings().closeGraceMs()) + 200, id -> {
        everyMember(Subscriber::dropConnection);
        hub.vertx().setTimer(200, id2 -> done.tryComplete());
      });
    });
    return done.future();
  }
}
