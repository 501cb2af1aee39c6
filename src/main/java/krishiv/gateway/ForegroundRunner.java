package krishiv.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs something in the foreground until SIGTERM or Ctrl-C. On the signal it calls the stop function (which
 * reports not-ready first), then closes Vert.x; the whole shutdown is bounded by {@code grace}, past which the
 * process exits anyway.
 */
public final class ForegroundRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ForegroundRunner.class);

  private ForegroundRunner() {}

  /** Blocks the calling thread until the JVM is asked to stop. */
  public static void runUntilSignal(Vertx vertx, Duration grace, Function<Vertx, Future<?>> stop) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      long deadline = System.nanoTime() + grace.toNanos();
      LOG.info("stopping (grace {} ms)", grace.toMillis());
      try {
        // Awaited from this plain thread: a future completed on an already closed event loop is never chained.
        awaitUntil(stop.apply(vertx), deadline, "stopping the gateway");
        awaitUntil(vertx.close(), deadline, "closing Vert.x");
      } finally {
        stopped.countDown();
      }
    }, "krishiv-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitUntil(Future<?> f, long deadlineNanos, String what) {
    try {
      f.toCompletionStage().toCompletableFuture().get(Math.max(1, deadlineNanos - System.nanoTime()),
          TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      LOG.warn("{} did not finish within the shutdown grace; exiting anyway", what);
    } catch (ExecutionException e) {
      LOG.warn("{} failed: {}", what, e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
