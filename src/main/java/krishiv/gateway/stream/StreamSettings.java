package krishiv.gateway.stream;

import java.time.Duration;
import krishiv.gateway.config.ConfigKeys;
import krishiv.gateway.config.GatewayConfig;

/** The stream's limits and timings, read once from the configuration ({@code stream.*}). */
public record StreamSettings(long heartbeatMs, long pingMs, int maxSubscribers, long maxQueuedBytes,
    int socketSendBuffer, long closeGraceMs, long authDeadlineMs, long revalidateMs, OriginPolicy origins, int maxFrameBytes,
    long sseRetryMs) {

  public static StreamSettings from(GatewayConfig c) {
    return new StreamSettings(positive(c.duration(ConfigKeys.STREAM_HEARTBEAT_INTERVAL)),
        positive(c.duration(ConfigKeys.STREAM_PING_INTERVAL)), c.integer(ConfigKeys.STREAM_MAX_SUBSCRIBERS),
        Math.max(1, c.bytes(ConfigKeys.STREAM_MAX_QUEUED)),
        (int) Math.min(Integer.MAX_VALUE, c.bytes(ConfigKeys.STREAM_SOCKET_SEND_BUFFER)), c.duration(ConfigKeys.STREAM_CLOSE_GRACE).toMillis(),
        positive(c.duration(ConfigKeys.STREAM_AUTH_DEADLINE)), positive(c.duration(ConfigKeys.STREAM_REVALIDATE_INTERVAL)),
        OriginPolicy.parse(c.string(ConfigKeys.STREAM_ALLOWED_ORIGINS)),
        (int) Math.min(Integer.MAX_VALUE, Math.max(256, c.bytes(ConfigKeys.STREAM_MAX_FRAME))),
        c.duration(ConfigKeys.STREAM_SSE_RETRY).toMillis());
  }

  private static long positive(Duration d) {
    return Math.max(1, d.toMillis());
  }

  /** How often a shard checks expiry and revalidation deadlines: often enough to act within half a second. */
  long maintenanceMs() {
    return Math.min(500, revalidateMs);
  }
}
