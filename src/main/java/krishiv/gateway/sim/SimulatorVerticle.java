package krishiv.gateway.sim;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;
import krishiv.gateway.bus.BusAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link SimulatedCluster} inside Vert.x: the cluster publishes on the event bus, answers
 * {@code krishiv.coordinator.commands} and {@link SimControl#ADDRESS}, and a periodic timer steps it with the wall
 * clock scaled by {@link SimOptions#timeScale()}. Everything runs on this verticle's event loop, so the cluster
 * needs no locks; other threads reach it through {@link #onCluster}.
 *
 * <p>Deploying it builds the cluster and registers the consumers (so a gateway's first sync is answered at
 * once); {@link #startClock()} starts the simulation proper. That split gives the start order of local mode:
 * consumers, then the gateway, then the clock.
 */
public final class SimulatorVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatorVerticle.class);

  private final SimOptions options;
  private final LongSupplier wallClock;
  private SimClock simClock;
  private SimulatedCluster cluster;
  private long timerId = -1;
  private long failedSteps;

  public SimulatorVerticle(SimOptions options) {
    this(options, System::currentTimeMillis);
  }

  public SimulatorVerticle(SimOptions options, LongSupplier wallClock) {
    this.options = Objects.requireNonNull(options, "options");
    this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
  }

  @Override
  public Future<?> start() {
    simClock = SimClock.scaled(wallClock, options.timeScale());
    cluster = new SimulatedCluster(options, (address, body) -> vertx.eventBus().publish(address, body),
        simClock.getAsLong());
    CoordinatorCommands commands = new CoordinatorCommands(cluster);
    SimControl control = new SimControl(cluster);
    MessageConsumer<Object> commandConsumer =
        vertx.eventBus().consumer(BusAddresses.COORDINATOR_COMMANDS, msg -> answer(msg, commands::handle));
    MessageConsumer<Object> controlConsumer = vertx.eventBus().consumer(SimControl.ADDRESS,
        msg -> answer(msg, control::handle));
    return Future.all(commandConsumer.completion(), controlConsumer.completion());
  }

  @Override
  public Future<?> stop() {
    cancelTimer();
    return Future.succeededFuture();
  }

  /** Starts the simulation: one step at once (the announcement), then one every step interval. */
  public Future<Void> startClock() {
    return onCluster(c -> {
      if (timerId < 0) {
        step();
        timerId = vertx.setPeriodic(options.tuning().stepInterval().toMillis(), id -> step());
      }
      return null;
    });
  }

  /** Stops stepping; the consumers keep answering. */
  public Future<Void> stopClock() {
    return onCluster(c -> {
      cancelTimer();
      return null;
    });
  }

  /**
   * Runs {@code action} on the simulator's event loop — the way to use the cluster's Java API from any thread.
   * A {@link SimCommandException} or other failure fails the future.
   */
  public <T> Future<T> onCluster(Function<SimulatedCluster, T> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> {
      try {
        promise.complete(action.apply(cluster));
      } catch (RuntimeException e) {
        promise.fail(e);
      }
    });
    return promise.future();
  }

  /** Stops the clock and undeploys this verticle (its consumers go with it). */
  public Future<Void> undeploy() {
    return stopClock().compose(v -> vertx.undeploy(deploymentID()));
  }

  public SimOptions options() {
    return options;
  }

  private void step() {
    try {
      cluster.step(simClock.getAsLong());
    } catch (RuntimeException e) {
      // A bug in one step must not stop the simulation; log the first few with their stack.
      if (failedSteps++ < 5) {
        LOG.error("simulation step failed", e);
      }
    }
  }

  private void cancelTimer() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
  }

  private static void answer(Message<Object> msg, Function<JsonObject, JsonObject> handler) {
    JsonObject request;
    try {
      request = asJson(msg.body());
    } catch (SimCommandException e) {
      msg.fail(e.code(), e.getMessage());
      return;
    }
    try {
      msg.reply(handler.apply(request));
    } catch (SimCommandException e) {
      msg.fail(e.code(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("request {} failed", request.getValue("op"), e);
      msg.fail(500, "simulator error: " + e);
    }
  }

  private static JsonObject asJson(Object body) {
    try {
      if (body instanceof JsonObject) {
        return (JsonObject) body;
      }
      if (body instanceof Buffer) {
        return new JsonObject((Buffer) body);
      }
      if (body instanceof String) {
        return new JsonObject((String) body);
      }
    } catch (DecodeException e) {
      throw SimCommandException.badRequest("request is not a JSON object");
    }
    throw SimCommandException.badRequest("request is not a JSON object");
  }
}
