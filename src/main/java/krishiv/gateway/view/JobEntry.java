package krishiv.gateway.view;

import java.util.List;
import java.util.Objects;
import krishiv.gateway.bus.message.JobInfo;

/** A job in the snapshot: the coordinator's report, its precomputed counts and its most recent events. */
public record JobEntry(JobInfo job, JobCounts counts, List<ViewEvent> recentEvents, long updatedAtMs) {
  public JobEntry {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(counts, "counts");
    recentEvents = List.copyOf(recentEvents);
  }

  public String jobId() {
    return job.jobId();
  }
}
