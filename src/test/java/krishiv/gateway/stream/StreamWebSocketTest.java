package krishiv.gateway.stream;

import static krishiv.gateway.stream.StreamFixture.publishEvent;
import static krishiv.gateway.stream.StreamFixture.seq;
import static krishiv.gateway.stream.StreamFixture.seqs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import krishiv.gateway.Gateway;
import krishiv.gateway.agent.ExecutorAgent;
import krishiv.gateway.agent.ExecutorStatus;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.http.Problem;
import krishiv.gateway.testing.Await;
import krishiv.gateway.testing.FakeCoordinator;
import krishiv.gateway.testing.TestJobs;
import krishiv.gateway.view.Cursor;
import krishiv.gateway.view.EventKinds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The WebSocket stream over one live gateway fed through the event bus. */
@ExtendWith(VertxExtension.class)
class StreamWebSocketTest {
  static final List<String> STATES = List.of("queued", "accepted", "planning", "running", "committing");
  static Gateway gateway;
  static FakeCoordinator coordinator;
  static WebClient http;

  @BeforeAll
  static void start(Vertx vertx) {
    coordinator = new FakeCoordinator(vertx).withJobs(List.of(TestJobs.job("job-a", "running", 1_000, 2, "running")));
    coordinator.start().await();
    gateway = Gateway.start(vertx, StreamFixture.config(Map.of())).await();
    http = WebClient.create(vertx);
    Await.until("the sync", Duration.ofSeconds(10), () -> gateway.view().snapshot().warm());
  }

  @AfterAll
  static void stop() {
    http.close();
    gateway.stop().await();
    coordinator.stop().await();
  }

  WsProbe connect(Vertx vertx, String query) {
    return WsProbe.connect(vertx, gateway.port(), "/api/v1/events" + query);
  }

  @Test
  void filtersSelectByJobKindAndExecutorAndCombineWithAnd(Vertx vertx) {
    try (WsProbe byJob = connect(vertx, "?job_id=f-1&job_id=f-2");
        WsProbe byKind = connect(vertx, "?kind=Custom.A");
        WsProbe byExecutor = connect(vertx, "?executor_id=f-exec");
        WsProbe combined = connect(vertx, "?job_id=f-1&kind=Custom.B");
        WsProbe all = connect(vertx, "")) {
      List<WsProbe> probes = List.of(byJob, byKind, byExecutor, combined, all);
      probes.forEach(p -> p.awaitFrames("the first heartbeat", f -> !f.isEmpty()));
      publishEvent(vertx, "Custom.A", "f-1", null, "1");
      publishEvent(vertx, "Custom.B", "f-2", null, "2");
      publishEvent(vertx, "Custom.B", "f-1", "f-exec", "3");
      publishEvent(vertx, "Custom.A", "f-3", null, "4");
      publishEvent(vertx, "Custom.C", null, "f-exec", "5");
      all.awaitEvents(5);
      Await.until("filtered probes", Duration.ofSeconds(5), () -> byJob.events().size() >= 3
          && byKind.events().size() >= 2 && byExecutor.events().size() >= 2 && !combined.events().isEmpty());
      assertEquals(List.of("1", "2", "3"), details(byJob));
      assertEquals(List.of("1", "4"), details(byKind));
      assertEquals(List.of("3", "5"), details(byExecutor));
      assertEquals(List.of("3"), details(combined));
      assertEquals(List.of("1", "2", "3", "4", "5"), details(all).subList(details(all).size() - 5, details(all).size()));
      assertEquals(1, gateway.stream().shardCount(), "one shard per server event loop, not one per request context");
    }
  }

  static List<String> details(WsProbe p) {
    return p.events().stream().map(f -> f.getJsonObject("event").getString("detail")).collect(Collectors.toList());
  }

  @Test
  void eventFramesCarryTheReportEventWithItsCursor(Vertx vertx) {
    try (WsProbe p = connect(vertx, "?kind=Custom.Shape")) {
      p.awaitFrames("heartbeat", f -> !f.isEmpty());
      publishEvent(vertx, "Custom.Shape", "shape-job", "shape-exec", "hello");
      JsonObject frame = p.awaitEvents(1).get(0);
      assertEquals("event", frame.getString("type"));
      assertEquals(Set.of("type", "cursor", "event"), frame.fieldNames());
      assertTrue(frame.getString("cursor").startsWith(gateway.view().epoch() + ":"));
      JsonObject e = frame.getJsonObject("event");
      assertEquals(Set.of("timestamp_ms", "event_kind", "detail", "job_id", "stage_id", "task_id", "executor_id"),
          e.fieldNames());
      assertEquals("Custom.Shape", e.getString("event_kind"));
      assertEquals("shape-job", e.getString("job_id"));
      assertEquals("shape-exec", e.getString("executor_id"));
      assertTrue(e.containsKey("stage_id") && e.getValue("stage_id") == null);
    }
  }

  @Test
  void aSubscribeFrameReplacesTheFilter(Vertx vertx) {
    try (WsProbe p = connect(vertx, "?job_id=s-1")) {
      p.awaitFrames("heartbeat", f -> !f.isEmpty());
      publishEvent(vertx, "Custom.S", "s-1", null, "a");
      p.awaitEvents(1);
      p.send(new JsonObject().put("type", "subscribe").put("job_id", new JsonArray().add("s-2")));
      // The frame is applied on the server's event loop before later events: publish a marker until it shows.
      Await.until("the new filter", Duration.ofSeconds(5), () -> {
        publishEvent(vertx, "Custom.S", "s-2", null, "marker");
        return details(p).contains("marker");
      });
      publishEvent(vertx, "Custom.S", "s-1", null, "b");
      publishEvent(vertx, "Custom.S", "s-2", null, "c");
      Await.until("c", Duration.ofSeconds(5), () -> details(p).contains("c"));
      assertTrue(!details(p).contains("b"), "the old filter no longer applies: " + details(p));
      assertEquals("a", details(p).get(0));
    }
  }

  @Test
  void resumingInsideTheBufferDeliversEveryLaterEventOnceInOrderThenLive(Vertx vertx) {
    try (WsProbe reference = connect(vertx, "?kind=Custom.R")) {
      reference.awaitFrames("heartbeat", f -> !f.isEmpty());
      for (int i = 0; i < 300; i++) {
        publishEvent(vertx, "Custom.R", "r-job", null, "r" + i);
      }
      List<JsonObject> seen = reference.awaitEvents(100);
      String resumeAt = seen.get(99).getString("cursor");
      // Resume while events keep coming: the catch-up from the log must hand over to live without a gap or a twin.
      AtomicBoolean publishing = new AtomicBoolean(true);
      AtomicBoolean ticking = new AtomicBoolean();
      AtomicInteger more = new AtomicInteger();
      long timer = vertx.setPeriodic(1, id -> {
        ticking.set(true);
        if (publishing.get()) {
          for (int i = 0; i < 5; i++) {
            publishEvent(vertx, "Custom.R", "r-job", null, "live" + more.incrementAndGet());
          }
        }
        ticking.set(false);
      });
      try (WsProbe resumed = connect(vertx, "?kind=Custom.R&since=" + resumeAt)) {
        Await.until("some live events after the resume", Duration.ofSeconds(10), () -> more.get() > 500);
        publishing.set(false);
        vertx.cancelTimer(timer);
        // A tick may still be publishing: wait until the reference has everything that was published.
        Await.until("the reference to see every event", Duration.ofSeconds(10),
            () -> !ticking.get() && reference.events().size() == 300 + more.get());
        List<Long> expected = seqs(reference.events()).subList(100, reference.events().size());
        resumed.awaitEvents(expected.size());
        assertEquals(expected, seqs(resumed.events()), "exactly the events after the cursor, in order");
        assertEquals(seq(seen.get(99)) + 1, seqs(resumed.events()).get(0));
        assertTrue(resumed.frames("reset").isEmpty());
      } finally {
        publishing.set(false);
        vertx.cancelTimer(timer);
      }
    }
  }

  @Test
  void heartbeatsCarryTheSubscribersCursor(Vertx vertx) {
    try (WsProbe p = connect(vertx, "?kind=Custom.H")) {
      JsonObject first = p.awaitFrames("heartbeat", f -> !f.isEmpty()).get(0);
      assertEquals("heartbeat", first.getString("type"));
      assertTrue(first.getLong("ts") > 0);
      publishEvent(vertx, "Custom.H", null, null, "h1");
      publishEvent(vertx, "Custom.Other", null, null, "not for this subscriber");
      long delivered = seq(p.awaitEvents(1).get(0));
      Await.until("the skipped event logged", Duration.ofSeconds(5),
          () -> gateway.view().events().lastSeq() > delivered);
      p.awaitFrames("a heartbeat past the skipped event", f -> f.stream()
          .anyMatch(x -> "heartbeat".equals(x.getString("type")) && seq(x) > delivered));
      JsonObject hb = p.frames("heartbeat").get(p.frames("heartbeat").size() - 1);
      assertTrue(hb.getString("cursor").startsWith(gateway.view().epoch() + ":"));
      assertTrue(seq(hb) > delivered, "a filtered subscriber's cursor moves past the events it skips");
    }
  }

  @Test
  void aListThenItsStreamReplayToTheStateOfALaterList(Vertx vertx) {
    Map<String, JobInfo> jobs = new HashMap<>();
    for (int i = 0; i < 8; i++) {
      jobs.put("lw-" + i, TestJobs.job("lw-" + i, "queued", 10_000 + i, 1, "running"));
    }
    AtomicInteger changes = new AtomicInteger();
    AtomicBoolean publishing = new AtomicBoolean(true);
    long timer = vertx.setPeriodic(2, id -> {
      if (!publishing.get()) {
        return;
      }
      int n = changes.incrementAndGet();
      String id1 = "lw-" + (n % 8);
      JobInfo next = TestJobs.withState(jobs.get(id1), STATES.get((n / 8) % STATES.size()));
      jobs.put(id1, next);
      coordinator.publishJobs(next);
    });
    try {
      Await.until("changes before the list", Duration.ofSeconds(5), () -> changes.get() > 40);
      JsonObject listed = listJobs();
      String cursor = listed.getString("cursor");
      try (WsProbe p = connect(vertx, "?since=" + cursor)) {
        Await.until("changes after the list", Duration.ofSeconds(5), () -> changes.get() > 200);
        publishing.set(false);
        vertx.cancelTimer(timer);
        Await.until("the last change in a snapshot", Duration.ofSeconds(5),
            () -> listJobs().getJsonArray("jobs").stream().map(j -> (JsonObject) j)
                .filter(j -> j.getString("job_id").startsWith("lw-"))
                .allMatch(j -> j.getString("state").equals(jobs.get(j.getString("job_id")).state())));
        JsonObject later = listJobs();
        long until = Cursor.parse(later.getString("cursor")).seq();
        Await.until("the stream up to the later list", Duration.ofSeconds(10),
            () -> !p.events().isEmpty() && seq(p.events().get(p.events().size() - 1)) >= until);
        List<JsonObject> events = p.events().stream().filter(f -> seq(f) <= until).collect(Collectors.toList());
        long from = Cursor.parse(cursor).seq();
        assertEquals(LongStream.rangeClosed(from + 1, until).boxed().collect(Collectors.toList()), seqs(events),
            "every event after the list's cursor, no hole, no twin");
        Map<String, String> replayed = states(listed);
        for (JsonObject f : events) {
          JsonObject e = f.getJsonObject("event");
          if (EventKinds.JOB_SUBMITTED.equals(e.getString("event_kind"))) {
            // A job the list's snapshot did not have yet: its submission is in the stream after the cursor.
            String detail = e.getString("detail");
            assertEquals(null, replayed.get(e.getString("job_id")), "submitted once");
            replayed.put(e.getString("job_id"), detail.substring(detail.lastIndexOf("state ") + 6));
          } else if (EventKinds.JOB_STATE_CHANGED.equals(e.getString("event_kind"))) {
            String[] change = e.getString("detail").split(" -> ");
            assertEquals(replayed.get(e.getString("job_id")), change[0], "the event starts where the state was");
            replayed.put(e.getString("job_id"), change[1]);
          }
        }
        assertEquals(states(later), replayed);
      }
    } finally {
      publishing.set(false);
      vertx.cancelTimer(timer);
    }
  }

  static JsonObject listJobs() {
    return http.get(gateway.port(), "127.0.0.1", "/api/v1/jobs?limit=1000").send().await().bodyAsJsonObject();
  }

  static Map<String, String> states(JsonObject list) {
    Map<String, String> m = new TreeMap<>();
    list.getJsonArray("jobs").forEach(j -> m.put(((JsonObject) j).getString("job_id"),
        ((JsonObject) j).getString("state")));
    return m;
  }

  @Test
  void derivedExecutorAndJobEventsReachTheStream(Vertx vertx) {
    try (WsProbe p = connect(vertx, "?kind=ExecutorRegistered&kind=JobSubmitted&kind=StagePlanned")) {
      p.awaitFrames("heartbeat", f -> !f.isEmpty());
      ExecutorAgent agent = ExecutorAgent.onEventBus(vertx, Duration.ofSeconds(5));
      agent.register("d-exec", () -> ExecutorStatus.idle("d.local", 2, 2, 1L << 30));
      coordinator.publishJobs(TestJobs.job("d-job", "queued", 50_000, 1, "pending"));
      Await.until("three derived events", Duration.ofSeconds(5), () -> p.events().size() >= 3);
      List<String> kinds = p.events().stream().map(f -> f.getJsonObject("event").getString("event_kind"))
          .collect(Collectors.toList());
      assertTrue(kinds.containsAll(List.of("ExecutorRegistered", "JobSubmitted", "StagePlanned")), kinds.toString());
    }
  }

  @Test
  void badCursorsAreProblem400sBeforeTheUpgrade(Vertx vertx) {
    for (String bad : List.of("nonsense", "abc:", "e:99999999999999999999999")) {
      HttpResponse<Buffer> r = http.get(gateway.port(), "127.0.0.1", "/api/v1/events?since=" + bad)
          .putHeader("Accept", "text/event-stream").send().await();
      assertEquals(400, r.statusCode(), bad);
      assertEquals(Problem.CONTENT_TYPE, r.getHeader("Content-Type"));
      assertEquals("since", Problem.fromJson(r.bodyAsJsonObject()).errors().get(0).name());
    }
    for (String badQuery : List.of("since=nonsense", "job_id=", "kind=" + "k".repeat(200))) {
      Throwable refused = WsProbe.refusal(vertx, new WebSocketConnectOptions().setHost("127.0.0.1")
          .setPort(gateway.port()).setURI("/api/v1/events?" + badQuery));
      assertTrue(refused != null && refused.getMessage().contains("400"), badQuery + ": " + refused);
    }
    String ahead = gateway.view().epoch() + ":" + (gateway.view().events().lastSeq() + 1000);
    Throwable refused = WsProbe.refusal(vertx, new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(gateway.port()).setURI("/api/v1/events?since=" + ahead));
    assertTrue(refused != null && refused.getMessage().contains("400"), String.valueOf(refused));
    HttpResponse<Buffer> plain = http.get(gateway.port(), "127.0.0.1", "/api/v1/events").send().await();
    assertEquals(406, plain.statusCode(), "neither an upgrade nor an event-stream request");
  }

  @Test
  void binaryAndMalformedClientFramesCloseWithTheirCodes(Vertx vertx) {
    try (WsProbe p = connect(vertx, "")) {
      p.awaitFrames("heartbeat", f -> !f.isEmpty());
      p.socket().writeBinaryMessage(Buffer.buffer("x")).await();
      p.awaitClosed(Duration.ofSeconds(5));
      assertEquals(CloseCodes.UNSUPPORTED_DATA, p.closeCode());
    }
    try (WsProbe p = connect(vertx, "")) {
      p.awaitFrames("heartbeat", f -> !f.isEmpty());
      p.socket().writeTextMessage("{\"type\":\"subscribe\",\"job_id\":\"not-a-list\"}").await();
      p.awaitClosed(Duration.ofSeconds(5));
      assertEquals(CloseCodes.BAD_FRAME, p.closeCode());
      assertTrue(p.closeReason().contains("job_id"), p.closeReason());
    }
    try (WsProbe p = connect(vertx, "")) {
      p.awaitFrames("heartbeat", f -> !f.isEmpty());
      // The client splits this message into two frames within the frame limit: refused all the same.
      p.socket().writeTextMessage("{\"type\":\"subscribe\",\"kind\":[\"" + "k".repeat(70_000) + "\"]}");
      p.awaitClosed(Duration.ofSeconds(5));
      assertEquals(CloseCodes.MESSAGE_TOO_BIG, p.closeCode());
    }
    try (WsProbe p = connect(vertx, "")) {
      p.awaitFrames("heartbeat", f -> !f.isEmpty());
      p.socket().writeFrame(io.vertx.core.http.WebSocketFrame.textFrame("x".repeat(70_000), true));
      p.awaitClosed(Duration.ofSeconds(5)); // one frame over the limit: Vert.x drops the connection (1006 here)
    }
    Await.until("closed subscribers released", Duration.ofSeconds(5), () -> gateway.stream().connections() == 0);
  }

  @Test
  void statsAreExposedAsMicrometerMeters() {
    io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry = krishiv.gateway.VertxFactory.newRegistry();
    gateway.stream().stats().bindTo(registry);
    String scrape = registry.scrape();
    List<String> names = new ArrayList<>(List.of("krishiv_gateway_stream_subscribers{transport=\"websocket\"}",
        "krishiv_gateway_stream_subscribers{transport=\"sse\"}", "krishiv_gateway_stream_events_sent_total",
        "krishiv_gateway_stream_slow_consumers_closed_total", "krishiv_gateway_stream_resets_total"));
    names.forEach(n -> assertTrue(scrape.contains(n), n + " in\n" + scrape));
  }
}
