package krishiv.gateway.stream;

import static krishiv.gateway.stream.StreamFixture.publishEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import krishiv.gateway.Gateway;
import krishiv.gateway.testing.Await;
import krishiv.gateway.testing.FakeCoordinator;
import krishiv.gateway.view.Cursor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Server-Sent Events form of the stream, read with Vert.x's HttpClient. */
@ExtendWith(VertxExtension.class)
class StreamSseTest {
  static Gateway gateway;
  static FakeCoordinator coordinator;

  @BeforeAll
  static void start(Vertx vertx) {
    coordinator = new FakeCoordinator(vertx);
    coordinator.start().await();
    gateway = Gateway.start(vertx, StreamFixture.config(Map.of("stream.sse-retry", "1500ms"))).await();
  }

  @AfterAll
  static void stop() {
    gateway.stop().await();
    coordinator.stop().await();
  }

  @Test
  void recordsCarryTheCursorAsIdTheTypeAsEventAndTheFrameAsData(Vertx vertx) {
    try (SseProbe sse = SseProbe.open(vertx, gateway.port(), "/api/v1/events?kind=Sse.A", null)) {
      assertEquals("text/event-stream; charset=utf-8", sse.response().getHeader("Content-Type"));
      assertEquals("no-cache", sse.response().getHeader("Cache-Control"));
      Await.until("the retry hint", Duration.ofSeconds(5), () -> !sse.retries().isEmpty());
      assertEquals("1500", sse.retries().get(0));
      publishEvent(vertx, "Sse.A", "sse-job", null, "one");
      publishEvent(vertx, "Sse.B", "sse-job", null, "filtered out");
      publishEvent(vertx, "Sse.A", "sse-job", null, "two");
      List<SseProbe.Record> events = sse.awaitRecords("event", 2);
      for (SseProbe.Record r : events) {
        assertEquals(r.id(), r.data().getString("cursor"));
        assertEquals("event", r.data().getString("type"));
      }
      assertEquals(List.of("one", "two"), events.stream().map(r -> r.data().getJsonObject("event").getString("detail"))
          .collect(Collectors.toList()));
    }
  }

  @Test
  void aClientAcceptingGzipStillGetsRecordsAsTheyHappen(Vertx vertx) {
    MultiMap gzip = MultiMap.caseInsensitiveMultiMap().add("Accept-Encoding", "gzip, deflate");
    try (SseProbe sse = SseProbe.open(vertx, gateway.port(), "/api/v1/events?kind=Sse.Z", gzip)) {
      assertTrue(!"gzip".equals(sse.response().getHeader("Content-Encoding")), "compression would buffer records");
      publishEvent(vertx, "Sse.Z", null, null, "z");
      sse.awaitRecords("event", 1);
    }
  }

  @Test
  void heartbeatsAreCommentsWithTheCursor(Vertx vertx) {
    try (SseProbe sse = SseProbe.open(vertx, gateway.port(), "/api/v1/events", null)) {
      long before = gateway.view().events().lastSeq();
      publishEvent(vertx, "Sse.H", null, null, "h");
      Await.until("the event logged", Duration.ofSeconds(5), () -> gateway.view().events().lastSeq() > before);
      String cursor = StreamFixture.cursor(gateway);
      Await.until("a heartbeat comment at the latest cursor", Duration.ofSeconds(5),
          () -> sse.comments().contains("heartbeat " + cursor));
    }
  }

  @Test
  void lastEventIdResumesAfterThatEventAndWinsOverSince(Vertx vertx) {
    String before = StreamFixture.cursor(gateway);
    for (int i = 0; i < 20; i++) {
      publishEvent(vertx, "Sse.R", null, null, "r" + i);
    }
    Await.until("20 events logged", Duration.ofSeconds(5),
        () -> gateway.view().events().lastSeq() >= Cursor.parse(before).seq() + 20);
    long from = Cursor.parse(before).seq() + 10;
    MultiMap headers = MultiMap.caseInsensitiveMultiMap()
        .add("Last-Event-ID", gateway.view().epoch() + ":" + from);
    try (SseProbe sse = SseProbe.open(vertx, gateway.port(), "/api/v1/events?kind=Sse.R&since=" + before, headers)) {
      List<SseProbe.Record> events = sse.awaitRecords("event", 10);
      assertEquals(from + 1, Cursor.parse(events.get(0).id()).seq());
      assertEquals("r10", events.get(0).data().getJsonObject("event").getString("detail"));
      assertEquals(10, sse.records("event").size());
    }
  }

  @Test
  void anotherEpochGetsAResetRecordFirstWhoseIdIsTheNewCursor(Vertx vertx) {
    try (SseProbe sse = SseProbe.open(vertx, gateway.port(), "/api/v1/events?since=someotherepoch:5", null)) {
      SseProbe.Record reset = sse.awaitRecords("reset", 1).get(0);
      assertEquals("epoch_changed", reset.data().getString("reason"));
      assertEquals(reset.id(), reset.data().getString("cursor"));
      assertTrue(reset.id().startsWith(gateway.view().epoch() + ":"));
      assertEquals("reset", sse.records().get(0).event(), "the reset comes before anything else");
    }
  }
}
