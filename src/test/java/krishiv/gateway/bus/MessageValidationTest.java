package krishiv.gateway.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;
import krishiv.gateway.bus.message.Heartbeat;
import krishiv.gateway.bus.message.JobsMessage;
import krishiv.gateway.bus.message.RunningTask;
import krishiv.gateway.testing.TestJobs;
import org.junit.jupiter.api.Test;

/** Each kind of bad message is rejected with its reason, and a good one round-trips. */
class MessageValidationTest {
  static JsonObject heartbeat() {
    return new Heartbeat("exec-1", "inc-1", 1, "host-1", "healthy", 4,
        List.of(new RunningTask("job-1", 0, 2, 0)), 100, 1000, 8, 5, 6, "host-1:7337", null, null, 0, 123).toJson();
  }

  static RejectReason reason(Object body, Function<JsonObject, ?> validator) {
    MessageRejectedException e = assertThrows(MessageRejectedException.class,
        () -> validator.apply(JsonFields.envelope(body, 64 * 1024)));
    return e.reason();
  }

  @Test
  void goodHeartbeatRoundTrips() {
    JsonObject json = heartbeat();
    Heartbeat hb = Heartbeat.fromJson(JsonFields.envelope(json, 64 * 1024));
    assertEquals("exec-1", hb.executorId());
    assertEquals(json, hb.toJson());
    // the same message as bytes, as it arrives from another process
    assertEquals(hb, Heartbeat.fromJson(JsonFields.envelope(json.toBuffer(), 64 * 1024)));
  }

  @Test
  void badHeartbeatsAreRejectedWithTheirReason() {
    assertEquals(RejectReason.NOT_JSON, reason("not json", Heartbeat::fromJson));
    assertEquals(RejectReason.NOT_JSON, reason(Buffer.buffer("[1,2]"), Heartbeat::fromJson));
    assertEquals(RejectReason.NOT_JSON, reason(42, Heartbeat::fromJson));
    assertEquals(RejectReason.UNKNOWN_VERSION, reason(heartbeat().put("v", 2), Heartbeat::fromJson));
    assertEquals(RejectReason.MISSING_FIELD, reason(heartbeat().copy().put("v", (Object) null), Heartbeat::fromJson));
    JsonObject noId = heartbeat();
    noId.remove("executor_id");
    assertEquals(RejectReason.MISSING_FIELD, reason(noId, Heartbeat::fromJson));
    assertEquals(RejectReason.INVALID_VALUE, reason(heartbeat().put("executor_id", ""), Heartbeat::fromJson));
    assertEquals(RejectReason.WRONG_TYPE, reason(heartbeat().put("slots", "four"), Heartbeat::fromJson));
    assertEquals(RejectReason.WRONG_TYPE, reason(heartbeat().put("seq", 1.5), Heartbeat::fromJson));
    assertEquals(RejectReason.NEGATIVE_VALUE, reason(heartbeat().put("memory_used_bytes", -1), Heartbeat::fromJson));
    assertEquals(RejectReason.INVALID_VALUE, reason(heartbeat().put("state", "lost"), Heartbeat::fromJson),
        "lost is the gateway's verdict, not something an executor reports");
    assertEquals(RejectReason.WRONG_TYPE,
        reason(heartbeat().put("running_tasks", new JsonArray().add("x")), Heartbeat::fromJson));
    assertEquals(RejectReason.OVERSIZED,
        reason(heartbeat().put("host", "h".repeat(70 * 1024)), Heartbeat::fromJson));
    assertEquals(RejectReason.OVERSIZED,
        reason(Buffer.buffer(heartbeat().put("host", "h".repeat(70 * 1024)).encode()), Heartbeat::fromJson));
  }

  @Test
  void badJobMessagesAreRejected() {
    JsonObject good = new JobsMessage("c", false, 1, List.of(TestJobs.job("j1", "running", 10, 2, "running")))
        .toJson();
    JobsMessage.fromJson(JsonFields.envelope(good, 1 << 20));
    JsonObject badState = good.copy();
    badState.getJsonArray("jobs").getJsonObject(0).put("state", "exploded");
    assertEquals(RejectReason.INVALID_VALUE, reason(badState, JobsMessage::fromJson));
    JsonObject badTask = good.copy();
    badTask.getJsonArray("jobs").getJsonObject(0).getJsonArray("stages").getJsonObject(0).getJsonArray("tasks")
        .getJsonObject(0).put("failure_count", -3);
    assertEquals(RejectReason.NEGATIVE_VALUE, reason(badTask, JobsMessage::fromJson));
    JsonObject noJobs = good.copy();
    noJobs.remove("jobs");
    assertEquals(RejectReason.MISSING_FIELD, reason(noJobs, JobsMessage::fromJson));
  }
}
