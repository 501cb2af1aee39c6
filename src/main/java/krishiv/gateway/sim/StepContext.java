package krishiv.gateway.sim;

import java.util.Random;

/**
 * What every part of the model needs while it changes state: the simulated time, how much of it passed since
 * the previous step, the simulation's one random source and its tuning. Created once per step (and per control
 * operation, with {@code elapsedMs} 0).
 */
record StepContext(long nowMs, long elapsedMs, Random random, SimTuning tuning) {
  /** A uniformly drawn duration in [{@code minMs}, {@code maxMs}). */
  long between(long minMs, long maxMs) {
    return minMs + (long) (random.nextDouble() * (maxMs - minMs));
  }
}
