package krishiv.gateway.sim;

import java.util.function.LongSupplier;

/**
 * Simulated time for a running simulator: it starts at the wall-clock time of creation and then runs
 * {@code scale} times as fast, so timestamps look real at scale 1 and a demo can fast-forward at scale 10.
 * Tests do not use it: they step {@link SimulatedCluster} with a virtual clock of their own.
 */
public final class SimClock implements LongSupplier {
  private final LongSupplier wall;
  private final double scale;
  private final long originMs;

  private SimClock(LongSupplier wall, double scale) {
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("time scale must be a positive number, got " + scale);
    }
    this.wall = wall;
    this.scale = scale;
    this.originMs = wall.getAsLong();
  }

  /** A clock that equals {@code wall} now and advances {@code scale} times faster. */
  public static SimClock scaled(LongSupplier wall, double scale) {
    return new SimClock(wall, scale);
  }

  @Override
  public long getAsLong() {
    return originMs + Math.round((wall.getAsLong() - originMs) * scale);
  }
}
