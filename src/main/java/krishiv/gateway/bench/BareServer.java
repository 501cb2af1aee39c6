package krishiv.gateway.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;

/**
 * The baseline of the HTTP benchmarks: a bare Vert.x server on 127.0.0.1 answering {@code /healthz} with "ok" (as
 * the gateway) and every other request with a fixed JSON body of a given size. Usage: {@code BareServer PORT
 * BODY_BYTES}. Prints "listening PORT".
 */
public final class BareServer {
  private static final Buffer OK = Buffer.buffer("ok");

  private BareServer() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    int size = Integer.parseInt(args[1]);
    StringBuilder sb = new StringBuilder("{\"pad\":\"");
    while (sb.length() < size - 2) {
      sb.append('x');
    }
    Buffer body = Buffer.buffer(sb.append("\"}").toString());
    Vertx vertx = Vertx.vertx();
    vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
        .requestHandler(req -> {
          if ("/healthz".equals(req.path())) {
            req.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(OK);
          } else {
            req.response().putHeader("Content-Type", "application/json").end(body);
          }
        })
        .listen().onSuccess(s -> System.out.println("listening " + s.actualPort()))
        .onFailure(e -> {
          e.printStackTrace();
          System.exit(1);
        });
  }
}
