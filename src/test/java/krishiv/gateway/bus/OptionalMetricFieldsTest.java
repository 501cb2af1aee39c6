package krishiv.gateway.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import krishiv.gateway.bus.message.CheckpointEpoch;
import krishiv.gateway.bus.message.CheckpointInfo;
import krishiv.gateway.bus.message.Heartbeat;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.StageInfo;
import krishiv.gateway.testing.TestJobs;
import org.junit.jupiter.api.Test;

/** The fields added for /metrics are optional: old senders stay valid, new ones round-trip, bad values reject. */
class OptionalMetricFieldsTest {
  static final String[] HEARTBEAT_FIELDS = {"spill_bytes", "spill_files", "failed_assignments"};

  static JsonObject envelope(JsonObject body) {
    return JsonFields.envelope(body.put("v", 1), 1 << 20);
  }

  @Test
  void aHeartbeatWithoutTheCountersReadsThemAsZero() {
    JsonObject old = MessageValidationTest.heartbeat();
    for (String f : HEARTBEAT_FIELDS) {
      old.remove(f);
    }
    Heartbeat hb = Heartbeat.fromJson(envelope(old));
    assertEquals(0, hb.spillBytes() + hb.spillFiles() + hb.failedAssignments());

    JsonObject now = MessageValidationTest.heartbeat().put("spill_bytes", 7).put("spill_files", 2)
        .put("failed_assignments", 1);
    Heartbeat parsed = Heartbeat.fromJson(envelope(now));
    assertEquals(List.of(7L, 2L, 1L), List.of(parsed.spillBytes(), parsed.spillFiles(), parsed.failedAssignments()));
    assertEquals(now, parsed.toJson());
    MessageRejectedException e = assertThrows(MessageRejectedException.class,
        () -> Heartbeat.fromJson(envelope(MessageValidationTest.heartbeat().put("spill_bytes", -1))));
    assertEquals(RejectReason.NEGATIVE_VALUE, e.reason());
  }

  @Test
  void jobFieldsForMetricsAreOptionalAndRoundTrip() {
    JobInfo plain = TestJobs.job("j", "running", 1, 1, "running");
    JsonObject old = plain.toJson();
    old.remove("operator_memory_bytes");
    old.getJsonArray("stages").getJsonObject(0).remove("shuffle_partitions_failed");
    JobInfo parsed = JobInfo.fromJson(old);
    assertEquals(Map.of(), parsed.operatorMemoryBytes());
    assertEquals(0, parsed.stages().get(0).shufflePartitionsFailed());

    StageInfo s = plain.stages().get(0);
    StageInfo stage = new StageInfo(s.stageId(), s.stageName(), s.state(), 0, List.of(), 10, 5, 6, s.tasks(), 3);
    assertEquals(1, stage.shufflePartitionsPending());
    CheckpointInfo cp = new CheckpointInfo(3, 1, 5L, Map.of(), Map.of(), false, null, null, Map.of(),
        List.of(new CheckpointEpoch(3, 5, false, null, 250L)), null, 2);
    assertEquals(3, cp.committedEpochs(), "committed defaults to the latest epoch number");
    JobInfo full = new JobInfo("j", "n", "streaming", "running", 1, null, 1, null, 0, plain.resourceUsage(),
        List.of(stage), plain.shuffle(), cp, null, null, Map.of("hash_join", 4096L));
    assertEquals(full, JobInfo.fromJson(full.toJson()));

    JsonObject epochWithout = new CheckpointEpoch(1, 2, false, null).toJson();
    epochWithout.remove("duration_ms");
    assertNull(CheckpointEpoch.fromJson(epochWithout).durationMs());
  }
}
