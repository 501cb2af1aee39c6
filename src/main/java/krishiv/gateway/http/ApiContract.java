package krishiv.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The contract, loaded once from the classpath ({@code openapi/krishiv-gateway.yaml}, packaged from the
 * repository's {@code openapi/} folder): the parsed {@link OpenAPIContract} the router is built from, and the
 * document as JSON bytes in its original key order for {@code GET /api/v1/openapi.json}.
 */
public final class ApiContract {
  public static final String RESOURCE = "openapi/krishiv-gateway.yaml";

  private final OpenAPIContract contract;
  private final Buffer json;

  private ApiContract(OpenAPIContract contract, Buffer json) {
    this.contract = contract;
    this.json = json;
  }

  /** Reads and parses the contract; the future fails if it is missing or invalid (start then fails). */
  public static Future<ApiContract> load(Vertx vertx) {
    return vertx.executeBlocking(ApiContract::readJson).compose(bytes -> {
      // OpenAPIContract.from mutates its argument: hand it its own copy, adapted to what vertx-openapi reads.
      JsonObject doc = forValidator(new JsonObject(bytes));
      return OpenAPIContract.from(vertx, doc).map(c -> new ApiContract(c, bytes));
    });
  }

  /** The contract document as JSON (key order as written). */
  public static Buffer readJson() {
    try (InputStream in = ApiContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      Objects.requireNonNull(in, "missing classpath resource " + RESOURCE);
      JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(in);
      return Buffer.buffer(new ObjectMapper().writeValueAsBytes(tree));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * vertx-openapi 5.0.7 refuses to load a contract whose responses use a media type outside its short list
   * (application/json, text/plain, vnd.*+json, ...), and {@code application/problem+json},
   * {@code text/event-stream} and {@code application/openmetrics-text} are outside it. Clients get the true
   * contract; the validator gets a copy in which those media types are renamed to ones it accepts with the same
   * schema, or left out where the operation already declares that one (OpenMetrics beside text/plain, both plain
   * strings). Only responses declare them, and the router does not validate responses, so request checking is
   * unchanged.
   */
  static JsonObject forValidator(JsonObject doc) {
    return (JsonObject) renameMediaTypes(doc);
  }

  private static Object renameMediaTypes(Object node) {
    if (node instanceof JsonObject) {
      JsonObject in = (JsonObject) node;
      JsonObject out = new JsonObject();
      for (String key : in.fieldNames()) {
        String k = key;
        if ("application/problem+json".equals(key) && !in.containsKey("application/json")) {
          k = "application/json";
        } else if ("text/event-stream".equals(key) && !in.containsKey("text/plain")) {
          k = "text/plain";
        } else if ("application/openmetrics-text".equals(key)) {
          if (in.containsKey("text/plain")) {
            continue;
          }
          k = "text/plain";
        }
        out.put(k, renameMediaTypes(in.getValue(key)));
      }
      return out;
    }
    if (node instanceof io.vertx.core.json.JsonArray) {
      io.vertx.core.json.JsonArray out = new io.vertx.core.json.JsonArray();
      ((io.vertx.core.json.JsonArray) node).forEach(v -> out.add(renameMediaTypes(v)));
      return out;
    }
    return node;
  }

  public OpenAPIContract contract() {
    return contract;
  }

  public Buffer json() {
    return json;
  }
}
