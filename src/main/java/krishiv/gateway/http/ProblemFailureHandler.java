package krishiv.gateway.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one failure handler: maps every failure to a status and writes {@code application/problem+json}. Skips
 * responses already ended, logs 4xx without stack traces and 5xx with them. Messages of authentication
 * failures are never echoed (they may describe the token).
 */
public final class ProblemFailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemFailureHandler.class);
  private static final Pattern PARAMETER =
      Pattern.compile("(query|path|header|cookie) parameter ([A-Za-z0-9_.\\-\\[\\]]+)");

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    Throwable failure = ctx.failure();
    int status = ctx.statusCode() >= 400 ? ctx.statusCode() : 500;
    String detail;
    List<Problem.FieldError> errors = List.of();
    if (failure instanceof ApiException) {
      ApiException e = (ApiException) failure;
      status = e.status();
      detail = e.getMessage();
      errors = e.errors();
    } else if (failure instanceof HttpException) {
      HttpException e = (HttpException) failure;
      status = e.getStatusCode();
      Throwable cause = e.getCause();
      if (cause instanceof ValidatorException) {
        detail = cause.getMessage();
        errors = fieldErrors(cause.getMessage());
        if (((ValidatorException) cause).type() == ValidatorErrorType.UNSUPPORTED_VALUE_FORMAT
            && detail != null && detail.contains("request body")) {
          status = 415; // a body in a media type the operation does not accept
          detail = "The request body must be application/json";
        }
      } else if (status == 401 || status == 403) {
        detail = status == 401 ? "Missing or invalid credentials." : "The credentials do not allow this request.";
      } else {
        detail = e.getPayload() != null ? e.getPayload() : HttpResponseStatus.valueOf(status).reasonPhrase();
      }
    } else if (failure instanceof ValidatorException) {
      status = 400;
      detail = failure.getMessage();
      errors = fieldErrors(failure.getMessage());
    } else {
      detail = status == 500 ? "Internal error." : HttpResponseStatus.valueOf(status).reasonPhrase();
    }
    // The raw path: normalizedPath() throws on a malformed escape such as %zz, which would turn this 400 into 500.
    if (status == 500) {
      LOG.error("{} {} failed with {}", ctx.request().method(), ctx.request().path(), status, failure);
    } else if (status >= 500) {
      LOG.warn("{} {} -> {}: {}", ctx.request().method(), ctx.request().path(), status, detail);
    } else {
      LOG.debug("{} {} -> {}: {}", ctx.request().method(), ctx.request().path(), status, detail);
    }
    write(ctx, new Problem("about:blank", HttpResponseStatus.valueOf(status).reasonPhrase(), status, detail,
        ctx.request().path(), errors));
  }

  /** Writes a problem body with its status (also used for 404/405 from the router). */
  public static void write(RoutingContext ctx, Problem p) {
    HttpServerResponse r = ctx.response();
    if (r.ended() || r.closed()) {
      return;
    }
    if (p.status() == 401 && r.headers().get("WWW-Authenticate") == null) {
      r.putHeader("WWW-Authenticate", "Bearer realm=\"krishiv-gateway\"");
    }
    r.setStatusCode(p.status()).putHeader("Content-Type", Problem.CONTENT_TYPE).end(p.toJson().toBuffer());
  }

  static List<Problem.FieldError> fieldErrors(String message) {
    if (message == null) {
      return List.of();
    }
    Matcher m = PARAMETER.matcher(message);
    if (m.find()) {
      return List.of(new Problem.FieldError(m.group(2), m.group(1), message));
    }
    return List.of();
  }
}
