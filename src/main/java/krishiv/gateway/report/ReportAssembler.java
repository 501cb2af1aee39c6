package krishiv.gateway.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import krishiv.gateway.bus.message.CheckpointInfo;
import krishiv.gateway.bus.message.ConnectorInfo;
import krishiv.gateway.bus.message.EventInfo;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.ShuffleInfo;
import krishiv.gateway.bus.message.StageInfo;
import krishiv.gateway.bus.message.StreamingInfo;
import krishiv.gateway.bus.message.TaskInfo;
import krishiv.gateway.model.ClusterReport;
import krishiv.gateway.model.ClusterTotals;
import krishiv.gateway.model.ModelJson;
import krishiv.gateway.model.ObservabilityReport;
import krishiv.gateway.model.ReportCheckpoint;
import krishiv.gateway.model.ReportConnectorMetrics;
import krishiv.gateway.model.ReportEvent;
import krishiv.gateway.model.ReportExecutor;
import krishiv.gateway.model.ReportJob;
import krishiv.gateway.model.ReportRuntimeStats;
import krishiv.gateway.model.ReportShuffle;
import krishiv.gateway.model.ReportStage;
import krishiv.gateway.model.ReportStreamingState;
import krishiv.gateway.model.ReportTask;
import krishiv.gateway.view.ExecutorEntry;
import krishiv.gateway.view.JobEntry;
import krishiv.gateway.view.ViewEvent;
import krishiv.gateway.view.ViewSnapshot;

/**
 * Builds Krishiv's report documents from one snapshot: a job's {@link ObservabilityReport} (diagnose) and the
 * {@link ClusterReport}. Pure functions of the snapshot and the time.
 */
public final class ReportAssembler {
  private final long tickMs;

  public ReportAssembler(long tickMs) {
    this.tickMs = Math.max(1, tickMs);
  }

  /** The diagnose report of one job: its stages and tasks, the executors running them, its last events. */
  public ObservabilityReport diagnose(ViewSnapshot s, JobEntry entry, long nowMs) {
    JobInfo job = entry.job();
    List<ReportStage> stages = new ArrayList<>(job.stages().size());
    Set<String> executorIds = new LinkedHashSet<>();
    for (StageInfo st : job.stages()) {
      Map<String, Long> counts = new TreeMap<>();
      List<ReportTask> tasks = new ArrayList<>(st.tasks().size());
      for (TaskInfo t : st.tasks()) {
        counts.merge(t.state(), 1L, Long::sum);
        if (t.executorId() != null) {
          executorIds.add(t.executorId());
        }
        tasks.add(new ReportTask(t.taskId(), t.state(), t.executorId(), t.attempt(), t.failureCount(),
            t.lastFailureReason(), t.watermarkMs(), t.sourceOffset(), stats(t)));
      }
      stages.add(new ReportStage(st.stageId(), st.stageName(), st.state(), counts, st.upstreamStageIds(),
          st.outputPartitionCount(), tasks));
    }
    List<ReportExecutor> executors = new ArrayList<>();
    for (String id : executorIds) {
      ExecutorEntry e = s.executor(id);
      if (e != null) {
        executors.add(executor(e, nowMs));
      }
    }
    List<ReportEvent> events = new ArrayList<>(entry.recentEvents().size());
    for (ViewEvent e : entry.recentEvents()) {
      events.add(event(e.event()));
    }
    return new ObservabilityReport(ModelJson.rfc3339(nowMs), coordinatorId(s), reportJob(job, nowMs), stages,
        executors, checkpoint(job.checkpoint()), shuffle(job.shuffle()), streaming(job.streaming()), events,
        connectors(job.connectors()));
  }

  /** Every job and executor, the totals, and the given recent events (oldest first). */
  public ClusterReport cluster(ViewSnapshot s, List<ViewEvent> recent, long nowMs) {
    List<ReportJob> jobs = new ArrayList<>(s.jobs().size());
    int checkpointJobs = 0;
    long epochs = 0;
    int savepoints = 0;
    long pending = 0;
    long available = 0;
    long failed = 0;
    long shuffleBytes = 0;
    int streamingJobs = 0;
    long rowsEmitted = 0;
    long stateKeys = 0;
    long stateBytes = 0;
    Long lowWatermark = null;
    long rowsRead = 0;
    long bytesRead = 0;
    long rowsWritten = 0;
    long bytesWritten = 0;
    long offsetLag = 0;
    Long sinkEpoch = null;
    for (JobEntry e : s.jobs()) {
      JobInfo j = e.job();
      jobs.add(reportJob(j, nowMs));
      if (j.checkpoint() != null) {
        checkpointJobs++;
        epochs += j.checkpoint().latestEpoch();
        savepoints += j.checkpoint().isSavepoint() ? 1 : 0;
      }
      pending += j.shuffle().pending();
      available += j.shuffle().available();
      failed += j.shuffle().failed();
      shuffleBytes += j.shuffle().totalBytesWritten();
      StreamingInfo st = j.streaming();
      if (st != null) {
        streamingJobs++;
        rowsEmitted += st.totalRowsEmitted();
        stateKeys += st.stateKeyCount();
        stateBytes += st.stateBytes();
        if (st.lowWatermarkMs() != null) {
          lowWatermark = lowWatermark == null ? st.lowWatermarkMs() : Math.min(lowWatermark, st.lowWatermarkMs());
        }
      }
      ConnectorInfo c = j.connectors();
      if (c != null) {
        rowsRead += c.totalRowsRead();
        bytesRead += c.totalBytesRead();
        rowsWritten += c.totalRowsWritten();
        bytesWritten += c.totalBytesWritten();
        offsetLag += c.sourceOffsetLag();
        if (c.sinkCommitEpoch() != null) {
          sinkEpoch = sinkEpoch == null ? c.sinkCommitEpoch() : Math.max(sinkEpoch, c.sinkCommitEpoch());
        }
      }
    }
    List<ReportExecutor> executors = new ArrayList<>(s.executorCount());
    for (ExecutorEntry e : s.executors()) {
      executors.add(executor(e, nowMs));
    }
    List<ReportEvent> events = new ArrayList<>(recent.size());
    recent.forEach(e -> events.add(event(e.event())));
    ClusterTotals totals = new ClusterTotals(new ClusterTotals.Checkpoints(checkpointJobs, epochs, savepoints),
        new ReportShuffle(pending, available, failed, shuffleBytes),
        new ClusterTotals.Streaming(streamingJobs, rowsEmitted, stateKeys, stateBytes, lowWatermark),
        new ReportConnectorMetrics(rowsRead, bytesRead, rowsWritten, bytesWritten, offsetLag, sinkEpoch));
    return new ClusterReport(ModelJson.rfc3339(nowMs), coordinatorId(s), jobs, executors, totals, events);
  }

  private static String coordinatorId(ViewSnapshot s) {
    return s.coordinator() == null ? null : s.coordinator().status().coordinatorId();
  }

  static ReportJob reportJob(JobInfo j, long nowMs) {
    long end = j.completedAtMs() != null ? j.completedAtMs() : nowMs;
    return new ReportJob(j.jobId(), j.jobName(), j.kind(), j.state(), j.submittedAtMs(), j.priority(),
        j.namespaceId(), Math.max(0, end - j.submittedAtMs()), j.totalRows());
  }

  ReportExecutor executor(ExecutorEntry e, long nowMs) {
    var hb = e.heartbeat();
    return new ReportExecutor(hb.executorId(), hb.host(), e.state(), hb.slots(), hb.runningTasks().size(),
        Math.max(0, nowMs - e.lastHeartbeatMs()) / tickMs, hb.taskEndpoint(), hb.memoryUsedBytes(),
        hb.memoryLimitBytes(), e.slotsUsed(), hb.slots(), e.lostCount());
  }

  private static ReportRuntimeStats stats(TaskInfo t) {
    var r = t.runtimeStats();
    return new ReportRuntimeStats(r.inputRows(), r.outputRows(), r.cpuNanos(), r.memoryBytes(), r.spillBytes());
  }

  static ReportEvent event(EventInfo e) {
    return new ReportEvent(e.timestampMs(), e.eventKind(), e.detail(), e.jobId(), e.stageId(), e.taskId(),
        e.executorId());
  }

  private static ReportCheckpoint checkpoint(CheckpointInfo c) {
    if (c == null) {
      return null;
    }
    return new ReportCheckpoint(c.latestEpoch(), c.fencingToken(), c.committedAtMs(), c.sourceOffsets(),
        c.operatorSnapshots(), c.isSavepoint(), c.savepointLabel(), c.icebergSnapshotId(), c.kafkaOffsets());
  }

  private static ReportShuffle shuffle(ShuffleInfo s) {
    return new ReportShuffle(s.pending(), s.available(), s.failed(), s.totalBytesWritten());
  }

  private static ReportStreamingState streaming(StreamingInfo s) {
    if (s == null) {
      return null;
    }
    return new ReportStreamingState(s.lowWatermarkMs(), new LinkedHashMap<>(s.sourceWatermarks()),
        new LinkedHashMap<>(s.sourceOffsetsLag()), s.totalRowsEmitted(), s.stateKeyCount(), s.stateBytes());
  }

  private static ReportConnectorMetrics connectors(ConnectorInfo c) {
    if (c == null) {
      return null;
    }
    return new ReportConnectorMetrics(c.totalRowsRead(), c.totalBytesRead(), c.totalRowsWritten(),
        c.totalBytesWritten(), c.sourceOffsetLag(), c.sinkCommitEpoch());
  }
}
