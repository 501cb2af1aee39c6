package krishiv.gateway.cli;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import krishiv.gateway.cli.support.OutputFormat;
import krishiv.gateway.cli.support.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code krishiv savepoint --job J [--label L]}. */
@Command(name = "savepoint", mixinStandardHelpOptions = true,
    description = "Trigger a savepoint; prints the epoch it will complete with.",
    footer = {"", "Example:", "  krishiv savepoint --job job-000007 --label before-upgrade"})
final class SavepointCommand implements Callable<Integer> {
  @ParentCommand
  KrishivCommand root;

  @Option(names = "--job", required = true, paramLabel = "JOB_ID")
  String job;

  @Option(names = "--label", paramLabel = "LABEL", description = "Kept with the savepoint.")
  String label;

  @Override
  public Integer call() {
    JsonObject request = label == null ? null : new JsonObject().put("label", label);
    JsonObject body = root.client().postJson("api/v1/jobs/" + Query.segment(job) + "/savepoints", request);
    if (root.format() != OutputFormat.TABLE) {
      root.printDocument(body);
      return 0;
    }
    root.out().printf("savepoint of %s accepted: epoch %d%s%n", body.getString("job_id"), body.getLong("epoch"),
        body.getString("label") == null ? "" : ", label " + body.getString("label"));
    return 0;
  }
}
