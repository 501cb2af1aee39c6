package krishiv.gateway.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.handler.JWTAuthHandler;
import io.vertx.ext.web.handler.PlatformHandler;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The auth model of one running gateway: the credential sources (with the watcher that re-reads token files)
 * and the two handlers the router needs, the canonical-path guard and the bearer handler. Start it before the
 * HTTP server and {@link #stop()} it after.
 */
public final class GatewayAuth {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayAuth.class);

  private final Vertx vertx;
  private final AuthConfig config;
  private final BearerAuthenticator authenticator;
  private final String watcherDeployment;

  private GatewayAuth(Vertx vertx, AuthConfig config, BearerAuthenticator authenticator, String watcherDeployment) {
    this.vertx = vertx;
    this.config = config;
    this.authenticator = authenticator;
    this.watcherDeployment = watcherDeployment;
  }

  /**
   * Loads every credential source (files asynchronously) and starts watching token files.
   *
   * @return fails with a {@link krishiv.gateway.config.ConfigException} naming the source that cannot be used
   */
  public static Future<GatewayAuth> start(Vertx vertx, AuthConfig config) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(config, "config");
    if (!config.required()) {
      LOG.warn("authentication is OFF ({}): every route is open; configure a token source or a durable profile"
          + " to require credentials", config.reason());
      return Future.succeededFuture(new GatewayAuth(vertx, config, BearerAuthenticator.open(), null));
    }
    StaticTokens tokens = new StaticTokens();
    config.tokenSources().stream().filter(s -> !s.isFile()).forEach(s -> tokens.replace(s, s.tokens()));
    List<TokenSource> files = config.tokenSources().stream().filter(TokenSource::isFile)
        .collect(Collectors.toList());
    return JwtVerifierLoader.load(vertx, config.jwt()).compose(jwt -> {
      Future<String> watcher = files.isEmpty() ? Future.succeededFuture()
          : vertx.deployVerticle(new TokenFileWatcher(tokens, files, config.tokenFilePollInterval()));
      return watcher.map(id -> {
        log(config, tokens, jwt);
        return new GatewayAuth(vertx, config, new BearerAuthenticator(tokens, jwt), id);
      });
    });
  }

  private static void log(AuthConfig config, StaticTokens tokens, JwtVerifier jwt) {
    String sources = config.tokenSources().stream().map(TokenSource::name).collect(Collectors.joining(", "));
    LOG.info("authentication is ON ({}): {} static token(s){}{}", config.reason(), tokens.size(),
        sources.isEmpty() ? "" : " from " + sources,
        jwt == null ? ", no JWT keys" : ", JWT " + String.join("/", jwt.algorithms())
            + (config.jwt().issuer().isEmpty() ? "" : ", issuer checked")
            + (config.jwt().audience().isEmpty() ? "" : ", audience checked"));
    if (tokens.hasOverlap()) {
      LOG.warn("a token is configured both as a coordinator and as a UI token; it gets every scope");
    }
  }

  public AuthConfig config() {
    return config;
  }

  /** For other entry points that receive tokens (e.g. a WebSocket's first frame). */
  public BearerAuthenticator authenticator() {
    return authenticator;
  }

  /** The first handler of the router (a {@link PlatformHandler}). */
  public PlatformHandler pathGuard() {
    return new CanonicalPathGuard();
  }

  /**
   * The handler for the contract's {@code bearerAuth} scheme, enforcing the scopes its operations require.
   *
   * @throws IllegalStateException if the contract's security requirements cannot be enforced exactly
   */
  public JWTAuthHandler bearerHandler(OpenAPIContract contract) {
    return bearerHandler(contract, java.util.Set.of());
  }

  /** The same, passing on the operations that authenticate their requests themselves. */
  public JWTAuthHandler bearerHandler(OpenAPIContract contract, java.util.Set<String> selfAuthenticated) {
    return new BearerAuthHandler(authenticator, ScopePolicy.fromContract(contract), selfAuthenticated);
  }

  /** Stops watching token files. */
  public Future<Void> stop() {
    return watcherDeployment == null ? Future.succeededFuture() : vertx.undeploy(watcherDeployment);
  }
}
