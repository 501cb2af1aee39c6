package krishiv.gateway.testing;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 whose connections a test can cut, and which can refuse new ones for a while: a
 * network blip between a client and the gateway, without restarting either.
 */
public final class CuttableProxy implements AutoCloseable {
  private final NetServer server;
  private final NetClient client;
  private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
  private volatile boolean refusing;

  private CuttableProxy(NetServer server, NetClient client) {
    this.server = server;
    this.client = client;
  }

  public static CuttableProxy start(Vertx vertx, int targetPort) {
    NetClient client = vertx.createNetClient();
    CuttableProxy[] self = new CuttableProxy[1];
    NetServer server = vertx.createNetServer().connectHandler(in -> {
      if (self[0].refusing) {
        in.close();
        return;
      }
      in.pause();
      client.connect(targetPort, "127.0.0.1").onSuccess(out -> {
        self[0].sockets.add(in);
        self[0].sockets.add(out);
        in.closeHandler(v -> out.close());
        out.closeHandler(v -> in.close());
        in.handler(out::write);
        out.handler(in::write);
        in.resume();
      }).onFailure(e -> in.close());
    });
    self[0] = new CuttableProxy(server, client);
    server.listen(0, "127.0.0.1").await();
    return self[0];
  }

  public int port() {
    return server.actualPort();
  }

  /** Closes every open connection; with {@code refuse}, new ones are closed at once until {@link #heal}. */
  public void cut(boolean refuse) {
    refusing = refuse;
    sockets.forEach(NetSocket::close);
    sockets.clear();
  }

  public void heal() {
    refusing = false;
  }

  @Override
  public void close() {
    server.close().await();
    client.close().await();
  }
}
