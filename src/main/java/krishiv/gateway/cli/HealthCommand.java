package krishiv.gateway.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import krishiv.gateway.cli.support.CliException;
import krishiv.gateway.cli.support.GatewayClient;
import krishiv.gateway.cli.support.OutputFormat;
import krishiv.gateway.cli.support.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code krishiv health}: liveness and every readiness check in one view; exit 0 only when ready. */
@Command(name = "health", mixinStandardHelpOptions = true,
    description = "Show /healthz and /readyz?verbose; exit 0 only when the gateway is ready.",
    footer = {"", "Example (a CI gate):", "  krishiv health -o json > health.json || echo not ready"})
final class HealthCommand implements Callable<Integer> {
  @ParentCommand
  KrishivCommand root;

  @Override
  public Integer call() {
    GatewayClient client = root.client();
    GatewayClient.Response live = client.send("GET", "healthz", null);
    GatewayClient.Response ready = client.send("GET", "readyz?verbose", null);
    if (ready.status() != 200 && ready.status() != 503) {
      client.checked(ready); // 401, 403 ... explained
    }
    JsonObject report = ready.json();
    boolean isReady = ready.status() == 200;
    JsonObject doc = new JsonObject().put("live", live.status() == 200).put("ready", isReady)
        .put("readiness", report);
    if (root.format() != OutputFormat.TABLE) {
      root.printDocument(doc);
    } else {
      root.out().printf("live   %s%nready  %s%n%n", live.status() == 200 ? "yes" : "no (" + live.status() + ")",
          isReady ? "yes" : "no");
      Table t = root.table("CHECK", "STATUS", "GATING", "DETAIL");
      JsonArray checks = report.getJsonArray("checks");
      for (int i = 0; i < checks.size(); i++) {
        JsonObject c = checks.getJsonObject(i);
        t.row(c.getString("name"), c.getString("status"), c.getBoolean("gating") ? "yes" : "no",
            c.getString("detail"));
      }
      t.print(root.out(), root.width());
    }
    if (!isReady) {
      throw new CliException(CliException.RUNTIME, "the gateway at " + client.display() + " is not ready");
    }
    return 0;
  }
}
