package krishiv.gateway.cli;

import java.util.concurrent.Callable;
import krishiv.gateway.cli.support.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code krishiv report [--job J]}: the cluster report, or one job's ObservabilityReport, as pretty JSON. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Print the cluster report, or a job's ObservabilityReport (JSON; -o yaml for YAML).",
    footer = {"", "Examples:", "  krishiv report --job job-000007", "  krishiv report | jq .totals"})
final class ReportCommand implements Callable<Integer> {
  @ParentCommand
  KrishivCommand root;

  @Option(names = "--job", paramLabel = "JOB_ID", description = "One job's diagnose report.")
  String job;

  @Override
  public Integer call() {
    String path = job == null ? "api/v1/report" : "api/v1/jobs/" + Query.segment(job) + "/diagnose";
    root.printDocument(root.client().getJson(path));
    return 0;
  }
}
