package krishiv.gateway.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import krishiv.gateway.cli.support.GatewayClient;
import krishiv.gateway.cli.support.OutputFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code krishiv cluster status}: what the gateway sees, in counts. */
@Command(name = "cluster", mixinStandardHelpOptions = true, description = "The cluster as the gateway sees it.",
    subcommands = ClusterCommand.Status.class)
final class ClusterCommand implements Runnable {
  @ParentCommand
  KrishivCommand root;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: status");
  }

  /**
   * {@code krishiv cluster status}; {@code -o json} prints {@code {gateway:{url, version, ready, epoch},
   * coordinator:{id, state, last_seen_ms}, executors:{total, by_state, slots_used, slots_total}, jobs:{total,
   * by_state}, members:[]}}.
   */
  @Command(name = "status", mixinStandardHelpOptions = true, description = "Gateway, coordinator, executors, jobs.",
      footer = {"", "Example:", "  krishiv cluster status -o json | jq .executors.by_state"})
  static final class Status implements Callable<Integer> {
    @ParentCommand
    ClusterCommand parent;

    @Override
    public Integer call() {
      KrishivCommand root = parent.root;
      GatewayClient client = root.client();
      JsonObject c = client.getJson("api/v1/cluster");
      JsonObject g = c.getJsonObject("gateway");
      String url = client.display();
      JsonObject doc = new JsonObject()
          .put("gateway", new JsonObject().put("url", url).put("version", g.getString("version"))
              .put("ready", g.getBoolean("ready")).put("epoch", g.getString("epoch")))
          .put("coordinator", c.getJsonObject("coordinator"))
          .put("executors", c.getJsonObject("executors"))
          .put("jobs", c.getJsonObject("jobs"))
          .put("members", new JsonArray());
      if (root.format() != OutputFormat.TABLE) {
        root.printDocument(doc);
        return 0;
      }
      var out = root.out();
      JsonObject co = c.getJsonObject("coordinator");
      JsonObject ex = c.getJsonObject("executors");
      JsonObject jobs = c.getJsonObject("jobs");
      out.printf("gateway      %s  version %s  epoch %s  %s%n", url, g.getString("version"), g.getString("epoch"),
          g.getBoolean("ready") ? "ready" : "NOT READY");
      out.printf("coordinator  %s%n", co.getValue("id") == null ? "none heard"
          : co.getString("id") + " (" + co.getString("state") + ")");
      out.printf("executors    %d  %s  slots %d/%d used%n", ex.getInteger("total"),
          byState(ex.getJsonObject("by_state")), ex.getLong("slots_used"), ex.getLong("slots_total"));
      out.printf("jobs         %d  %s%n", jobs.getInteger("total"), byState(jobs.getJsonObject("by_state")));
      return 0;
    }

    private static String byState(JsonObject counts) {
      StringBuilder sb = new StringBuilder();
      counts.forEach(e -> sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue()));
      return sb.length() == 0 ? "" : "(" + sb + ")";
    }
  }
}
