package krishiv.gateway.sim;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.HashMap;
import java.util.Map;
import krishiv.gateway.Gateway;
import krishiv.gateway.config.GatewayConfig;

/**
 * A simulator driving a real gateway, started in the order local mode uses (the simulator's command consumer
 * first, so the gateway's first sync is answered at once; then the gateway; then the simulation clock), with a
 * web client on the gateway's port. Shared by the test classes that need one per class.
 */
final class SimGateway {
  final SimulatorVerticle sim;
  final Gateway gateway;
  final WebClient http;

  private SimGateway(SimulatorVerticle sim, Gateway gateway, WebClient http) {
    this.sim = sim;
    this.gateway = gateway;
    this.http = http;
  }

  /** @param config gateway settings on top of the defaults and port 0 */
  static Future<SimGateway> start(Vertx vertx, SimOptions options, Map<String, String> config) {
    SimulatorVerticle sim = new SimulatorVerticle(options);
    Map<String, String> settings = new HashMap<>(config);
    settings.putIfAbsent("http.port", "0");
    return vertx.deployVerticle(sim).compose(id -> Gateway.start(vertx, GatewayConfig.defaults().with(settings)))
        .compose(g -> {
          WebClient http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
              .setDefaultPort(g.port()));
          return sim.startClock().map(v -> new SimGateway(sim, g, http));
        });
  }

  Future<Void> stop() {
    http.close();
    return sim.undeploy().eventually(gateway::stop);
  }
}
