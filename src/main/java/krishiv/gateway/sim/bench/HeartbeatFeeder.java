package krishiv.gateway.sim.bench;

import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import krishiv.gateway.agent.ExecutorAgent;
import krishiv.gateway.agent.ExecutorStatus;
import krishiv.gateway.bus.BusAddresses;
import krishiv.gateway.bus.message.RunningTask;

/**
 * Publishes heartbeats of many executors on the local event bus as fast as the consumer takes them: while
 * feeding, a thread calls {@link ExecutorAgent#publishAll()} in a loop, but waits while more than
 * {@code maxInFlight} published heartbeats have not been counted by the consumer yet, so the bus queue stays
 * bounded and the consumer, not memory, sets the pace. Feeding can be switched on and off, so that two consumers
 * can be measured in alternation under the same machine load.
 */
final class HeartbeatFeeder {
  private final ExecutorAgent agent;
  private final LongSupplier consumed;
  private final long maxInFlight;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean feeding;
  private volatile long published;

  /**
   * @param consumed how many heartbeats the consumer has counted so far
   */
  HeartbeatFeeder(Vertx vertx, int executors, LongSupplier consumed, long maxInFlight) {
    Random random = new Random(1);
    this.agent = new ExecutorAgent(json -> vertx.eventBus().publish(BusAddresses.EXECUTOR_HEARTBEAT, json),
        System::currentTimeMillis, () -> Long.toHexString(random.nextLong()), Duration.ofSeconds(1));
    this.consumed = consumed;
    this.maxInFlight = maxInFlight;
    for (int i = 1; i <= executors; i++) {
      ExecutorStatus status = busyStatus(i);
      agent.register(String.format("exec-%05d", i), () -> status);
    }
    this.published = executors;
    this.thread = new Thread(this::run, "heartbeat-feeder");
    this.thread.setDaemon(true);
  }

  /** A realistic heartbeat: two running tasks, memory in use, non-zero network counters. */
  private static ExecutorStatus busyStatus(int i) {
    List<RunningTask> tasks = new ArrayList<>();
    tasks.add(new RunningTask(String.format("job-%05d", i % 1000 + 1), 0, i % 8, 0));
    tasks.add(new RunningTask(String.format("job-%05d", (i + 7) % 1000 + 1), 1, i % 5, 1));
    String host = String.format("bench-node-%05d", i);
    return new ExecutorStatus(host, "healthy", 4, tasks, 3L << 30, 32L << 30, 16, 1_000_000L * i, 700_000L * i,
        host + ":7337", host + ":7338", null, 0);
  }

  /** Starts the feeding thread, idle until {@link #feed(boolean)}. */
  HeartbeatFeeder start() {
    thread.start();
    return this;
  }

  void feed(boolean on) {
    feeding = on;
  }

  long published() {
    return published;
  }

  /** CPU time used by the feeding thread so far, to tell the consumer's CPU apart from the feeder's. */
  long cpuTimeNanos() {
    return ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId());
  }

  private void run() {
    while (running) {
      if (!feeding) {
        LockSupport.parkNanos(1_000_000);
        continue;
      }
      while (running && published - consumed.getAsLong() > maxInFlight) {
        LockSupport.parkNanos(50_000);
      }
      published += agent.publishAll();
    }
  }

  /** Stops publishing and waits for the feeding thread to end. */
  void stop() throws InterruptedException {
    running = false;
    thread.join(5_000);
  }
}
