package krishiv.gateway.agent;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import krishiv.gateway.bus.BusAddresses;
import krishiv.gateway.bus.message.Heartbeat;

/**
 * Publishes heartbeats for one or many executors — what a real executor process embeds, and what the simulator
 * drives. It owns the protocol's bookkeeping: a new {@code incarnation} at every (re)start, a {@code seq} that
 * increases per heartbeat, and heartbeats spread evenly over the interval so 10,000 executors do not send in
 * one burst.
 *
 * <p>Not thread-safe: call it from one thread (an event loop, or the simulator's loop).
 */
public final class ExecutorAgent {
  /** Supplies the executor's current status at each heartbeat. */
  @FunctionalInterface
  public interface StatusSource extends Supplier<ExecutorStatus> {}

  private static final class Registration {
    final String executorId;
    final StatusSource source;
    String incarnation;
    long seq;
    long nextDueMs;
    boolean paused;

    Registration(String executorId, StatusSource source) {
      this.executorId = executorId;
      this.source = source;
    }
  }

  private final Consumer<JsonObject> publisher;
  private final LongSupplier clock;
  private final Supplier<String> incarnations;
  private final long intervalMs;
  private final Map<String, Registration> executors = new LinkedHashMap<>();
  private long timerId = -1;
  private Vertx timerVertx;

  /**
   * @param publisher where heartbeats go (the event bus in production, a list in tests)
   * @param clock the time used for due times and {@code sent_at_ms}
   * @param incarnations new incarnation ids (random by default; the simulator passes seeded ones)
   * @param interval the heartbeat interval of each executor
   */
  public ExecutorAgent(Consumer<JsonObject> publisher, LongSupplier clock, Supplier<String> incarnations,
      Duration interval) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.incarnations = Objects.requireNonNull(incarnations, "incarnations");
    this.intervalMs = Math.max(1, interval.toMillis());
  }

  /** An agent that publishes on the local or clustered event bus of {@code vertx}, with the wall clock. */
  public static ExecutorAgent onEventBus(Vertx vertx, Duration interval) {
    return new ExecutorAgent(json -> vertx.eventBus().publish(BusAddresses.EXECUTOR_HEARTBEAT, json),
        System::currentTimeMillis, () -> UUID.randomUUID().toString(), interval);
  }

  /**
   * Starts reporting an executor with a fresh incarnation; its first heartbeat is sent at once, later ones
   * spread over the interval by registration order.
   */
  public void register(String executorId, StatusSource source) {
    Objects.requireNonNull(executorId, "executorId");
    Registration r = new Registration(executorId, Objects.requireNonNull(source, "source"));
    r.incarnation = incarnations.get();
    if (executors.putIfAbsent(executorId, r) != null) {
      throw new IllegalArgumentException("executor " + executorId + " is already registered");
    }
    publish(r, clock.getAsLong());
    // Offset later heartbeats so that registrations in one burst do not stay in step.
    r.nextDueMs = clock.getAsLong() + intervalMs - (executors.size() * 7919L) % intervalMs;
  }

  /** Sends a last heartbeat with state {@code removed} and stops reporting the executor. */
  public void deregister(String executorId) {
    Registration r = executors.remove(executorId);
    if (r != null) {
      publish(r, clock.getAsLong(), r.source.get().withState("removed"));
    }
  }

  /** Stops sending heartbeats (as if the executor hung); {@link #resume} or {@link #restart} bring it back. */
  public void pause(String executorId) {
    require(executorId).paused = true;
  }

  /** Resumes heartbeats of the same incarnation. */
  public void resume(String executorId) {
    Registration r = require(executorId);
    r.paused = false;
    publish(r, clock.getAsLong());
  }

  /** The executor restarted: a new incarnation, seq from 0, a heartbeat at once. */
  public void restart(String executorId) {
    Registration r = require(executorId);
    r.incarnation = incarnations.get();
    r.seq = 0;
    r.paused = false;
    publish(r, clock.getAsLong());
  }

  public boolean isPaused(String executorId) {
    return require(executorId).paused;
  }

  public String incarnation(String executorId) {
    return require(executorId).incarnation;
  }

  public int size() {
    return executors.size();
  }

  /** Publishes the heartbeats that are due at {@code nowMs}; returns how many. */
  public int tick(long nowMs) {
    int sent = 0;
    for (Registration r : executors.values()) {
      if (!r.paused && nowMs >= r.nextDueMs) {
        publish(r, nowMs);
        r.nextDueMs = Math.max(r.nextDueMs + intervalMs, nowMs + 1);
        sent++;
      }
    }
    return sent;
  }

  /** Publishes one heartbeat for every executor that is not paused, now (benchmarks, tests). */
  public int publishAll() {
    long now = clock.getAsLong();
    int sent = 0;
    for (Registration r : new ArrayList<>(executors.values())) {
      if (!r.paused) {
        publish(r, now);
        sent++;
      }
    }
    return sent;
  }

  /** Drives {@link #tick} from a Vert.x timer (20 ticks per interval, at least every 10 ms). */
  public void start(Vertx vertx) {
    stop();
    timerVertx = vertx;
    timerId = vertx.setPeriodic(Math.max(10, intervalMs / 20), id -> tick(clock.getAsLong()));
  }

  public void stop() {
    if (timerId >= 0) {
      timerVertx.cancelTimer(timerId);
      timerId = -1;
    }
  }

  /** The ids of the registered executors, in registration order. */
  public List<String> executorIds() {
    return List.copyOf(executors.keySet());
  }

  private Registration require(String executorId) {
    Registration r = executors.get(executorId);
    if (r == null) {
      throw new IllegalArgumentException("executor " + executorId + " is not registered");
    }
    return r;
  }

  private void publish(Registration r, long nowMs) {
    publish(r, nowMs, r.source.get());
  }

  private void publish(Registration r, long nowMs, ExecutorStatus s) {
    Heartbeat hb = new Heartbeat(r.executorId, r.incarnation, ++r.seq, s.host(), s.state(), s.slots(),
        s.runningTasks(), s.memoryUsedBytes(), s.memoryLimitBytes(), s.cpuCores(), s.networkBytesSent(),
        s.networkBytesRecv(), s.taskEndpoint(), s.barrierEndpoint(), s.leaseGeneration(),
        s.consecutiveTaskFailures(), nowMs);
    publisher.accept(hb.toJson());
  }
}
