package krishiv.gateway.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import krishiv.gateway.cli.support.OutputFormat;
import krishiv.gateway.cli.support.Query;
import krishiv.gateway.cli.support.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code krishiv job JOB_ID}: one job with its stages and tasks. */
@Command(name = "job", mixinStandardHelpOptions = true, description = "Show one job with its stages and tasks.",
    footer = {"", "Examples:", "  krishiv job job-000042", "  krishiv job job-000042 -o json | jq .job.stages"})
final class JobCommand implements Callable<Integer> {
  @ParentCommand
  KrishivCommand root;

  @Parameters(paramLabel = "JOB_ID", description = "The job.")
  String jobId;

  @Override
  public Integer call() {
    JsonObject body = root.client().getJson("api/v1/jobs/" + Query.segment(jobId));
    if (root.format() != OutputFormat.TABLE) {
      root.printDocument(body);
      return 0;
    }
    JsonObject s = body.getJsonObject("job").getJsonObject("summary");
    var out = root.out();
    out.printf("job       %s (%s)%n", s.getString("job_id"), s.getString("job_name"));
    out.printf("state     %s%n", s.getString("state"));
    out.printf("kind      %s, namespace %s, priority %d%n", s.getString("kind"),
        Formats.namespace(s.getValue("namespace_id")), s.getInteger("priority"));
    out.printf("tasks     %d (%d running, %d succeeded, %d failed)%n", s.getInteger("task_count"),
        s.getInteger("running_task_count"), s.getInteger("succeeded_task_count"), s.getInteger("failed_task_count"));
    out.println();
    JsonArray stages = body.getJsonObject("job").getJsonArray("stages");
    Table st = root.table("STAGE", "STATE", "TASKS", "RETRIES", "UPSTREAM", "NAME");
    Table tasks = root.table("STAGE", "TASK", "STATE", "ATTEMPT", "FAILURES", "EXECUTOR", "REASON");
    for (int i = 0; i < stages.size(); i++) {
      JsonObject stage = stages.getJsonObject(i);
      st.row(stage.getInteger("stage_id"), stage.getString("state"), stage.getInteger("task_count"),
          stage.getInteger("retry_count"), stage.getJsonArray("upstream_stage_ids").encode(),
          stage.getString("stage_name"));
      JsonArray ts = stage.getJsonArray("tasks");
      for (int k = 0; k < ts.size(); k++) {
        JsonObject t = ts.getJsonObject(k);
        tasks.row(stage.getInteger("stage_id"), t.getInteger("task_id"), t.getString("state"), t.getInteger("attempt"),
            t.getInteger("failure_count"), t.getString("assigned_executor"), t.getString("failure_reason_display"));
      }
    }
    st.print(out, root.width());
    out.println();
    tasks.print(out, root.width());
    return 0;
  }
}
