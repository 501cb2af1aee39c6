package krishiv.gateway.auth;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.JWTAuthHandler;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.Operation;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import krishiv.gateway.http.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authentication handler of the contract's {@code bearerAuth} scheme, bound with
 * {@code routerBuilder.security("bearerAuth").httpHandler(handler)} (the binding accepts a
 * {@link JWTAuthHandler}; this is a complete replacement of Vert.x's, not a wrapper). The router builder puts
 * it on every operation with a security requirement, after the root handlers and before request validation.
 *
 * <p>Unlike Vert.x's handler it accepts any token a header can carry (Vert.x answers 400 to a token outside
 * {@code [A-Za-z0-9_.-]}, e.g. base64 with {@code +/=}), takes the required scopes from {@link ScopePolicy}
 * (the contract) by the route's operationId, and answers in the RFC 6750 way:
 * <ul>
 *   <li>no bearer credentials: 401, {@code WWW-Authenticate: Bearer realm="krishiv-gateway"};</li>
 *   <li>a token that is malformed or not valid: 401 with {@code error="invalid_token"};</li>
 *   <li>a valid token without a required scope: 403 with {@code error="insufficient_scope"}.</li>
 * </ul>
 * Bodies are problem+json from the one failure handler; neither they nor the logs name the token or the
 * verifier's reason. Tokens are read only from the {@code Authorization} header, never from the query.
 */
public final class BearerAuthHandler implements JWTAuthHandler {
  static final String CHALLENGE = "Bearer realm=\"krishiv-gateway\"";
  private static final Logger LOG = LoggerFactory.getLogger(BearerAuthHandler.class);
  private static final String SCHEME = "Bearer";
  private static final String WWW_AUTHENTICATE = "WWW-Authenticate";

  private final BearerAuthenticator authenticator;
  private final ScopePolicy policy;
  private final Set<String> selfAuthenticated;

  public BearerAuthHandler(BearerAuthenticator authenticator, ScopePolicy policy) {
    this(authenticator, policy, Set.of());
  }

  /**
   * @param selfAuthenticated operations that check credentials themselves (the event stream: a browser's
   *     WebSocket upgrade carries no Authorization header); passed straight on. vertx-web-openapi-router 5.0.7
   *     still installs the scheme's handler on a route built with {@code setDoSecurity(false)}, so this is where
   *     the exception is made.
   */
  public BearerAuthHandler(BearerAuthenticator authenticator, ScopePolicy policy, Set<String> selfAuthenticated) {
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.selfAuthenticated = Set.copyOf(selfAuthenticated);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String operationId = operationId(ctx.currentRoute());
    if (selfAuthenticated.contains(operationId)) {
      ctx.next();
      return;
    }
    Set<Scope> required = policy.required(operationId);
    if (required == null) {
      // Only the router builder installs this handler, on secured operations: anything else is a wiring bug.
      LOG.error("no security policy for operation {} ({} {}); refusing the request", operationId,
          ctx.request().method(), ctx.request().path());
      ctx.fail(new ApiException(500, "Internal error."));
      return;
    }
    if (authenticator.isOpen()) {
      admit(ctx, Principal.anonymous(), required);
      return;
    }
    List<String> headers = ctx.request().headers().getAll(HttpHeaders.AUTHORIZATION);
    if (headers.isEmpty()) {
      unauthorized(ctx, null, "This request needs a bearer token (Authorization: Bearer <token>).", "no token");
      return;
    }
    if (headers.size() > 1) {
      unauthorized(ctx, "invalid_request", "Send exactly one Authorization header.", "several headers");
      return;
    }
    String header = headers.get(0);
    if (!isBearer(header)) {
      unauthorized(ctx, null, "Only Bearer credentials are accepted.", "another scheme");
      return;
    }
    String token = header.substring(SCHEME.length()).strip();
    if (token.isEmpty() || TokenText.problem(token) != null) {
      unauthorized(ctx, "invalid_token", "The bearer token is not valid.", "malformed token");
      return;
    }
    authenticator.authenticate(token).onComplete(ar -> {
      if (ar.succeeded()) {
        admit(ctx, ar.result(), required);
      } else {
        String reason = ar.cause() instanceof AuthenticationFailure
            ? ((AuthenticationFailure) ar.cause()).reason().description() : "refused";
        unauthorized(ctx, "invalid_token", "The bearer token is not valid.", reason);
      }
    });
  }

  /**
   * The operation a route serves. vertx-web-openapi-router 5.0.7 stores the {@link Operation} itself under
   * {@link RouterBuilder#KEY_META_DATA_OPERATION}; other versions store its operationId.
   */
  static String operationId(Route route) {
    Object meta = route == null ? null : route.getMetadata(RouterBuilder.KEY_META_DATA_OPERATION);
    if (meta instanceof Operation) {
      return ((Operation) meta).getOperationId();
    }
    return meta instanceof String ? (String) meta : null;
  }

  /** The scheme is case-insensitive (RFC 7235) and separated from the token by whitespace. */
  static boolean isBearer(String header) {
    return header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
        && (header.length() == SCHEME.length() || Character.isWhitespace(header.charAt(SCHEME.length())));
  }

  private static void admit(RoutingContext ctx, Principal principal, Set<Scope> required) {
    if (!principal.hasAll(required)) {
      String scopes = required.stream().map(Scope::value).sorted().collect(Collectors.joining(" "));
      LOG.debug("403 {} {}: {} lacks {}", ctx.request().method(), ctx.request().path(), principal.subject(), scopes);
      ctx.response().putHeader(WWW_AUTHENTICATE,
          CHALLENGE + ", error=\"insufficient_scope\", scope=\"" + scopes + "\"");
      ctx.fail(new ApiException(403, "This request needs the scope " + scopes + ", which the credentials lack."));
      return;
    }
    ctx.put(Principal.CONTEXT_KEY, principal);
    ctx.next();
  }

  private static void unauthorized(RoutingContext ctx, String error, String detail, String reason) {
    LOG.debug("401 {} {}: {}", ctx.request().method(), ctx.request().path(), reason);
    ctx.response().putHeader(WWW_AUTHENTICATE,
        error == null ? CHALLENGE : CHALLENGE + ", error=\"" + error + "\"");
    ctx.fail(new ApiException(401, detail));
  }

  /** Not supported: the required scopes come from the contract, per operation (see {@link ScopePolicy}). */
  @Override
  public JWTAuthHandler scopeDelimiter(String delimiter) {
    throw new UnsupportedOperationException("scopes are read from the contract's security requirements");
  }

  /** Not supported: the required scopes come from the contract, per operation (see {@link ScopePolicy}). */
  @Override
  public JWTAuthHandler withScope(String scope) {
    throw new UnsupportedOperationException("scopes are read from the contract's security requirements");
  }

  /** Not supported: the required scopes come from the contract, per operation (see {@link ScopePolicy}). */
  @Override
  public JWTAuthHandler withScopes(List<String> scopes) {
    throw new UnsupportedOperationException("scopes are read from the contract's security requirements");
  }
}
