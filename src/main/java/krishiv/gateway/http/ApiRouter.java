package krishiv.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.handler.JWTAuthHandler;
import io.vertx.ext.web.handler.PlatformHandler;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.EnumMap;
import java.util.Map;

/**
 * Builds the router from the contract: each operation is bound by its operationId to its handler. The same
 * function builds the production router and the one under test. Adding a route is a contract entry, an
 * {@link Operation} constant and one handler.
 *
 * <p>Handler order on every route: the request guard (before routing decisions depend on the path), the body
 * handler, then on each operation with a {@code security} requirement the {@code bearerAuth} handler, then
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
    // The BodyHandler enforces the size limit (413); the validator must then read the body it buffered.
    RouterBuilder builder = RouterBuilder.create(vertx, contract.contract(), RequestExtractor.withBodyHandler());
    builder.rootHandler(requestGuard);
    builder.rootHandler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
    builder.security("bearerAuth").httpHandler(bearerAuth);
    for (Operation op : Operation.values()) {
      Handler<RoutingContext> h = bound.get(op);
      if (h == null) {
        throw new IllegalStateException("no handler bound for operation " + op.operationId());
      }
      builder.getRoute(op.operationId()).addHandler(h);
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
}
