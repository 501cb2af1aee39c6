package krishiv.gateway.view;

import java.time.Duration;
import krishiv.gateway.config.ConfigKeys;
import krishiv.gateway.config.GatewayConfig;

/** The bounds and timings the view works within, read once from the configuration. */
public record ViewLimits(int maxExecutors, int maxJobs, int historySize, int eventBufferSize,
    int recentEventsPerJob, long heartbeatTimeoutMs, long removedRetentionMs, long tickMs) {

  public static ViewLimits from(GatewayConfig c) {
    return new ViewLimits(c.integer(ConfigKeys.VIEW_MAX_EXECUTORS), c.integer(ConfigKeys.VIEW_MAX_JOBS),
        c.integer(ConfigKeys.VIEW_HISTORY_SIZE), Math.max(1, c.integer(ConfigKeys.VIEW_EVENT_BUFFER)),
        c.integer(ConfigKeys.VIEW_RECENT_EVENTS_PER_JOB), millis(c.duration(ConfigKeys.VIEW_HEARTBEAT_TIMEOUT)),
        millis(c.duration(ConfigKeys.VIEW_REMOVED_RETENTION)), Math.max(1, millis(c.duration(ConfigKeys.VIEW_TICK))));
  }

  private static long millis(Duration d) {
    return d.toMillis();
  }
}
