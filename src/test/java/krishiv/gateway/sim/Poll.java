package krishiv.gateway.sim;

import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a probe on the test thread until its value satisfies a condition, pausing on a Vert.x timer. */
final class Poll {
  private static final long PAUSE_MS = 50;

  private Poll() {}

  /** Returns the first value of {@code probe} that satisfies {@code done}; fails after {@code timeout}. */
  static <T> T until(Vertx vertx, Duration timeout, String what, Supplier<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last;
    while (true) {
      last = probe.get();
      if (last != null && done.test(last)) {
        return last;
      }
      if (System.nanoTime() > deadline) {
        return fail("timed out after " + timeout.toMillis() + " ms waiting for " + what + "; last value: " + last);
      }
      vertx.timer(PAUSE_MS).await();
    }
  }
}
