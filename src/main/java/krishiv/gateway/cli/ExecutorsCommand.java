package krishiv.gateway.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import krishiv.gateway.cli.support.GatewayClient;
import krishiv.gateway.cli.support.OutputFormat;
import krishiv.gateway.cli.support.Query;
import krishiv.gateway.cli.support.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code krishiv executors}: every executor with its health, slots, heartbeat age and losses. */
@Command(name = "executors", mixinStandardHelpOptions = true,
    description = "List executors: health, slots used/total, heartbeat age, lost count.",
    footer = {"", "Examples:", "  krishiv executors", "  krishiv executors --state lost -o json"})
final class ExecutorsCommand implements Callable<Integer> {
  @ParentCommand
  KrishivCommand root;

  @Option(names = "--state", paramLabel = "STATE", description = "Only executors in this state "
      + "(registered, healthy, lost, draining, removed).")
  String state;

  @Override
  public Integer call() {
    GatewayClient client = root.client();
    JsonObject first = client.getJson(page(0));
    JsonArray all = first.getJsonArray("executors").copy();
    int total = first.getInteger("total");
    while (all.size() < total) {
      JsonArray next = client.getJson(page(all.size())).getJsonArray("executors");
      if (next.isEmpty()) {
        break;
      }
      all.addAll(next);
    }
    first.put("executors", all).put("limit", Math.max(1, all.size())).put("offset", 0);
    if (root.format() != OutputFormat.TABLE) {
      root.printDocument(first);
      return 0;
    }
    Table t = root.table("ID", "STATE", "SLOTS", "HEARTBEAT", "LOST", "HOST");
    for (int i = 0; i < all.size(); i++) {
      JsonObject e = all.getJsonObject(i);
      t.row(e.getString("executor_id"), e.getString("state"),
          e.getInteger("slots_used") + "/" + e.getInteger("slots_total"), Formats.age(e.getLong("heartbeat_age_ms")),
          e.getInteger("lost_count"), e.getString("host"));
    }
    t.print(root.out(), root.width());
    return 0;
  }

  private String page(int offset) {
    return new Query("api/v1/executors").add("limit", JobsCommand.PAGE).add("offset", offset).add("state", state)
        .toString();
  }
}
