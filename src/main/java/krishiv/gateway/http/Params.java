package krishiv.gateway.http;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;

/**
 * Reads parameters that the contract's validator already checked. The contract's {@code default} values are
 * not applied by vertx-openapi, so they are applied here.
 */
final class Params {
  static final int DEFAULT_LIMIT = 100;

  private Params() {}

  static ValidatedRequest validated(RoutingContext ctx) {
    return ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
  }

  static int queryInt(RoutingContext ctx, String name, int def) {
    RequestParameter p = query(ctx, name);
    return p == null || p.isNull() ? def : p.getInteger();
  }

  static String queryString(RoutingContext ctx, String name) {
    RequestParameter p = query(ctx, name);
    return p == null || p.isNull() ? null : p.getString();
  }

  static String path(RoutingContext ctx, String name) {
    ValidatedRequest vr = validated(ctx);
    RequestParameter p = vr == null ? null : vr.getPathParameters().get(name);
    return p == null || p.isNull() ? ctx.pathParam(name) : p.getString();
  }

  private static RequestParameter query(RoutingContext ctx, String name) {
    ValidatedRequest vr = validated(ctx);
    return vr == null ? null : vr.getQuery().get(name);
  }
}
