package krishiv.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import krishiv.gateway.http.ApiContract;

/**
 * Checks real responses against the contract the gateway serves, independently of vertx-openapi: the status
 * must be declared for the operation, the media type too, and a JSON body must match its schema (JSON Schema
 * 2020-12, networknt). Every response a test receives goes through {@link #assertValid}.
 */
public final class ContractValidator {
  private static final String BASE = "https://krishiv-gateway.test/openapi.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static volatile ContractValidator shared;

  private final JsonObject contract;
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private ContractValidator(Buffer json) {
    this.contract = new JsonObject(json);
    String text = json.toString();
    this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        b -> b.schemas(Map.of(BASE, text)));
  }

  /** The validator over the packaged contract (the same bytes {@code /api/v1/openapi.json} serves). */
  public static ContractValidator get() {
    if (shared == null) {
      shared = new ContractValidator(ApiContract.readJson());
    }
    return shared;
  }

  /** Fails the test with every problem found, or returns the response. */
  public HttpResponse<Buffer> assertValid(String operationId, HttpResponse<Buffer> r) {
    List<String> problems = problems(operationId, r.statusCode(), r.getHeader("Content-Type"), r.body());
    if (!problems.isEmpty()) {
      throw new AssertionError(operationId + " " + r.statusCode() + " does not match the contract: " + problems
          + "\nbody: " + (r.body() == null ? "" : r.bodyAsString()));
    }
    return r;
  }

  /**
   * Validates a response to {@code method uri}: the operation is found by matching the path against the
   * contract's path templates. A path that matches no operation must be a problem+json 404 or 405.
   */
  public HttpResponse<Buffer> assertValid(String method, String uri, HttpResponse<Buffer> r) {
    String path = uri.split("\\?")[0];
    String op = operationFor(method.toLowerCase(java.util.Locale.ROOT), path);
    if (op == null) {
      List<String> p = problemsAgainstSchema("Problem", r.bodyAsJsonObject());
      if (!p.isEmpty() || (r.statusCode() != 404 && r.statusCode() != 405 && r.statusCode() != 400)) {
        throw new AssertionError(method + " " + uri + " matches no operation and is not a problem 400/404/405: "
            + r.statusCode() + " " + p);
      }
      return r;
    }
    return assertValid(op, r);
  }

  /** The operationId whose path template matches {@code path} for {@code method}, or null. */
  public String operationFor(String method, String path) {
    JsonObject paths = contract.getJsonObject("paths");
    for (String template : paths.fieldNames()) {
      String regex = "^" + template.replaceAll("\\{[^/]+\\}", "[^/]+") + "$";
      if (path.matches(regex)) {
        Object op = paths.getJsonObject(template).getValue(method);
        if (op instanceof JsonObject) {
          return ((JsonObject) op).getString("operationId");
        }
      }
    }
    return null;
  }

  /** What is wrong with a response (empty when it matches the contract). */
  public List<String> problems(String operationId, int status, String contentType, Buffer body) {
    List<String> out = new ArrayList<>();
    String[] op = find(operationId);
    if (op == null) {
      out.add("no operation " + operationId + " in the contract");
      return out;
    }
    String responsesPointer = "/paths/" + escape(op[0]) + "/" + op[1] + "/responses";
    JsonObject responses = (JsonObject) at(responsesPointer);
    String statusKey = String.valueOf(status);
    if (!responses.containsKey(statusKey)) {
      out.add("status " + status + " is not declared (declared: " + responses.fieldNames() + ")");
      return out;
    }
    String responsePointer = responsesPointer + "/" + statusKey;
    JsonObject response = (JsonObject) at(responsePointer);
    if (response.containsKey("$ref")) {
      responsePointer = response.getString("$ref").substring(1);
      response = (JsonObject) at(responsePointer);
    }
    JsonObject content = response.getJsonObject("content");
    if (content == null) {
      if (body != null && body.length() > 0) {
        out.add("a body where the contract declares none");
      }
      return out;
    }
    String media = contentType == null ? "" : contentType.split(";")[0].trim();
    if (!content.containsKey(media)) {
      out.add("media type '" + media + "' is not declared (declared: " + content.fieldNames() + ")");
      return out;
    }
    if (!media.endsWith("json")) {
      return out;
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body == null ? new byte[0] : body.getBytes());
    } catch (IOException e) {
      out.add("body is not JSON: " + e.getMessage());
      return out;
    }
    String schemaPointer = responsePointer + "/content/" + escape(media) + "/schema";
    Schema schema = schemas.computeIfAbsent(schemaPointer,
        p -> registry.getSchema(SchemaLocation.of(BASE + "#" + p)));
    schema.validate(node).forEach(e -> out.add(e.toString()));
    return out;
  }

  /** Validates a JSON value against a named component schema (for the negative controls). */
  public List<String> problemsAgainstSchema(String schemaName, JsonObject value) {
    Schema schema = schemas.computeIfAbsent("/components/schemas/" + schemaName,
        p -> registry.getSchema(SchemaLocation.of(BASE + "#" + p)));
    try {
      List<String> out = new ArrayList<>();
      schema.validate(MAPPER.readTree(value.encode())).forEach(e -> out.add(e.toString()));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String[] find(String operationId) {
    JsonObject paths = contract.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        Object op = item.getValue(method);
        if (op instanceof JsonObject && operationId.equals(((JsonObject) op).getString("operationId"))) {
          return new String[] {path, method};
        }
      }
    }
    return null;
  }

  private Object at(String pointer) {
    Object node = contract;
    for (String part : pointer.substring(1).split("/")) {
      String key = part.replace("~1", "/").replace("~0", "~");
      node = ((JsonObject) node).getValue(key);
    }
    return node;
  }

  private static String escape(String s) {
    return s.replace("~", "~0").replace("/", "~1");
  }
}
