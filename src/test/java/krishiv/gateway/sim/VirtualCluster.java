package krishiv.gateway.sim;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.function.Predicate;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.StageInfo;
import krishiv.gateway.bus.message.TaskInfo;

/** A simulated cluster on a virtual clock for pure tests: steps of 100 ms, with its commands and control. */
final class VirtualCluster {
  final CapturingPublisher published = new CapturingPublisher();
  final SimulatedCluster cluster;
  final CoordinatorCommands commands;
  final SimControl control;
  long nowMs;

  VirtualCluster(SimOptions options) {
    cluster = new SimulatedCluster(options, published, 0);
    commands = new CoordinatorCommands(cluster);
    control = new SimControl(cluster);
    cluster.step(0);
  }

  /** Steps the clock forward by {@code ms} in 100 ms steps. */
  VirtualCluster advance(long ms) {
    for (long end = nowMs + ms; nowMs < end; ) {
      nowMs += 100;
      cluster.step(nowMs);
    }
    return this;
  }

  /** Steps until {@code condition} holds on the cluster, for at most {@code maxMs} of simulated time. */
  boolean advanceUntil(long maxMs, Predicate<SimulatedCluster> condition) {
    for (long end = nowMs + maxMs; nowMs < end; ) {
      if (condition.test(cluster)) {
        return true;
      }
      advance(100);
    }
    return condition.test(cluster);
  }

  JsonObject command(String op) {
    return new JsonObject().put("v", 1).put("op", op);
  }

  Optional<JobInfo> firstJob(Predicate<JobInfo> p) {
    return cluster.jobs().stream().filter(p).findFirst();
  }

  static boolean isRunningStreaming(JobInfo j) {
    return "streaming".equals(j.kind()) && "running".equals(j.state());
  }

  /** A task of {@code job} that is assigned or running, as {stage, task}. */
  static Optional<int[]> activeTask(JobInfo job) {
    for (StageInfo s : job.stages()) {
      for (TaskInfo t : s.tasks()) {
        if ("running".equals(t.state()) || "assigned".equals(t.state())) {
          return Optional.of(new int[] {s.stageId(), t.taskId()});
        }
      }
    }
    return Optional.empty();
  }

  static TaskInfo task(JobInfo job, int stageId, int taskId) {
    return job.stages().stream().filter(s -> s.stageId() == stageId).findFirst().orElseThrow().tasks().get(taskId);
  }
}
