package krishiv.gateway.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import krishiv.gateway.bus.message.EventInfo;
import org.junit.jupiter.api.Test;

/** The stream's pure parts: filters, the subscriber index, the Origin policy, close reasons. */
class StreamUnitTest {
  static EventInfo event(String kind, String job, String executor) {
    return new EventInfo(1, kind, "", job, null, null, executor);
  }

  @Test
  void filtersCombineDimensionsWithAndAndValuesWithOr() {
    EventFilter f = EventFilter.of(List.of("j1", "j2"), List.of("K"), List.of());
    assertTrue(f.matches(event("K", "j2", null)));
    assertFalse(f.matches(event("L", "j2", null)));
    assertFalse(f.matches(event("K", "j3", null)));
    assertFalse(f.matches(event("K", null, "e")), "an executor event has no job, so a job filter excludes it");
    assertTrue(EventFilter.ALL.matches(event("anything", null, null)));
    EventFilter fromFrame = EventFilter.fromJson(new JsonObject().put("executor_id", new JsonArray().add("e")));
    assertTrue(fromFrame.matches(event("X", null, "e")));
    assertThrows(IllegalArgumentException.class, () -> EventFilter.fromJson(new JsonObject().put("kind", "K")));
    assertThrows(IllegalArgumentException.class,
        () -> EventFilter.fromJson(new JsonObject().put("kind", new JsonArray().add(3))));
  }

  @Test
  void theIndexVisitsEachMatchingSubscriberOnceAndOnlyThose() {
    SubscriberIndex<String> index = new SubscriberIndex<>();
    String all = "all";
    String jobAndKind = "jobAndKind";
    String twoJobs = "twoJobs";
    String executor = "executor";
    String kind = "kind";
    index.add(all, EventFilter.ALL);
    index.add(jobAndKind, EventFilter.of(List.of("j1"), List.of("K"), List.of()));
    index.add(twoJobs, EventFilter.of(List.of("j1", "j2"), List.of(), List.of()));
    index.add(executor, EventFilter.of(List.of(), List.of(), List.of("e1")));
    index.add(kind, EventFilter.of(List.of(), List.of("K"), List.of()));
    assertEquals(List.of("all", "jobAndKind", "twoJobs", "kind"), visit(index, event("K", "j1", null)));
    assertEquals(List.of("all", "twoJobs", "executor"), visit(index, event("L", "j2", "e1")));
    index.remove(twoJobs);
    index.add(kind, EventFilter.of(List.of(), List.of("L"), List.of()));
    assertEquals(List.of("all", "executor", "kind"), visit(index, event("L", "j2", "e1")));
    assertEquals(4, index.size());
  }

  private static List<String> visit(SubscriberIndex<String> index, EventInfo e) {
    List<String> seen = new ArrayList<>();
    index.forEachMatching(e, seen::add);
    return seen;
  }

  @Test
  void originsAreAllowedBySameHostLocalhostOrExactEntries() {
    OriginPolicy defaults = OriginPolicy.parse("same-host,localhost");
    assertTrue(defaults.allows(null, "gw:8080"), "no Origin: not a browser page");
    assertTrue(defaults.allows("http://gw:8080", "gw:8080"));
    assertTrue(defaults.allows("http://localhost:5173", "gw:8080"));
    assertTrue(defaults.allows("http://127.0.0.1:3000", "gw:8080"));
    assertTrue(defaults.allows("http://[::1]:3000", "gw:8080"));
    assertFalse(defaults.allows("https://evil.example", "gw:8080"));
    assertFalse(defaults.allows("http://gw:8081", "gw:8080"));
    assertFalse(defaults.allows("null", "gw:8080"));
    OriginPolicy exact = OriginPolicy.parse("https://ops.example.com/");
    assertTrue(exact.allows("https://OPS.example.com", "gw"));
    assertFalse(exact.allows("http://localhost", "gw"));
    assertTrue(OriginPolicy.parse("*").allows("https://anything", "gw"));
  }

  @Test
  void theContractsFrameSchemaAcceptsOurFramesAndRejectsOthers() {
    krishiv.gateway.view.ViewEvent e = new krishiv.gateway.view.ViewEvent(7, event("K", "j", null));
    assertEquals(List.of(), ContractFrames.violations(StreamFrames.event("ep:7", e)));
    assertEquals(List.of(), ContractFrames.violations(StreamFrames.heartbeat("ep:7", 5)));
    assertEquals(List.of(), ContractFrames.violations(StreamFrames.reset(StreamFrames.CURSOR_EXPIRED, "ep:7")));
    assertEquals(List.of(), ContractFrames.violations(StreamFrames.close(4401, "credentials expired")));
    assertFalse(ContractFrames.violations(new JsonObject().put("type", "event").put("cursor", "no-seq")).isEmpty());
    assertFalse(ContractFrames.violations(StreamFrames.reset("because", "ep:7")).isEmpty());
    assertFalse(ContractFrames.violations(StreamFrames.event("ep:7", e).put("extra", 1)).isEmpty());
  }

  @Test
  void closeReasonsFitTheProtocolLimit() {
    String longReason = "é".repeat(100);
    assertTrue(WebSocketTransport.truncate(longReason).getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 123);
    assertEquals("short", WebSocketTransport.truncate("short"));
  }
}
