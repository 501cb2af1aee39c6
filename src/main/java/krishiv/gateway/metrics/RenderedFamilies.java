package krishiv.gateway.metrics;

import io.vertx.core.buffer.Buffer;
import java.util.Objects;

/**
 * The snapshot families of one snapshot version in one format: the body, and what a scrape needs beside it
 * (series dropped by the budget, the snapshot's age, the oldest heartbeat of an executor that is up).
 * Immutable; shared by every scrape of that version.
 */
public final class RenderedFamilies {
  private final long version;
  private final long snapshotBuiltAtMs;
  private final ExpositionFormat format;
  private final Buffer body;
  private final long[] dropped;
  private final int series;
  private final long oldestLiveHeartbeatMs;
  private final long renderNanos;

  RenderedFamilies(long version, long snapshotBuiltAtMs, ExpositionFormat format, Buffer body, long[] dropped,
      int series, long oldestLiveHeartbeatMs, long renderNanos) {
    this.version = version;
    this.snapshotBuiltAtMs = snapshotBuiltAtMs;
    this.format = Objects.requireNonNull(format);
    this.body = Objects.requireNonNull(body);
    this.dropped = dropped.clone();
    this.series = series;
    this.oldestLiveHeartbeatMs = oldestLiveHeartbeatMs;
    this.renderNanos = renderNanos;
  }

  /** The snapshot version rendered. */
  public long version() {
    return version;
  }

  public long snapshotBuiltAtMs() {
    return snapshotBuiltAtMs;
  }

  public ExpositionFormat format() {
    return format;
  }

  /** The families' text (shared: write it, never modify it). */
  public Buffer body() {
    return body;
  }

  /** Series of {@code family} the budget left out. */
  public long dropped(MetricFamily family) {
    return dropped[family.ordinal()];
  }

  /** Series rendered. */
  public int series() {
    return series;
  }

  /** Oldest last heartbeat among executors that are up; -1 when none is up. */
  public long oldestLiveHeartbeatMs() {
    return oldestLiveHeartbeatMs;
  }

  public long renderNanos() {
    return renderNanos;
  }
}
