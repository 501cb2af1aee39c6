package krishiv.gateway.auth;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import krishiv.gateway.http.ApiException;

/**
 * The first handler of the router: answers 400 problem+json to a request whose raw path is not canonical
 * (see {@link CanonicalPath}) before any route, authentication or validation sees it. A
 * {@link PlatformHandler}, so Vert.x lets it run before the body handler.
 */
public final class CanonicalPathGuard implements PlatformHandler {
  @Override
  public void handle(RoutingContext ctx) {
    String violation = CanonicalPath.violation(ctx.request().path());
    if (violation == null) {
      ctx.next();
    } else {
      ctx.fail(new ApiException(400, "The request path is not in canonical form: " + violation + "."));
    }
  }
}
