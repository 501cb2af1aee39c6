package krishiv.gateway.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import krishiv.gateway.cli.support.OutputFormat;
import krishiv.gateway.cli.support.Query;
import krishiv.gateway.cli.support.Table;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code krishiv state inspect}: an operator's state snapshots, asked of the coordinator. */
@Command(name = "state", mixinStandardHelpOptions = true, description = "Operator state.",
    subcommands = StateCommand.Inspect.class)
final class StateCommand implements Runnable {
  @ParentCommand
  KrishivCommand root;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: inspect");
  }

  /** {@code krishiv state inspect --job J --operator O}. */
  @Command(name = "inspect", mixinStandardHelpOptions = true, description = "List an operator's state snapshots.",
      footer = {"", "Example:", "  krishiv state inspect --job job-000007 --operator window-agg"})
  static final class Inspect implements Callable<Integer> {
    @ParentCommand
    StateCommand parent;

    @Option(names = "--job", required = true, paramLabel = "JOB_ID")
    String job;

    @Option(names = "--operator", required = true, paramLabel = "OPERATOR_ID")
    String operator;

    @Override
    public Integer call() {
      KrishivCommand root = parent.root;
      JsonObject body = root.client().getJson("api/v1/jobs/" + Query.segment(job) + "/operators/"
          + Query.segment(operator) + "/state");
      if (root.format() != OutputFormat.TABLE) {
        root.printDocument(body);
        return 0;
      }
      Table t = root.table("TASK", "SNAPSHOT PATH");
      JsonArray snapshots = body.getJsonArray("snapshots");
      for (int i = 0; i < snapshots.size(); i++) {
        JsonObject s = snapshots.getJsonObject(i);
        t.row(s.getInteger("task_id"), s.getString("snapshot_path"));
      }
      t.print(root.out(), root.width());
      return 0;
    }
  }
}
