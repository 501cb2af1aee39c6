package krishiv.gateway.cli.support;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * The command line's HTTP client for the gateway. Every request has a timeout and is retried once when the
 * connection was reset or never answered (a request arriving just as the gateway starts listening can go
 * unanswered). Errors become {@link CliException}s that name the cause: unreachable (with the URL), token
 * rejected (401), not allowed (403), not found (404, with the gateway's detail).
 */
public final class GatewayClient {
  /** A response: status and body text. */
  public record Response(int status, String body) {
    public JsonObject json() {
      try {
        return new JsonObject(body);
      } catch (DecodeException e) {
        throw new CliException(CliException.RUNTIME, "the gateway's answer is not JSON: " + abbreviate(body));
      }
    }
  }

  private final URI base;
  private final String token;
  private final Duration timeout;
  private final HttpClient http;

  public GatewayClient(URI base, String token, Duration timeout) {
    this.base = Objects.requireNonNull(base, "base");
    this.token = token;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
  }

  public URI base() {
    return base;
  }

  /** The base URL as the user wrote it (no trailing slash), for messages. */
  public String display() {
    String b = base.toString();
    return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
  }

  public String token() {
    return token;
  }

  public Duration timeout() {
    return timeout;
  }

  /** GET a JSON body; any non-2xx status is an error. */
  public JsonObject getJson(String pathAndQuery) {
    return checked(send("GET", pathAndQuery, null)).json();
  }

  /** POST a JSON body (or none) and return the JSON answer; any non-2xx status is an error. */
  public JsonObject postJson(String path, JsonObject body) {
    return checked(send("POST", path, body)).json();
  }

  /** Sends a request and returns whatever status came back (network failures are errors). */
  public Response send(String method, String pathAndQuery, JsonObject body) {
    URI uri = base.resolve(pathAndQuery);
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.encode()));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpRequest request = b.build();
    IOException last = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body());
      } catch (ConnectException e) {
        throw unreachable(e);
      } catch (HttpTimeoutException e) {
        last = e;
      } catch (IOException e) {
        last = e; // reset or closed without an answer: worth one more try
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException(CliException.RUNTIME, "interrupted");
      }
    }
    if (last instanceof HttpTimeoutException) {
      throw new CliException(CliException.RUNTIME, "gateway at " + display() + " did not answer within "
          + timeout.toMillis() + " ms");
    }
    throw unreachable(last);
  }

  private CliException unreachable(IOException e) {
    String why = e == null || e.getMessage() == null ? e == null ? "" : e.getClass().getSimpleName() : e.getMessage();
    return new CliException(CliException.RUNTIME, "gateway unreachable at " + display()
        + (why.isEmpty() ? "" : " (" + why + ")"));
  }

  /** Maps an error status to its message; returns 2xx responses unchanged. */
  public Response checked(Response r) {
    if (r.status() >= 200 && r.status() < 300) {
      return r;
    }
    String detail = detail(r);
    switch (r.status()) {
      case 401:
        throw new CliException(CliException.RUNTIME, token == null
            ? "the gateway at " + display() + " needs a token (401): pass --token or --token-file"
            : "token rejected (401) by the gateway at " + display());
      case 403:
        throw new CliException(CliException.RUNTIME, "not allowed (403): " + detail);
      case 404:
        throw new CliException(CliException.RUNTIME, notFound(detail));
      default:
        throw new CliException(CliException.RUNTIME, "the gateway answered " + r.status() + ": " + detail);
    }
  }

  private static String notFound(String detail) {
    // The gateway says "No job X"; the CLI says what Krishiv's does.
    if (detail.startsWith("No job ")) {
      return "no such job " + detail.substring("No job ".length());
    }
    if (detail.startsWith("No executor ")) {
      return "no such executor " + detail.substring("No executor ".length());
    }
    return "not found (404): " + detail;
  }

  private static String detail(Response r) {
    try {
      JsonObject p = new JsonObject(r.body());
      String d = p.getString("detail");
      return d != null ? d : abbreviate(r.body());
    } catch (DecodeException | ClassCastException e) {
      return abbreviate(r.body());
    }
  }

  static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    String one = s.replace('\n', ' ').trim();
    return one.length() > 200 ? one.substring(0, 200) + "..." : one;
  }
}
