package krishiv.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.handler.JWTAuthHandler;
import io.vertx.ext.web.handler.PlatformHandler;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.RequestUtils;
import java.util.EnumMap;
import java.util.Map;

/**
 * Builds the router from the contract: each operation is bound by its operationId to its handler. The same
 * function builds the production router and the one under test. Adding a route is a contract entry, an
 * {@link Operation} constant and one handler.
 *
 * <p>Handler order on every route: the request guard (before routing decisions depend on the path), the body
 * handler (skipped by WebSocket upgrades), then on each operation with a {@code security} requirement the {@code bearerAuth} handler, then
 * request validation, then the operation's handler. A request is thus authenticated before it is validated.
 */
public final class ApiRouter {
  private ApiRouter() {}

  /**
   * @param requestGuard runs first on every request (the canonical-path guard of the auth package)
   * @param bearerAuth the handler of the contract's {@code bearerAuth} security scheme
   * @throws IllegalStateException if an operation has no handler (the gateway then refuses to start)
   */
  public static Router create(Vertx vertx, ApiContract contract, Map<Operation, Handler<RoutingContext>> handlers,
      long maxBodyBytes, PlatformHandler requestGuard, JWTAuthHandler bearerAuth) {
    Map<Operation, Handler<RoutingContext>> bound = new EnumMap<>(Operation.class);
    bound.putAll(handlers);
    // The BodyHandler buffers bodies (and enforces the size limit, 413), so the validator reads the buffered body;
    // but a request whose body was read can no longer be upgraded ("Request has already been read"): a WebSocket
    // upgrade (which has no body) skips the body handler and is validated without one.
    RequestExtractor buffered = RequestExtractor.withBodyHandler();
    RouterBuilder builder = RouterBuilder.create(vertx, contract.contract(), (ctx, op) -> isWebSocketUpgrade(ctx)
        ? RequestUtils.extract(ctx.request(), op, () -> Future.succeededFuture())
        : buffered.extractValidatableRequest(ctx, op));
    builder.rootHandler(requestGuard);
    builder.rootHandler(new BodyUnlessUpgrade(BodyHandler.create(false).setBodyLimit(maxBodyBytes)));
    builder.security("bearerAuth").httpHandler(bearerAuth);
    for (Operation op : Operation.values()) {
      Handler<RoutingContext> h = bound.get(op);
      if (h == null) {
        throw new IllegalStateException("no handler bound for operation " + op.operationId());
      }
      var route = builder.getRoute(op.operationId());
      if (op.ownAuthentication()) {
        route.setDoSecurity(false);
      }
      route.addHandler(h);
    }
    Router router = builder.createRouter();
    ProblemFailureHandler failures = new ProblemFailureHandler();
    router.route().failureHandler(failures);
    router.errorHandler(404, ctx -> ProblemFailureHandler.write(ctx, new Problem("about:blank", "Not Found", 404,
        "No route matches " + ctx.request().path(), ctx.request().path(), null)));
    router.errorHandler(405, ctx -> ProblemFailureHandler.write(ctx, new Problem("about:blank",
        "Method Not Allowed", 405, ctx.request().method() + " is not allowed here", ctx.request().path(), null)));
    router.errorHandler(413, ctx -> ProblemFailureHandler.write(ctx, new Problem("about:blank",
        "Payload Too Large", 413, "The request body is larger than " + maxBodyBytes + " bytes", ctx.request().path(),
        null)));
    router.errorHandler(500, failures);
    return router;
  }

  /**
   * The body handler for ordinary requests; upgrades are paused instead, so that the end of the request is not
   * consumed while validation and authentication run asynchronously. A platform handler, because Vert.x orders
   * handlers by kind and this one stands where the body handler would, before authentication.
   */
  private static final class BodyUnlessUpgrade implements PlatformHandler {
    private final BodyHandler bodies;

    BodyUnlessUpgrade(BodyHandler bodies) {
      this.bodies = bodies;
    }

    @Override
    public void handle(RoutingContext ctx) {
      if (isWebSocketUpgrade(ctx)) {
        ctx.request().pause();
        ctx.next();
      } else {
        bodies.handle(ctx);
      }
    }
  }

  static boolean isWebSocketUpgrade(RoutingContext ctx) {
    String upgrade = ctx.request().getHeader("Upgrade");
    return upgrade != null && "websocket".equalsIgnoreCase(upgrade.trim());
  }
}
