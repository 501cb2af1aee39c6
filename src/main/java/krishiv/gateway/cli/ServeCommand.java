package krishiv.gateway.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.Callable;
import krishiv.gateway.ForegroundRunner;
import krishiv.gateway.Gateway;
import krishiv.gateway.VertxFactory;
import krishiv.gateway.config.ConfigException;
import krishiv.gateway.config.ConfigKeys;
import krishiv.gateway.config.GatewayConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code krishiv serve}: the gateway alone, waiting for bus input from a cluster. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the gateway: consume the cluster's event bus and serve the management API.")
public final class ServeCommand implements Callable<Integer> {
  @Mixin
  ServerOptions server;

  @Override
  public Integer call() {
    Map<String, String> env = System.getenv();
    GatewayConfig config = server.resolve(env);
    PrometheusMeterRegistry registry = VertxFactory.newRegistry();
    Vertx vertx = VertxFactory.create(registry);
    Gateway gateway;
    try {
      gateway = Gateway.start(vertx, config, Gateway.Options.defaults().withEnv(env).withRegistry(registry)).await();
    } catch (ConfigException e) {
      // Exit code 2 (KrishivCommand), e.g. credentials required but no token source configured.
      vertx.close();
      throw e;
    } catch (Exception e) {
      System.err.println("krishiv-gateway: failed to start: " + e.getMessage());
      vertx.close();
      return 1;
    }
    System.out.println("krishiv-gateway listening on " + gateway.url() + " (waiting for the coordinator's sync)");
    System.out.flush();
    ForegroundRunner.runUntilSignal(vertx, config.duration(ConfigKeys.SHUTDOWN_GRACE), v -> gateway.stop());
    return 0;
  }
}
