package krishiv.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Serves the API router on the configured host and port. {@code GET /healthz} is answered before the router:
 * liveness probes arrive often, the answer is constant, and it needs no guard, body handler or validator (the
 * contract declares no parameters for it); any other form of the request goes through the router as usual.
 */
public final class ApiServerVerticle extends VerticleBase {
  private static final Buffer OK = Buffer.buffer("ok");

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
    // No cleartext HTTP/2 (h2c upgrade or prior knowledge): with it, Vert.x 5.0.7 labels later responses on a
    // connection gzip but sends them uncompressed once one uncompressed response went out (eclipse-vertx/vert.x
    // #5896). HTTP/1.1 clients, Prometheus among them, are unaffected; TLS deployments terminate in front.
    server = vertx.createHttpServer(options.apply(new HttpServerOptions().setHost(host).setPort(port)
        .setCompressionSupported(true).setDecompressionSupported(false).setHttp2ClearTextEnabled(false)));
    return server.requestHandler(req -> {
      if (req.method() == HttpMethod.GET && "/healthz".equals(req.uri())) {
        req.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8").end(OK);
      } else {
        router.handle(req);
      }
    }).listen();
  }

  /** The port actually bound (useful with port 0). */
  public int actualPort() {
    return server.actualPort();
  }
}
