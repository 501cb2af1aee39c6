package krishiv.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.RequestUtils;
import java.util.EnumMap;
import java.util.Map;

/**
 * Builds the router from the contract: each operation is bound by its operationId to its handler. The same
 * function builds the production router and the one under test. Adding a route is a contract entry, an
 * {@link Operation} constant and one handler.
 */
public final class ApiRouter {
  private ApiRouter() {}

  /**
   * @throws IllegalStateException if an operation has no handler (the gateway then refuses to start)
   */
  public static Router create(Vertx vertx, ApiContract contract, Map<Operation, Handler<RoutingContext>> handlers,
      long maxBodyBytes) {
    Map<Operation, Handler<RoutingContext>> bound = new EnumMap<>(Operation.class);
    bound.putAll(handlers);
    // The default extractor reads the request body, and a request whose body was read can no longer be upgraded
    // ("Request has already been read"): a WebSocket upgrade (which has no body) is validated without it.
    RouterBuilder builder = RouterBuilder.create(vertx, contract.contract(), (ctx, op) -> isWebSocketUpgrade(ctx)
        ? RequestUtils.extract(ctx.request(), op, () -> Future.succeededFuture())
        : RequestUtils.extract(ctx.request(), op));
    BodyHandler bodies = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
    // Upgrades skip the body handler for the same reason, and are paused so that the end of the request is not
    // consumed while validation and authentication run asynchronously.
    builder.rootHandler(ctx -> {
      if (isWebSocketUpgrade(ctx)) {
        ctx.request().pause();
        ctx.next();
      } else {
        bodies.handle(ctx);
      }
    });
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

  private static boolean isWebSocketUpgrade(RoutingContext ctx) {
    String upgrade = ctx.request().getHeader("Upgrade");
    return upgrade != null && "websocket".equalsIgnoreCase(upgrade.trim());
  }
}
