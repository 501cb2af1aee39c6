package krishiv.gateway.stream;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import krishiv.gateway.testing.Await;

/** A test SSE client over Vert.x's HttpClient: parses the chunked body into records and comments. */
final class SseProbe implements AutoCloseable {
  /** One SSE record: the fields a client sees. */
  record Record(String id, String event, JsonObject data) {}

  private final HttpClient client;
  private final HttpClientResponse response;
  private final StringBuilder pending = new StringBuilder();
  private final List<Record> records = new ArrayList<>();
  private final List<String> comments = new ArrayList<>();
  private final List<String> retries = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private volatile boolean ended;

  private SseProbe(HttpClient client, HttpClientResponse response) {
    this.client = client;
    this.response = response;
  }

  static SseProbe open(Vertx vertx, int port, String uri, MultiMap headers) {
    HttpClient client = vertx.createHttpClient();
    RequestOptions o = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port).setURI(uri)
        .putHeader("Accept", "text/event-stream");
    if (headers != null) {
      headers.forEach(o::putHeader);
    }
    // The body handlers go on as the response head arrives, on its event loop: no chunk is missed.
    SseProbe probe = client.request(o).compose(req -> req.send()).compose(r -> {
      if (r.statusCode() != 200) {
        return r.body().compose(b -> io.vertx.core.Future.<SseProbe>failedFuture(
            "SSE refused: " + r.statusCode() + " " + b));
      }
      SseProbe p = new SseProbe(client, r);
      r.handler(b -> p.parse(b.toString()));
      r.endHandler(v -> p.ended = true);
      r.exceptionHandler(e -> p.ended = true);
      return io.vertx.core.Future.succeededFuture(p);
    }).onFailure(e -> client.close()).await();
    return probe;
  }

  private synchronized void parse(String chunk) {
    pending.append(chunk);
    int end;
    while ((end = pending.indexOf("\n\n")) >= 0) {
      String block = pending.substring(0, end);
      pending.delete(0, end + 2);
      String id = null;
      String event = null;
      StringBuilder data = null;
      for (String line : block.split("\n")) {
        if (line.startsWith(":")) {
          comments.add(line.substring(1).trim());
        } else if (line.startsWith("id: ")) {
          id = line.substring(4);
        } else if (line.startsWith("event: ")) {
          event = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(6));
        } else if (line.startsWith("retry: ")) {
          retries.add(line.substring(7));
        }
      }
      if (data != null) {
        JsonObject frame = new JsonObject(data.toString());
        records.add(new Record(id, event, frame));
        ContractFrames.violations(frame).forEach(v -> violations.add(v + " in " + frame.encode()));
      }
    }
  }

  HttpClientResponse response() {
    return response;
  }

  synchronized List<Record> records() {
    return List.copyOf(records);
  }

  List<Record> records(String event) {
    return records().stream().filter(r -> event.equals(r.event())).collect(Collectors.toList());
  }

  synchronized List<String> comments() {
    return List.copyOf(comments);
  }

  synchronized List<String> retries() {
    return List.copyOf(retries);
  }

  List<Record> awaitRecords(String event, int n) {
    Await.until(n + " SSE " + event + " records", Duration.ofSeconds(10), () -> records(event).size() >= n);
    return records(event);
  }

  void awaitEnded(Duration within) {
    Await.until("the SSE stream to end", within, () -> ended);
  }

  /** Closes the client; fails if a record's data did not match the contract's StreamFrame schema. */
  @Override
  public void close() {
    client.close().await();
    synchronized (this) {
      if (!violations.isEmpty()) {
        throw new AssertionError("records outside the contract: " + violations);
      }
    }
  }
}
