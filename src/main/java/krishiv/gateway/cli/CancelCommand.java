package krishiv.gateway.cli;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import krishiv.gateway.cli.support.OutputFormat;
import krishiv.gateway.cli.support.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code krishiv cancel --job J}. */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a job.",
    footer = {"", "Example:", "  krishiv cancel --job job-000007"})
final class CancelCommand implements Callable<Integer> {
  @ParentCommand
  KrishivCommand root;

  @Option(names = "--job", required = true, paramLabel = "JOB_ID")
  String job;

  @Override
  public Integer call() {
    JsonObject body = root.client().postJson("api/v1/jobs/" + Query.segment(job) + "/cancel", null);
    if (root.format() != OutputFormat.TABLE) {
      root.printDocument(body);
      return 0;
    }
    root.out().printf("%s %s%n", body.getString("job_id"),
        Boolean.TRUE.equals(body.getBoolean("cancelled")) ? "cancelled" : "not cancelled");
    return 0;
  }
}
