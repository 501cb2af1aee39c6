package krishiv.gateway.bus.message;

import static krishiv.gateway.bus.JsonFields.countOrZero;
import static krishiv.gateway.bus.JsonFields.optionalCount;

import io.vertx.core.json.JsonObject;

/** Source and sink connector counters of a job. */
public record ConnectorInfo(long totalRowsRead, long totalBytesRead, long totalRowsWritten, long totalBytesWritten,
    long sourceOffsetLag, Long sinkCommitEpoch) {

  public static ConnectorInfo fromJson(JsonObject o) {
    return new ConnectorInfo(countOrZero(o, "total_rows_read"), countOrZero(o, "total_bytes_read"),
        countOrZero(o, "total_rows_written"), countOrZero(o, "total_bytes_written"),
        countOrZero(o, "source_offset_lag"), optionalCount(o, "sink_commit_epoch"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("total_rows_read", totalRowsRead).put("total_bytes_read", totalBytesRead)
        .put("total_rows_written", totalRowsWritten).put("total_bytes_written", totalBytesWritten)
        .put("source_offset_lag", sourceOffsetLag).put("sink_commit_epoch", sinkCommitEpoch);
  }
}
