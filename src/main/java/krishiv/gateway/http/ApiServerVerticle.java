package krishiv.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Serves the API router on the configured host and port. */
public final class ApiServerVerticle extends VerticleBase {
  private final String host;
  private final int port;
  private final Function<io.vertx.core.Vertx, Router> routerFactory;
  private final UnaryOperator<HttpServerOptions> options;
  private HttpServer server;

  public ApiServerVerticle(String host, int port, Function<io.vertx.core.Vertx, Router> routerFactory) {
    this(host, port, routerFactory, UnaryOperator.identity());
  }

  /** @param options adds to the server options (WebSocket limits of the event stream, idle timeout) */
  public ApiServerVerticle(String host, int port, Function<io.vertx.core.Vertx, Router> routerFactory,
      UnaryOperator<HttpServerOptions> options) {
    this.host = Objects.requireNonNull(host);
    this.port = port;
    this.routerFactory = Objects.requireNonNull(routerFactory);
    this.options = Objects.requireNonNull(options);
  }

  @Override
  public Future<?> start() {
    Router router = routerFactory.apply(vertx);
    server = vertx.createHttpServer(options.apply(new HttpServerOptions().setHost(host).setPort(port)
        .setCompressionSupported(true).setDecompressionSupported(false)));
    return server.requestHandler(router).listen();
  }

  /** The port actually bound (useful with port 0). */
  public int actualPort() {
    return server.actualPort();
  }
}
