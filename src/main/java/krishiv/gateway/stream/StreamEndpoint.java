package krishiv.gateway.stream;

import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import krishiv.gateway.http.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/events}: decides the transport, checks the limit, the credentials and the Origin
 * before anything is upgraded (so refusals are problem+json with a status), then opens the WebSocket or the
 * SSE response and hands the connection to the shard of this event loop.
 *
 * <p>Credentials, in order: {@code Authorization: Bearer}; the subprotocol {@code krishiv.bearer.<token>}
 * offered beside {@code krishiv.v1}; else, for a WebSocket from an allowed Origin, an {@code auth} first frame
 * within {@code stream.auth-frame-deadline}.
 */
final class StreamEndpoint implements Handler<RoutingContext> {
  static final String SUBPROTOCOL = "krishiv.v1";
  static final String BEARER_SUBPROTOCOL_PREFIX = "krishiv.bearer.";
  private static final Logger LOG = LoggerFactory.getLogger(StreamEndpoint.class);

  private final StreamHub hub;

  StreamEndpoint(StreamHub hub) {
    this.hub = hub;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    boolean webSocket = isWebSocketUpgrade(req);
    boolean sse = !webSocket && acceptsEventStream(req);
    if (!webSocket && !sse) {
      ctx.fail(new ApiException(406, "Open a WebSocket, or ask for Accept: text/event-stream"));
      return;
    }
    StreamShard shard = hub.shard(ctx.vertx().getOrCreateContext());
    StreamRequest parsed;
    try {
      parsed = StreamRequest.from(ctx, sse, shard.epoch(), shard.log().lastSeq());
    } catch (ApiException e) {
      ctx.fail(e);
      return;
    }
    String token;
    try {
      token = bearerToken(req, webSocket);
    } catch (IllegalArgumentException e) {
      ctx.fail(new ApiException(401, "Missing or invalid credentials."));
      return;
    }
    if (!hub.tryReserveSlot()) {
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "5");
      ctx.fail(new ApiException(503, hub.stopping() ? "The gateway is shutting down."
          : "Too many stream subscribers; retry later."));
      return;
    }
    if (token != null) {
      shard.onLoop(hub.authenticator().authenticate(token), ar -> onCredentials(ctx, shard, parsed, webSocket, ar));
    } else if (!hub.settings().origins().allows(req.getHeader(HttpHeaders.ORIGIN), req.getHeader(HttpHeaders.HOST))) {
      refuse(ctx, new ApiException(403, "This Origin may not open a stream without credentials."));
    } else if (!hub.authenticator().required()) {
      open(ctx, shard, parsed, webSocket, StreamPrincipal.anonymous());
    } else if (webSocket) {
      open(ctx, shard, parsed, true, null);
    } else {
      refuse(ctx, new ApiException(401, "Missing or invalid credentials."));
    }
  }

  private void onCredentials(RoutingContext ctx, StreamShard shard, StreamRequest parsed, boolean webSocket,
      AsyncResult<StreamPrincipal> ar) {
    if (ar.failed() || ar.result() == null) {
      refuse(ctx, new ApiException(401, "Missing or invalid credentials."));
    } else if (!ar.result().canReadEvents()) {
      refuse(ctx, new ApiException(403, "The credentials do not allow reading events (" + StreamPrincipal.EVENTS_READ
          + ")."));
    } else {
      open(ctx, shard, parsed, webSocket, ar.result());
    }
  }

  private void refuse(RoutingContext ctx, ApiException e) {
    hub.releaseSlot();
    ctx.fail(e);
  }

  /** @param principal null: the client must authenticate with its first frame */
  private void open(RoutingContext ctx, StreamShard shard, StreamRequest parsed, boolean webSocket,
      StreamPrincipal principal) {
    if (ctx.request().connection() == null || ctx.response().closed()) {
      hub.releaseSlot(); // the client left while its credentials were checked
      return;
    }
    if (webSocket) {
      HttpConnection connection = ctx.request().connection();
      ctx.request().toWebSocket().onComplete(ar -> {
        if (ar.failed()) {
          hub.releaseSlot();
          LOG.debug("WebSocket upgrade failed: {}", ar.cause().toString());
          return;
        }
        WebSocketTransport transport = new WebSocketTransport(ar.result(), connection,
            hub.settings().socketSendBuffer());
        Subscriber s = new Subscriber(shard, transport, parsed.filter(), parsed.since());
        transport.onMessages(s::onClientText, hub.settings().maxFrameBytes());
        startOrAwait(shard, s, principal);
      });
    } else {
      SseTransport transport = new SseTransport(ctx.request());
      Subscriber s = new Subscriber(shard, transport, parsed.filter(), parsed.since());
      transport.open(hub.settings().sseRetryMs(), hub.settings().socketSendBuffer());
      startOrAwait(shard, s, principal);
    }
  }

  private static void startOrAwait(StreamShard shard, Subscriber s, StreamPrincipal principal) {
    shard.join(s);
    if (principal == null) {
      s.awaitAuthFrame();
    } else {
      s.start(principal);
    }
  }

  static boolean isWebSocketUpgrade(HttpServerRequest req) {
    String upgrade = req.getHeader(HttpHeaders.UPGRADE);
    return upgrade != null && "websocket".equalsIgnoreCase(upgrade.trim());
  }

  static boolean acceptsEventStream(HttpServerRequest req) {
    String accept = req.getHeader(HttpHeaders.ACCEPT);
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/event-stream");
  }

  /**
   * The bearer token of the upgrade, or null if it has none.
   *
   * @throws IllegalArgumentException for an Authorization header that is not a bearer token
   */
  static String bearerToken(HttpServerRequest req, boolean webSocket) {
    String auth = req.getHeader(HttpHeaders.AUTHORIZATION);
    if (auth != null) {
      String a = auth.trim();
      if (a.length() > 7 && a.regionMatches(true, 0, "Bearer ", 0, 7) && !a.substring(7).isBlank()) {
        return a.substring(7).trim();
      }
      throw new IllegalArgumentException("not a bearer token");
    }
    if (!webSocket) {
      return null;
    }
    for (String header : req.headers().getAll("Sec-WebSocket-Protocol")) {
      for (String offered : header.split(",")) {
        String p = offered.trim();
        if (p.startsWith(BEARER_SUBPROTOCOL_PREFIX) && p.length() > BEARER_SUBPROTOCOL_PREFIX.length()) {
          return p.substring(BEARER_SUBPROTOCOL_PREFIX.length());
        }
      }
    }
    return null;
  }
}
