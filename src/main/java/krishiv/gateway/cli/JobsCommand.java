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

/** {@code krishiv jobs}: jobs through the gateway, newest first. */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "List jobs, newest first.",
    footer = {"", "Examples:", "  krishiv jobs", "  krishiv jobs --distributed --state running",
        "  krishiv jobs --all -o json | jq '.jobs | length'"})
final class JobsCommand implements Callable<Integer> {
  /** Page size used to follow the pagination with --all. */
  static final int PAGE = 1000;

  @ParentCommand
  KrishivCommand root;

  @Option(names = "--distributed", description = "The scheduler view: stages and task counts per job.")
  boolean distributed;

  @Option(names = "--state", paramLabel = "STATE", description = "Only jobs in this state.")
  String state;

  @Option(names = "--kind", paramLabel = "KIND", description = "batch or streaming.")
  String kind;

  @Option(names = "--namespace", paramLabel = "NS", description = "Only this namespace (default: the default one).")
  String namespace;

  @Option(names = "--limit", paramLabel = "N", description = "Page size, 1 to 1000 (default 100).")
  Integer limit;

  @Option(names = "--offset", paramLabel = "N", description = "Jobs to skip.")
  Integer offset;

  @Option(names = "--all", description = "Follow the pagination and list every job.")
  boolean all;

  @Override
  public Integer call() {
    GatewayClient client = root.client();
    JsonObject body = all ? allPages(client) : client.getJson(query(limit, offset));
    if (root.format() != OutputFormat.TABLE) {
      root.printDocument(body);
      return 0;
    }
    JsonArray jobs = body.getJsonArray("jobs");
    Table t = distributed
        ? root.table("JOB", "STATE", "STAGES", "TASKS", "ASSIGNED", "RUNNING", "SUCCEEDED", "FAILED")
        : root.table("ID", "STATE", "NAME");
    for (int i = 0; i < jobs.size(); i++) {
      JsonObject j = jobs.getJsonObject(i);
      if (distributed) {
        t.row(j.getString("job_id"), j.getString("state"), j.getInteger("stage_count"), j.getInteger("task_count"),
            j.getInteger("assigned_task_count"), j.getInteger("running_task_count"),
            j.getInteger("succeeded_task_count"), j.getInteger("failed_task_count"));
      } else {
        t.row(j.getString("job_id"), j.getString("state"), j.getString("job_name"));
      }
    }
    t.print(root.out(), root.width());
    int total = body.getInteger("total");
    if (!all && total > jobs.size()) {
      root.err().println("(" + jobs.size() + " of " + total + " jobs; --all lists every one)");
    }
    return 0;
  }

  private String query(Integer pageLimit, Integer pageOffset) {
    return new Query("api/v1/jobs").add("limit", pageLimit).add("offset", pageOffset).add("state", state)
        .add("kind", kind).add("namespace", namespace).toString();
  }

  /** Every page from the offset on, in one body of the REST shape. */
  private JsonObject allPages(GatewayClient client) {
    int pageSize = limit != null ? limit : PAGE;
    int at = offset != null ? offset : 0;
    JsonObject first = client.getJson(query(pageSize, at));
    JsonArray jobs = first.getJsonArray("jobs").copy();
    int total = first.getInteger("total");
    while (at + pageSize < total) {
      at += pageSize;
      JsonArray page = client.getJson(query(pageSize, at)).getJsonArray("jobs");
      if (page.isEmpty()) {
        break;
      }
      jobs.addAll(page);
    }
    return first.put("jobs", jobs).put("limit", jobs.size()).put("offset", offset != null ? offset : 0);
  }
}
