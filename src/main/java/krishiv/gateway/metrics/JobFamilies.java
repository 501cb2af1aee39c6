package krishiv.gateway.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import krishiv.gateway.bus.message.CheckpointInfo;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.StageInfo;
import krishiv.gateway.bus.message.StreamingInfo;
import krishiv.gateway.bus.message.TaskInfo;
import krishiv.gateway.view.JobEntry;
import krishiv.gateway.view.ViewSnapshot;

/**
 * The job families, from the jobs in the snapshot (newest first, then by id: under the budget the newest jobs
 * are kept). Per-job series come from the job's own report and disappear with the job. Keys inside a job (source
 * ids, stage ids, task ids) are written sorted and de-duplicated, so a repeated id in a report can never produce
 * a duplicate series, which would make Prometheus reject the whole scrape.
 */
final class JobFamilies {
  /** Every job state, so that each appears in {@code krishiv_gateway_jobs} even at 0. */
  static final List<String> STATES =
      List.of("queued", "accepted", "planning", "running", "committing", "succeeded", "failed", "cancelled");

  private final ViewSnapshot snapshot;
  private final ExpositionWriter out;
  private final SeriesBudget budget;

  JobFamilies(ViewSnapshot snapshot, ExpositionWriter out, SeriesBudget budget) {
    this.snapshot = snapshot;
    this.out = out;
    this.budget = budget;
  }

  /** Writes the samples of {@code f} if it is a job family; false otherwise. */
  boolean write(MetricFamily f) {
    switch (f) {
      case TASKS_RUNNING:
        long running = 0;
        for (JobEntry j : snapshot.jobs()) {
          running += j.counts().runningTaskCount();
        }
        if (budget.admit(f)) {
          out.series(f.metricName()).value(running);
        }
        return true;
      case JOB_QUEUE_DEPTH:
        if (budget.admit(f)) {
          out.series(f.metricName()).value(snapshot.jobCountsByState().getOrDefault("queued", 0));
        }
        return true;
      case GATEWAY_JOBS:
        for (String state : STATES) {
          if (budget.admit(f)) {
            out.series(f.metricName()).label("state", state).value(snapshot.jobCountsByState().getOrDefault(state, 0));
          }
        }
        return true;
      case CHECKPOINT_EPOCH:
        for (JobEntry j : snapshot.jobs()) {
          CheckpointInfo cp = j.job().checkpoint();
          if (cp != null && budget.admit(f, j.jobId())) {
            out.series(f.metricName()).label("job_id", j.jobId()).value(cp.latestEpoch());
          }
        }
        return true;
      case CHECKPOINT_EPOCHS:
        for (JobEntry j : snapshot.jobs()) {
          CheckpointInfo cp = j.job().checkpoint();
          if (cp != null) {
            perJobStatus(f, j.jobId(), "committed", cp.committedEpochs());
            perJobStatus(f, j.jobId(), "failed", cp.failedEpochCount());
          }
        }
        return true;
      case WATERMARK:
        for (JobEntry j : snapshot.jobs()) {
          StreamingInfo s = j.job().streaming();
          if (s != null && s.lowWatermarkMs() != null) {
            perJob(f, j.jobId(), s.lowWatermarkMs());
          }
        }
        return true;
      case SOURCE_OFFSET_LAG:
        for (JobEntry j : snapshot.jobs()) {
          StreamingInfo s = j.job().streaming();
          if (s != null) {
            sourceLags(f, j.jobId(), s.sourceOffsetsLag());
          }
        }
        return true;
      case STATE_KEY_COUNT:
      case STATE_BYTES:
        for (JobEntry j : snapshot.jobs()) {
          StreamingInfo s = j.job().streaming();
          if (s != null) {
            perJob(f, j.jobId(), f == MetricFamily.STATE_BYTES ? s.stateBytes() : s.stateKeyCount());
          }
        }
        return true;
      case STREAMING_ROWS_EMITTED:
        for (JobEntry j : snapshot.jobs()) {
          if ("streaming".equals(j.job().kind())) {
            rowsEmitted(f, j.job());
          }
        }
        return true;
      case TASK_ATTEMPTS:
        for (JobEntry j : snapshot.jobs()) {
          for (StageInfo s : distinctStages(j.job())) {
            if (!s.tasks().isEmpty()) {
              taskAttempts(f, j.jobId(), s);
            }
          }
        }
        return true;
      case SHUFFLE_PARTITIONS:
        for (JobEntry j : snapshot.jobs()) {
          for (StageInfo s : distinctStages(j.job())) {
            if (s.outputPartitionCount() > 0 || s.shufflePartitionsAvailable() > 0 || s.shufflePartitionsFailed() > 0) {
              perStage(f, j.jobId(), s.stageId(), "state", "available", s.shufflePartitionsAvailable());
              perStage(f, j.jobId(), s.stageId(), "state", "failed", s.shufflePartitionsFailed());
              perStage(f, j.jobId(), s.stageId(), "state", "pending", s.shufflePartitionsPending());
            }
          }
        }
        return true;
      case OPERATOR_MEMORY:
        Map<String, Long> byOperator = new TreeMap<>();
        for (JobEntry j : snapshot.jobs()) {
          j.job().operatorMemoryBytes().forEach((op, bytes) -> byOperator.merge(op, bytes, Long::sum));
        }
        byOperator.forEach((op, bytes) -> {
          if (budget.admit(f, op)) {
            out.series(f.metricName()).label("operator", op).value(bytes);
          }
        });
        return true;
      default:
        return false;
    }
  }

  private void perJob(MetricFamily f, String jobId, long value) {
    if (budget.admit(f, jobId)) {
      out.series(f.metricName()).label("job_id", jobId).value(value);
    }
  }

  private void perJobStatus(MetricFamily f, String jobId, String status, long value) {
    if (budget.admit(f, jobId)) {
      out.series(f.metricName()).label("job_id", jobId).label("status", status).value(value);
    }
  }

  private void perStage(MetricFamily f, String jobId, int stageId, String label, String labelValue, long value) {
    if (budget.admit(f, jobId)) {
      out.series(f.metricName()).label("job_id", jobId).label("stage_id", stageId).label(label, labelValue)
          .value(value);
    }
  }

  private void sourceLags(MetricFamily f, String jobId, Map<String, Long> lags) {
    if (lags.isEmpty()) {
      return;
    }
    List<String> sources = new ArrayList<>(lags.keySet());
    sources.sort(null); // the map's own order is not stable across equal maps
    for (String source : sources) {
      if (budget.admit(f, jobId, source)) {
        out.series(f.metricName()).label("job_id", jobId).label("source_id", source).value(lags.get(source));
      }
    }
  }

  /** Succeeded and cancelled tasks, and failed attempts (the tasks' failure counts), of one stage. */
  private void taskAttempts(MetricFamily f, String jobId, StageInfo s) {
    long succeeded = 0;
    long failed = 0;
    long cancelled = 0;
    for (TaskInfo t : s.tasks()) {
      failed += t.failureCount();
      if ("succeeded".equals(t.state())) {
        succeeded++;
      } else if ("cancelled".equals(t.state())) {
        cancelled++;
      }
    }
    perStage(f, jobId, s.stageId(), "status", "succeeded", succeeded);
    perStage(f, jobId, s.stageId(), "status", "failed", failed);
    perStage(f, jobId, s.stageId(), "status", "cancelled", cancelled);
  }

  /** Output rows of the tasks of the job's sink stages (those no other stage reads), summed per task id. */
  private void rowsEmitted(MetricFamily f, JobInfo job) {
    List<StageInfo> stages = distinctStages(job);
    Set<Integer> upstream = new HashSet<>();
    for (StageInfo s : stages) {
      upstream.addAll(s.upstreamStageIds());
    }
    TreeMap<Integer, Long> rows = new TreeMap<>();
    for (StageInfo s : stages) {
      if (!upstream.contains(s.stageId())) {
        for (TaskInfo t : s.tasks()) {
          rows.merge(t.taskId(), t.runtimeStats().outputRows(), Long::sum);
        }
      }
    }
    rows.forEach((task, n) -> {
      if (budget.admit(f, job.jobId())) {
        out.series(f.metricName()).label("job_id", job.jobId()).label("task_id", task).value(n);
      }
    });
  }

  /** The job's stages with each stage id once (the first report of an id wins). */
  private static List<StageInfo> distinctStages(JobInfo job) {
    List<StageInfo> stages = job.stages();
    if (stages.size() < 2) {
      return stages;
    }
    Set<Integer> seen = new HashSet<>();
    List<StageInfo> out = new ArrayList<>(stages.size());
    for (StageInfo s : stages) {
      if (seen.add(s.stageId())) {
        out.add(s);
      }
    }
    return out;
  }
}
