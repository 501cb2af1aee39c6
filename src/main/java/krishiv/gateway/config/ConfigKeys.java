package krishiv.gateway.config;

import static krishiv.gateway.config.ConfigType.BOOLEAN;
import static krishiv.gateway.config.ConfigType.BYTES;
import static krishiv.gateway.config.ConfigType.DURATION;
import static krishiv.gateway.config.ConfigType.INT;
import static krishiv.gateway.config.ConfigType.STRING;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every configuration key the gateway reads, with its default and documentation. {@code conf/gateway.yaml}
 * documents the same keys; a test keeps the two in step.
 */
public final class ConfigKeys {
  private static final Map<String, ConfigKey> KEYS = new LinkedHashMap<>();

  public static final ConfigKey HTTP_HOST = key("http.host", STRING, "127.0.0.1",
      "Interface the HTTP server binds to. Listening on all interfaces (0.0.0.0) is an explicit choice.");
  public static final ConfigKey HTTP_PORT = key("http.port", INT, "8080",
      "HTTP port; 0 picks a free port.");
  public static final ConfigKey HTTP_MAX_BODY = key("http.max-body-bytes", BYTES, "64KiB",
      "Largest request body accepted; larger bodies get 413.");
  public static final ConfigKey HTTP_IDLE_TIMEOUT = key("http.idle-timeout", DURATION, "120s",
      "A connection (event streams included) with no completed read or write for this long is closed; the last"
          + " resort for a peer that stopped reading. Keep it above stream.ping-interval and"
          + " stream.heartbeat-interval. 0s disables it.");

  public static final ConfigKey BUS_MAX_MESSAGE = key("bus.max-message-bytes", BYTES, "1MiB",
      "Largest event-bus message accepted (encoded size); larger ones are rejected as oversized.");
  public static final ConfigKey BUS_REJECT_LOG_INTERVAL = key("bus.reject-log-interval", DURATION, "30s",
      "A rejected message is logged at most once per interval for each address and reason.");

  public static final ConfigKey COORDINATOR_SYNC_TIMEOUT = key("coordinator.sync-timeout", DURATION, "5s",
      "How long the gateway waits for the coordinator's answer to a sync request.");
  public static final ConfigKey COORDINATOR_SYNC_RETRY = key("coordinator.sync-retry", DURATION, "2s",
      "Pause between sync attempts while no coordinator has answered.");
  public static final ConfigKey COORDINATOR_COMMAND_TIMEOUT = key("coordinator.command-timeout", DURATION, "10s",
      "Timeout of a command (savepoint, cancel, state inspect) forwarded to the coordinator; past it: 504.");
  public static final ConfigKey COORDINATOR_STATUS_WINDOW = key("coordinator.status-window", DURATION, "15s",
      "The coordinator counts as up while its status was heard within this window.");

  public static final ConfigKey VIEW_HEARTBEAT_TIMEOUT = key("view.heartbeat-timeout", DURATION, "45s",
      "An executor that sends no heartbeat for this long becomes lost (9 x 5 s, as the coordinator).");
  public static final ConfigKey VIEW_TICK = key("view.tick", DURATION, "5s",
      "Length of one coordinator tick, for the *_ticks fields kept for compatibility.");
  public static final ConfigKey VIEW_LOST_CHECK_INTERVAL = key("view.lost-check-interval", DURATION, "1s",
      "How often the view looks for executors whose heartbeats stopped.");
  public static final ConfigKey VIEW_SNAPSHOT_INTERVAL = key("view.snapshot-interval", DURATION, "50ms",
      "Changes are coalesced and a new snapshot is published at most this often.");
  public static final ConfigKey VIEW_MAX_EXECUTORS = key("view.max-executors", INT, "20000",
      "Most executors the view holds; heartbeats of further executors are rejected and counted.");
  public static final ConfigKey VIEW_MAX_JOBS = key("view.max-jobs", INT, "10000",
      "Most jobs the view holds; further jobs are rejected and counted.");
  public static final ConfigKey VIEW_HISTORY_SIZE = key("view.history-size", INT, "1000",
      "Finished jobs kept in the history (oldest dropped first).");
  public static final ConfigKey VIEW_EVENT_BUFFER = key("view.event-buffer-size", INT, "65536",
      "Events kept for resuming streams; an older cursor gets a reset.");
  public static final ConfigKey VIEW_RECENT_EVENTS_PER_JOB = key("view.recent-events-per-job", INT, "50",
      "Recent events kept per job for its diagnose report.");
  public static final ConfigKey VIEW_REMOVED_RETENTION = key("view.removed-retention", DURATION, "10m",
      "Lost and removed executors are forgotten after this long.");

  public static final ConfigKey READINESS_COORDINATOR_GATING = key("readiness.coordinator-gating", BOOLEAN, "false",
      "Make the coordinator check (status heard within coordinator.status-window) decide readiness.");
  public static final ConfigKey READINESS_EXECUTORS_GATING = key("readiness.executors-gating", BOOLEAN, "false",
      "Make the executors check (a quorum of known executors healthy) decide readiness.");
  public static final ConfigKey READINESS_EXECUTORS_QUORUM = key("readiness.executors-quorum-percent", INT, "50",
      "Share of known executors (in percent) that must be healthy for the executors check to pass.");
  public static final ConfigKey DURABILITY_PROFILE = key("durability.profile", STRING, "dev-local",
      "Durability profile: dev-local (open unless a token source is configured), single-node-durable or "
          + "distributed-durable (both require credentials). Also set by --profile or KRISHIV_DURABILITY_PROFILE.");
  public static final ConfigKey AUTH_TOKEN_FILE_POLL = key("auth.token-file-poll-interval", DURATION, "1s",
      "How often token files are re-read; a rotated token takes effect within one interval, without a restart.");
  public static final ConfigKey JWT_ISSUER = key("jwt.issuer", STRING, "",
      "The iss claim a JWT must carry (empty: not checked).");
  public static final ConfigKey JWT_AUDIENCE = key("jwt.audience", STRING, "",
      "Accepted aud values, comma-separated; a JWT must carry one of them (empty: not checked).");
  public static final ConfigKey JWT_LEEWAY = key("jwt.leeway", DURATION, "30s",
      "Clock skew tolerated when checking a JWT's exp, nbf and iat.");
  public static final ConfigKey JWT_CACHE_SIZE = key("jwt.cache-size", INT, "10000",
      "Verified JWTs remembered (by SHA-256) so a repeated token skips signature checks; 0 disables the cache.");
  public static final ConfigKey JWT_CACHE_TTL = key("jwt.cache-ttl", DURATION, "5m",
      "Longest time a verified JWT is remembered; never past its exp.");
  public static final ConfigKey METRICS_MAX_SERIES = key("metrics.max-series", INT, "200000",
      "Most series /metrics renders from the view in all (10,000 executors and 1,000 jobs need about 80,000);"
          + " the excess is left out and counted in krishiv_gateway_series_dropped_total.");
  public static final ConfigKey METRICS_MAX_SERIES_PER_FAMILY = key("metrics.max-series-per-family", INT, "50000",
      "Most series of one metric family rendered from the view.");
  public static final ConfigKey METRICS_MAX_LABEL_VALUE_LENGTH = key("metrics.max-label-value-length", INT, "128",
      "Longest label value (characters); a series with a longer one is left out (not truncated) and counted.");
  public static final ConfigKey STREAM_HEARTBEAT_INTERVAL = key("stream.heartbeat-interval", DURATION, "15s",
      "Every stream subscriber gets a heartbeat frame carrying its cursor this often.");
  public static final ConfigKey STREAM_PING_INTERVAL = key("stream.ping-interval", DURATION, "15s",
      "WebSocket ping interval; a peer that misses 3 pongs in a row is closed with 1001.");
  public static final ConfigKey STREAM_MAX_SUBSCRIBERS = key("stream.max-subscribers", INT, "10000",
      "Most stream connections at once (including those still authenticating); further upgrades get 503.");
  public static final ConfigKey STREAM_MAX_QUEUED = key("stream.max-queued-bytes", BYTES, "1MiB",
      "Bytes written to one subscriber and not yet taken by its socket; past it the subscriber is closed as a"
          + " slow consumer (4008) and resumes from its last cursor.");
  public static final ConfigKey STREAM_SOCKET_SEND_BUFFER = key("stream.socket-send-buffer", BYTES, "64KiB",
      "Kernel send buffer of each stream connection (SO_SNDBUF; Linux doubles it). Fixing it stops autotuning from"
          + " parking megabytes per stuck peer in the kernel, where neither the accounting nor the limit sees them."
          + " 0 leaves the system default.");
  public static final ConfigKey STREAM_CLOSE_GRACE = key("stream.slow-close-grace", DURATION, "2s",
      "After the gateway closes a stream (slow consumer, expired credentials, shutdown) the peer has this long to"
          + " complete the close; then the TCP connection is reset.");
  public static final ConfigKey STREAM_AUTH_DEADLINE = key("stream.auth-frame-deadline", DURATION, "5s",
      "A WebSocket opened without credentials must send its auth frame within this time, else it is closed (4401).");
  public static final ConfigKey STREAM_REVALIDATE_INTERVAL = key("stream.revalidate-interval", DURATION, "5s",
      "How often the credentials of an open stream are checked again (rotated static tokens, revoked keys).");
  public static final ConfigKey STREAM_ALLOWED_ORIGINS = key("stream.allowed-origins", STRING, "same-host,localhost",
      "Origins allowed to open a stream without credentials in the upgrade (comma list): 'same-host' (the"
          + " request's Host), 'localhost' (localhost, 127.0.0.1, [::1] on any port), exact origins such as"
          + " https://ops.example.com, or '*'. Requests without an Origin header (non-browser clients) pass.");
  public static final ConfigKey STREAM_MAX_FRAME = key("stream.max-frame-bytes", BYTES, "64KiB",
      "Largest WebSocket frame (and message) a client may send; larger ones close the connection.");
  public static final ConfigKey STREAM_SSE_RETRY = key("stream.sse-retry", DURATION, "3s",
      "The reconnect delay suggested to Server-Sent Events clients (the retry: field).");

  public static final ConfigKey SHUTDOWN_DRAIN_DELAY = key("shutdown.drain-delay", DURATION, "0s",
      "On SIGTERM /readyz answers 503 for this long before servers close, so load balancers stop sending first.");
  public static final ConfigKey SHUTDOWN_GRACE = key("shutdown.grace", DURATION, "5s",
      "Upper bound of a graceful shutdown; after it the process exits anyway.");

  private ConfigKeys() {}

  private static ConfigKey key(String name, ConfigType type, String def, String doc) {
    ConfigKey k = new ConfigKey(name, type, def, doc);
    if (KEYS.putIfAbsent(name, k) != null) {
      throw new IllegalStateException("duplicate config key " + name);
    }
    return k;
  }

  /** All keys, in documentation order. */
  public static List<ConfigKey> all() {
    return List.copyOf(KEYS.values());
  }

  /** The key with this dotted name, or null. */
  public static ConfigKey byName(String name) {
    return KEYS.get(name);
  }

  static Map<String, ConfigKey> byName() {
    return Collections.unmodifiableMap(KEYS);
  }
}
