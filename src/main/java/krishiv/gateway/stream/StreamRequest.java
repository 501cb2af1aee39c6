package krishiv.gateway.stream;

import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.ArrayList;
import java.util.List;
import krishiv.gateway.http.ApiException;
import krishiv.gateway.view.Cursor;

/**
 * What a stream request asks for, read from the query the contract validated: the filter and the cursor to
 * resume after ({@code Last-Event-ID} for SSE wins over {@code since}). {@code access_token} in the query is
 * deliberately not read: long-lived tokens do not belong in URLs.
 */
record StreamRequest(EventFilter filter, Cursor since) {
  static final String LAST_EVENT_ID = "Last-Event-ID";

  /**
   * @throws ApiException 400 for a malformed cursor, or one of this epoch that is ahead of the log
   */
  static StreamRequest from(RoutingContext ctx, boolean sse, String epoch, long lastSeq) {
    ValidatedRequest vr = ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
    EventFilter filter = EventFilter.of(values(ctx, vr, "job_id"), values(ctx, vr, "kind"),
        values(ctx, vr, "executor_id"));
    String header = sse ? ctx.request().getHeader(LAST_EVENT_ID) : null;
    boolean fromHeader = header != null && !header.isBlank();
    String raw = fromHeader ? header : ctx.request().getParam("since");
    String source = fromHeader ? "header" : "query";
    String name = fromHeader ? LAST_EVENT_ID : "since";
    Cursor since = null;
    if (raw != null && !raw.isBlank()) {
      try {
        since = Cursor.parse(raw.trim());
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(name, source, "a cursor looks like EPOCH:SEQ, as in a list's cursor field");
      }
      if (since.epoch().equals(epoch) && since.seq() > lastSeq) {
        throw ApiException.badRequest(name, source, "the cursor is ahead of this gateway's event log (last seq "
            + lastSeq + ")");
      }
    }
    return new StreamRequest(filter, since);
  }

  private static List<String> values(RoutingContext ctx, ValidatedRequest vr, String name) {
    RequestParameter p = vr == null ? null : vr.getQuery().get(name);
    if (p == null || p.isNull()) {
      return vr == null ? ctx.queryParam(name) : List.of();
    }
    List<String> out = new ArrayList<>();
    Object v = p.get();
    if (v instanceof JsonArray) {
      ((JsonArray) v).forEach(x -> out.add(String.valueOf(x)));
    } else {
      out.add(String.valueOf(v));
    }
    return out;
  }
}
