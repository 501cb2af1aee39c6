package krishiv.gateway.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import krishiv.gateway.cli.support.CliException;
import krishiv.gateway.cli.support.GatewayClient;
import krishiv.gateway.cli.support.OutputFormat;
import krishiv.gateway.cli.support.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code krishiv events}: tails the gateway's event stream (Server-Sent Events). With {@code --follow} it
 * reconnects after a disconnect and resumes from the last cursor it received; when the gateway cannot resume
 * (its buffer moved on, or it restarted) it says so on stderr and carries on live.
 */
@Command(name = "events", mixinStandardHelpOptions = true, description = "Tail the live event stream.",
    footer = {"", "Examples:", "  krishiv events --kind JobStateChanged --follow",
        "  krishiv events --job job-000007 --since 3f2a9c1e:1200 -o json"})
final class EventsCommand implements Callable<Integer> {
  /** Pause before reconnecting, growing to at most 5 s while the gateway stays away. */
  static final long FIRST_BACKOFF_MS = 200;

  @ParentCommand
  KrishivCommand root;

  @Option(names = "--job", paramLabel = "JOB_ID", description = "Only this job's events (repeatable).")
  List<String> jobs = List.of();

  @Option(names = "--kind", paramLabel = "KIND", description = "Only this event kind (repeatable).")
  List<String> kinds = List.of();

  @Option(names = "--since", paramLabel = "CURSOR", description = "Start after this cursor (EPOCH:SEQ).")
  String since;

  @Option(names = "--follow", description = "Reconnect and resume after a disconnect; stop with Ctrl-C.")
  boolean follow;

  @Option(names = "--max-events", paramLabel = "N", description = "Exit after printing N events.")
  Long maxEvents;

  private long printed;
  /** The last cursor received: where a reconnect resumes. */
  private String cursor;

  /** Thrown out of the read loop once --max-events events are printed. */
  private static final class Enough extends RuntimeException {
    Enough() {
      super(null, null, false, false);
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    GatewayClient client = root.client();
    HttpClient http = HttpClient.newBuilder().connectTimeout(client.timeout()).build();
    cursor = since;
    long backoff = FIRST_BACKOFF_MS;
    while (true) {
      try {
        stream(http, client);
        if (!follow) {
          return 0;
        }
        backoff = FIRST_BACKOFF_MS;
        root.err().println("krishiv: the stream ended; reconnecting from " + (cursor == null ? "now" : cursor));
      } catch (Enough e) {
        return 0;
      } catch (ConnectException e) {
        if (!follow) {
          throw new CliException(CliException.RUNTIME, "gateway unreachable at " + client.display());
        }
        root.err().println("krishiv: gateway unreachable at " + client.display() + "; retrying");
      } catch (IOException e) {
        if (!follow) {
          throw new CliException(CliException.RUNTIME, "the stream from " + client.display() + " broke: " + e);
        }
        root.err().println("krishiv: the stream broke (" + e.getMessage() + "); resuming from " + cursor);
      }
      root.err().flush();
      Thread.sleep(backoff);
      backoff = Math.min(5_000, backoff * 2);
    }
  }

  /** Reads one connection's worth of frames, moving {@link #cursor} with each one received. */
  private void stream(HttpClient http, GatewayClient client) throws IOException, InterruptedException {
    Query q = new Query("api/v1/events");
    jobs.forEach(j -> q.add("job_id", j));
    kinds.forEach(k -> q.add("kind", k));
    HttpRequest.Builder b = HttpRequest.newBuilder(client.base().resolve(q.toString()))
        .header("Accept", "text/event-stream");
    if (cursor != null) {
      b.header("Last-Event-ID", cursor);
    }
    if (client.token() != null) {
      b.header("Authorization", "Bearer " + client.token());
    }
    HttpResponse<Stream<String>> r = http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
    if (r.statusCode() != 200) {
      String body = String.join("\n", (Iterable<String>) r.body()::iterator);
      client.checked(new GatewayClient.Response(r.statusCode(), body));
    }
    String id = null;
    String type = "message";
    StringBuilder data = new StringBuilder();
    Iterator<String> it = r.body().iterator();
    while (true) {
      String line;
      try {
        if (!it.hasNext()) {
          break;
        }
        line = it.next();
      } catch (java.io.UncheckedIOException e) {
        throw e.getCause(); // the connection broke mid-stream: the caller resumes from the last cursor
      }
      if (line.isEmpty()) {
        if (data.length() > 0) {
          dispatch(type, id, data.toString());
        }
        id = null;
        type = "message";
        data.setLength(0);
      } else if (line.startsWith("id:")) {
        id = line.substring(3).trim();
      } else if (line.startsWith("event:")) {
        type = line.substring(6).trim();
      } else if (line.startsWith("data:")) {
        data.append(data.length() == 0 ? "" : "\n").append(line.substring(5).trim());
      }
      // comments (": heartbeat ...") and retry: hints need no action
    }
  }

  private void dispatch(String type, String id, String data) {
    JsonObject frame;
    try {
      frame = new JsonObject(data);
    } catch (DecodeException e) {
      root.err().println("krishiv: skipped a frame that is not JSON");
      return;
    }
    String frameType = frame.getString("type", type);
    String frameCursor = frame.getString("cursor", id);
    switch (frameType) {
      case "event":
        print(frame, frameCursor);
        advance(frameCursor);
        if (maxEvents != null && ++printed >= maxEvents) {
          throw new Enough();
        }
        break;
      case "reset":
        root.err().println("krishiv: the gateway reset the stream (" + frame.getString("reason")
            + "): events before " + frameCursor + " cannot be replayed; re-list for the current state. Continuing live.");
        root.err().flush();
        advance(frameCursor);
        break;
      case "heartbeat":
        advance(frameCursor);
        break;
      default:
        break;
    }
  }

  private void advance(String frameCursor) {
    if (frameCursor != null) {
      cursor = frameCursor;
    }
  }

  private void print(JsonObject frame, String cursor) {
    if (root.format() != OutputFormat.TABLE) {
      root.out().println(frame.encode()); // one JSON document per line
    } else {
      JsonObject e = frame.getJsonObject("event", new JsonObject());
      Long ts = e.getLong("timestamp_ms");
      String subject = e.getString("job_id") != null ? e.getString("job_id")
          : e.getString("executor_id") != null ? e.getString("executor_id") : "-";
      root.out().printf("%s  %s  %-20s %-14s %s%n", cursor, ts == null ? "-" : Instant.ofEpochMilli(ts),
          e.getString("event_kind"), subject, e.getString("detail", ""));
    }
    root.out().flush();
  }
}
