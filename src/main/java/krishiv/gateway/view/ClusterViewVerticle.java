package krishiv.gateway.view;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import krishiv.gateway.bus.BusAddresses;
import krishiv.gateway.bus.BusInputStats;
import krishiv.gateway.bus.CommandOps;
import krishiv.gateway.bus.JsonFields;
import krishiv.gateway.bus.MessageRejectedException;
import krishiv.gateway.bus.RejectReason;
import krishiv.gateway.bus.message.CoordinatorStatus;
import krishiv.gateway.bus.message.EventMessage;
import krishiv.gateway.bus.message.Heartbeat;
import krishiv.gateway.bus.message.JobsMessage;
import krishiv.gateway.bus.message.QueuesMessage;
import krishiv.gateway.bus.message.SyncReply;
import krishiv.gateway.config.ConfigKeys;
import krishiv.gateway.config.GatewayConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of the view. It consumes every input address, validates each message, applies it to its
 * {@link ViewState} on its own event loop, and publishes a new immutable snapshot at most every
 * {@code view.snapshot-interval}. It also asks the coordinator for a full {@code sync} at start (and whenever
 * a new coordinator appears), and marks executors lost when their heartbeats stop.
 */
public final class ClusterViewVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterViewVerticle.class);

  private final ClusterView view;
  private final BusInputStats stats;
  private final GatewayConfig config;
  private final LongSupplier clock;
  private final Map<String, Long> lastRejectLog = new ConcurrentHashMap<>();
  private ViewState state;
  private long maxMessageBytes;
  private long rejectLogIntervalMs;
  private boolean syncInFlight;
  private long syncRetryTimer = -1;

  public ClusterViewVerticle(ClusterView view, BusInputStats stats, GatewayConfig config, LongSupplier clock) {
    this.view = Objects.requireNonNull(view, "view");
    this.stats = Objects.requireNonNull(stats, "stats");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Future<?> start() {
    state = new ViewState(view.epoch(), ViewLimits.from(config), view.events(), view::fire);
    maxMessageBytes = config.bytes(ConfigKeys.BUS_MAX_MESSAGE);
    rejectLogIntervalMs = config.duration(ConfigKeys.BUS_REJECT_LOG_INTERVAL).toMillis();

    List<Future<Void>> ready = new ArrayList<>();
    ready.add(consume(BusAddresses.EXECUTOR_HEARTBEAT, Heartbeat::fromJson, hb -> {
      if (state.applyHeartbeat(hb, clock.getAsLong()) == ViewState.HeartbeatOutcome.STALE) {
        stats.stale();
      }
    }));
    ready.add(consume(BusAddresses.COORDINATOR_STATUS, CoordinatorStatus::fromJson, this::onStatus));
    ready.add(consume(BusAddresses.COORDINATOR_JOBS, JobsMessage::fromJson,
        m -> state.applyJobs(m, clock.getAsLong())));
    ready.add(consume(BusAddresses.COORDINATOR_QUEUES, QueuesMessage::fromJson, state::applyQueues));
    ready.add(consume(BusAddresses.COORDINATOR_EVENTS, EventMessage::fromJson, state::applyEvent));

    long snapshotEvery = Math.max(1, config.duration(ConfigKeys.VIEW_SNAPSHOT_INTERVAL).toMillis());
    vertx.setPeriodic(snapshotEvery, id -> publishSnapshot());
    long checkEvery = Math.max(1, config.duration(ConfigKeys.VIEW_LOST_CHECK_INTERVAL).toMillis());
    vertx.setPeriodic(checkEvery, id -> state.checkExecutors(clock.getAsLong()));

    return Future.all(ready).onSuccess(v -> requestSync());
  }

  private void publishSnapshot() {
    if (state.dirty()) {
      view.publish(state.snapshot(clock.getAsLong()));
    }
  }

  private <T> Future<Void> consume(String address, Function<JsonObject, T> validator,
      java.util.function.Consumer<T> apply) {
    MessageConsumer<Object> c = vertx.eventBus().consumer(address, (Message<Object> msg) -> {
      stats.received(address);
      try {
        T parsed = validator.apply(JsonFields.envelope(msg.body(), maxMessageBytes));
        apply.accept(parsed);
      } catch (MessageRejectedException e) {
        reject(address, e.reason(), e.getMessage());
      } catch (RuntimeException e) {
        // A bug in applying must not break the view or the bus: count it, log it with its stack once per interval.
        reject(address, RejectReason.INVALID_VALUE, e.toString());
        LOG.warn("unexpected failure applying a message on {}", address, e);
      }
    });
    return c.completion();
  }

  private void reject(String address, RejectReason reason, String detail) {
    stats.rejected(address, reason);
    String key = address + '|' + reason.label();
    long now = System.currentTimeMillis();
    Long last = lastRejectLog.get(key);
    if (last == null || now - last >= rejectLogIntervalMs) {
      lastRejectLog.put(key, now);
      LOG.warn("rejected a message on {} ({}): {}; further rejections of this kind are counted, logged at most every"
          + " {} ms", address, reason.label(), detail, rejectLogIntervalMs);
    }
  }

  private void onStatus(CoordinatorStatus status) {
    String previous = state.coordinatorId();
    state.applyStatus(status, clock.getAsLong());
    if (previous != null && !previous.equals(status.coordinatorId())) {
      LOG.info("coordinator changed from {} to {}: asking the new one for a full sync", previous,
          status.coordinatorId());
      requestSync();
    }
  }

  /** Asks the coordinator for its full state; retried until one answers. */
  private void requestSync() {
    if (syncInFlight) {
      return;
    }
    if (syncRetryTimer >= 0) {
      vertx.cancelTimer(syncRetryTimer);
      syncRetryTimer = -1;
    }
    syncInFlight = true;
    long timeout = config.duration(ConfigKeys.COORDINATOR_SYNC_TIMEOUT).toMillis();
    JsonObject req = new JsonObject().put("v", BusAddresses.PROTOCOL_VERSION).put("op", CommandOps.SYNC);
    vertx.eventBus().<Object>request(BusAddresses.COORDINATOR_COMMANDS, req,
        new DeliveryOptions().setSendTimeout(timeout)).onComplete(ar -> {
          syncInFlight = false;
          if (ar.succeeded()) {
            try {
              SyncReply reply = SyncReply.fromJson(JsonFields.envelope(ar.result().body(), Long.MAX_VALUE));
              state.applySync(reply, clock.getAsLong());
              publishSnapshot();
              LOG.info("synced with coordinator {}: {} jobs", reply.coordinator().coordinatorId(),
                  reply.jobs().jobs().size());
              return;
            } catch (MessageRejectedException e) {
              reject(BusAddresses.COORDINATOR_COMMANDS, e.reason(), e.getMessage());
            }
          } else {
            LOG.debug("sync not answered yet: {}", ar.cause().getMessage());
          }
          if (!state.warm()) {
            long retry = Math.max(10, config.duration(ConfigKeys.COORDINATOR_SYNC_RETRY).toMillis());
            syncRetryTimer = vertx.setTimer(retry, id -> {
              syncRetryTimer = -1;
              if (!state.warm()) {
                requestSync();
              }
            });
          }
        });
  }
}
