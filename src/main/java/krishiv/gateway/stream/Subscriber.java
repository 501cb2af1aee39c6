package krishiv.gateway.stream;

import io.vertx.core.AsyncResult;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import krishiv.gateway.view.Cursor;
import krishiv.gateway.view.EventLog;
import krishiv.gateway.view.ViewEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream connection and its position in the event log. It lives on its shard's event loop (no locks).
 *
 * <p>Hand-over from the log to live delivery: a subscriber resuming after a cursor first reads the log
 * ({@link EventLog#readAfter}) up to the last event its shard has dispatched, in small batches that wait for the
 * socket; only then is it put in the shard's live index, on the same event loop, so the next event the shard
 * dispatches is exactly the next one it needs. A live subscriber also drops events below {@code nextSeq}
 * (possible when its cursor came from a snapshot newer than what the shard has dispatched yet). Nothing is
 * skipped: a cursor the log can no longer serve gets a {@code reset} frame.
 *
 * <p>Accounting: {@code queuedBytes} is what was handed to the socket and not yet taken by it (bytes written
 * minus bytes whose write completed). Past {@code stream.max-queued-bytes} the subscriber is closed as a slow
 * consumer; any close the gateway starts is followed by a reset of the connection after the grace period.
 */
final class Subscriber {
  private static final Logger LOG = LoggerFactory.getLogger(Subscriber.class);
  /** Events read from the log per batch while catching up; small so other subscribers are not held up. */
  private static final int CATCH_UP_BATCH = 128;
  /** Events considered per catch-up turn before yielding the event loop. */
  private static final int CATCH_UP_TURN = 1024;
  private static final long SLOW_LOG_INTERVAL_MS = 10_000;
  private static final AtomicLong LAST_SLOW_LOG_MS = new AtomicLong(-SLOW_LOG_INTERVAL_MS);

  enum State { AUTHENTICATING, CATCHING_UP, LIVE, CLOSING, CLOSED }

  private final StreamShard shard;
  private final StreamTransport transport;
  private final StreamSettings settings;
  private State state = State.AUTHENTICATING;
  private EventFilter filter;
  private final Cursor startAfter;
  private StreamPrincipal principal;
  private long nextSeq;
  private long queuedBytes;
  private long authTimer = -1;
  private long graceTimer = -1;
  private long nextRevalidateMs;
  private boolean authenticating;
  private boolean revalidating;
  private boolean catchUpScheduled;
  private boolean awaitingDrain;

  Subscriber(StreamShard shard, StreamTransport transport, EventFilter filter, Cursor startAfter) {
    this.shard = shard;
    this.transport = transport;
    this.settings = shard.settings();
    this.filter = Objects.requireNonNull(filter, "filter");
    this.startAfter = startAfter;
    transport.onClosed(this::onTransportClosed);
  }

  State state() {
    return state;
  }

  EventFilter filter() {
    return filter;
  }

  String transportName() {
    return transport.name();
  }

  /** Every event up to this seq has been considered for this subscriber (sent if it matched). */
  long position() {
    return state == State.LIVE ? Math.max(nextSeq - 1, shard.dispatchedSeq()) : nextSeq - 1;
  }

  String cursor() {
    return shard.epoch() + ":" + Math.max(0, position());
  }

  // ------------------------------------------------------------------ start and authentication

  /** Starts streaming for an authenticated principal. */
  void start(StreamPrincipal p) {
    principal = p;
    nextRevalidateMs = shard.now() + settings.revalidateMs();
    seek(startAfter);
  }

  /** Waits for a first {@code auth} frame; without one in time the connection is closed with 4401. */
  void awaitAuthFrame() {
    state = State.AUTHENTICATING;
    authTimer = shard.vertx().setTimer(settings.authDeadlineMs(), id -> {
      authTimer = -1;
      if (state == State.AUTHENTICATING) {
        close(CloseCodes.UNAUTHORIZED, "authentication required: send {\"type\":\"auth\",\"token\":...} first");
      }
    });
  }

  /** A text message from a WebSocket client: {@code auth} or {@code subscribe}. */
  void onClientText(String text) {
    if (state == State.CLOSING || state == State.CLOSED) {
      return;
    }
    ClientFrame frame;
    try {
      frame = ClientFrame.parse(text, shard.epoch(), shard.log().lastSeq());
    } catch (ClientFrame.Rejected e) {
      close(e.code(), e.getMessage());
      return;
    }
    if (frame instanceof ClientFrame.Auth auth) {
      onAuthFrame(auth.token());
    } else if (state == State.AUTHENTICATING) {
      close(CloseCodes.UNAUTHORIZED, "authentication required: the first frame must be {\"type\":\"auth\"}");
    } else {
      onSubscribeFrame((ClientFrame.Subscribe) frame);
    }
  }

  /**
   * The first frame of an upgrade without credentials, or later a fresh token (e.g. a renewed JWT) that
   * replaces the principal of an open stream.
   */
  private void onAuthFrame(String token) {
    if (authenticating) {
      return; // one check at a time; a client that floods auth frames waits for the first answer
    }
    authenticating = true;
    shard.onLoop(shard.authenticator().authenticate(token), this::onAuthenticated);
  }

  private void onAuthenticated(AsyncResult<StreamPrincipal> ar) {
    authenticating = false;
    if (state == State.CLOSING || state == State.CLOSED) {
      return;
    }
    if (ar.failed() || ar.result() == null) {
      close(CloseCodes.UNAUTHORIZED, "invalid credentials");
      return;
    }
    if (!ar.result().canReadEvents()) {
      close(CloseCodes.FORBIDDEN, "forbidden: the credentials lack " + StreamPrincipal.EVENTS_READ);
      return;
    }
    if (state == State.AUTHENTICATING) {
      cancelTimer(authTimer);
      authTimer = -1;
      start(ar.result());
    } else {
      principal = ar.result();
      nextRevalidateMs = shard.now() + settings.revalidateMs();
    }
  }

  private void onSubscribeFrame(ClientFrame.Subscribe frame) {
    if (frame.since() == null) {
      filter = frame.filter();
      if (state == State.LIVE) {
        shard.index(this);
      }
      return;
    }
    shard.unindex(this);
    filter = frame.filter();
    seek(frame.since());
  }

  // ------------------------------------------------------------------ position: seek, catch up, live

  /** Positions the stream after {@code since} (null: from now), with a reset when that cannot be served. */
  private void seek(Cursor since) {
    if (since == null) {
      goLive(shard.dispatchedSeq() + 1);
      heartbeat(shard.now());
      return;
    }
    if (!since.epoch().equals(shard.epoch())) {
      reset(StreamFrames.EPOCH_CHANGED);
      return;
    }
    if (since.seq() + 1 < shard.log().firstSeq()) {
      reset(StreamFrames.CURSOR_EXPIRED);
      return;
    }
    state = State.CATCHING_UP;
    nextSeq = since.seq() + 1;
    catchUp();
  }

  /** Tells the client its cursor cannot be served; the stream goes on live after the cursor in the frame. */
  private void reset(String reason) {
    goLive(shard.dispatchedSeq() + 1);
    shard.stats().resetSent();
    String cursor = cursor();
    send(transport.controlBytes(StreamFrames.RESET, cursor, StreamFrames.reset(reason, cursor)), false);
  }

  private void goLive(long next) {
    state = State.LIVE;
    nextSeq = next;
    shard.index(this);
  }

  private void scheduleCatchUp() {
    if (catchUpScheduled || state != State.CATCHING_UP) {
      return;
    }
    catchUpScheduled = true;
    shard.context().runOnContext(v -> {
      catchUpScheduled = false;
      catchUp();
    });
  }

  /** Sends logged events up to what the shard has dispatched, then joins the live index. */
  private void catchUp() {
    if (state != State.CATCHING_UP) {
      return;
    }
    EventLog log = shard.log();
    long target = shard.dispatchedSeq();
    int considered = 0;
    while (nextSeq <= target && considered < CATCH_UP_TURN) {
      if (queuedBytes > settings.maxQueuedBytes() / 2) {
        awaitingDrain = true; // resumed by onWritten once the socket has taken most of it
        return;
      }
      List<ViewEvent> batch = log.readAfter(nextSeq - 1, (int) Math.min(CATCH_UP_BATCH, target - nextSeq + 1));
      if (batch == null) {
        reset(StreamFrames.CURSOR_EXPIRED);
        return;
      }
      for (ViewEvent e : batch) {
        if (filter.matches(e.event())) {
          send(transport.eventBytes(shard.encoded(e)), true);
        }
        nextSeq = e.seq() + 1;
        if (state != State.CATCHING_UP) {
          return;
        }
      }
      considered += batch.size();
    }
    if (nextSeq > target) {
      goLive(nextSeq);
    } else {
      scheduleCatchUp();
    }
  }

  /** A live event from the shard (the index already matched the filter). */
  void deliver(EncodedEvent e) {
    if (state != State.LIVE || e.seq() < nextSeq) {
      return;
    }
    nextSeq = e.seq() + 1;
    send(transport.eventBytes(e), true);
  }

  /** The shard lost events it never dispatched (they left the log first): tell the client. */
  void lostEvents() {
    if (state == State.LIVE) {
      shard.unindex(this);
      reset(StreamFrames.CURSOR_EXPIRED);
    }
  }

  // ------------------------------------------------------------------ timers from the shard

  void heartbeat(long nowMs) {
    if (state == State.LIVE || state == State.CATCHING_UP) {
      send(shard.heartbeatBytes(transport, cursor(), nowMs), false);
    }
  }

  void keepalive() {
    if ((state == State.LIVE || state == State.CATCHING_UP || state == State.AUTHENTICATING)
        && !transport.keepalive()) {
      close(CloseCodes.GOING_AWAY, "no pong from the client; resume from " + cursor());
    }
  }

  /** Ends streams whose credentials expired, and asks the authenticator again when revalidation is due. */
  void checkCredentials(long nowMs) {
    if (principal == null || !(state == State.LIVE || state == State.CATCHING_UP)) {
      return;
    }
    if (principal.expiredAt(nowMs)) {
      close(CloseCodes.UNAUTHORIZED, "credentials expired");
      return;
    }
    if (revalidating || nowMs < nextRevalidateMs) {
      return;
    }
    revalidating = true;
    StreamPrincipal checked = principal;
    shard.onLoop(checked.revalidation().stillValid(), ar -> {
      revalidating = false;
      nextRevalidateMs = shard.now() + settings.revalidateMs();
      if (principal == checked && !(ar.succeeded() && Boolean.TRUE.equals(ar.result()))) {
        close(CloseCodes.UNAUTHORIZED, "credentials revoked");
      }
    });
  }

  void goingAway() {
    close(CloseCodes.GOING_AWAY, "going away; resume from " + cursor());
  }

  // ------------------------------------------------------------------ writing and closing

  private void send(Buffer bytes, boolean event) {
    int length = bytes.length();
    queuedBytes += length;
    transport.send(bytes).onComplete(ar -> onWritten(length));
    if (event) {
      shard.stats().eventSent();
    }
    if (queuedBytes > settings.maxQueuedBytes() && state != State.CLOSING && state != State.CLOSED) {
      shard.stats().slowConsumerClosed();
      logSlowConsumer(queuedBytes);
      close(CloseCodes.SLOW_CONSUMER, "slow consumer; resume from " + cursor());
    }
  }

  /** At most one line per interval: thousands of dashboards on a bad network must not flood the log. */
  private void logSlowConsumer(long queued) {
    long now = System.currentTimeMillis();
    long last = LAST_SLOW_LOG_MS.get();
    if (now - last >= SLOW_LOG_INTERVAL_MS && LAST_SLOW_LOG_MS.compareAndSet(last, now)) {
      LOG.info("closing a slow {} subscriber at {}: {} bytes queued; slow consumers are counted in"
          + " krishiv_gateway_stream_slow_consumers_closed_total and logged at most every {} s", transport.name(),
          cursor(), queued, SLOW_LOG_INTERVAL_MS / 1000);
    }
  }

  private void onWritten(int length) {
    queuedBytes -= length;
    if (awaitingDrain && queuedBytes <= settings.maxQueuedBytes() / 4) {
      awaitingDrain = false;
      scheduleCatchUp();
    }
  }

  /** Starts a close the gateway wants; a peer that does not complete it within the grace period is reset. */
  void close(short code, String reason) {
    if (state == State.CLOSING || state == State.CLOSED) {
      return;
    }
    String cursorNow = cursor();
    state = State.CLOSING;
    cancelTimer(authTimer);
    shard.unindex(this);
    LOG.debug("closing {} subscriber at {} with {} {}", transport.name(), cursorNow, code, reason);
    transport.close(code, reason);
    graceTimer = shard.vertx().setTimer(Math.max(1, settings.closeGraceMs()), id -> {
      graceTimer = -1;
      if (state != State.CLOSED) {
        transport.reset();
      }
    });
  }

  /** Drops the connection now (the shutdown's last step). */
  void dropConnection() {
    if (state != State.CLOSED) {
      transport.reset();
    }
  }

  private void onTransportClosed() {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    cancelTimer(authTimer);
    cancelTimer(graceTimer);
    shard.released(this);
  }

  private void cancelTimer(long id) {
    if (id >= 0) {
      shard.vertx().cancelTimer(id);
    }
  }
}
