package krishiv.gateway.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import krishiv.gateway.http.ApiContract;

/** Checks stream frames against the contract's {@code StreamFrame} schema (JSON Schema 2020-12). */
final class ContractFrames {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema FRAME = load();

  private ContractFrames() {}

  private static Schema load() {
    JsonObject contract = new JsonObject(ApiContract.readJson());
    // The schema's $refs point into the contract's components, so the document carries them along.
    JsonObject doc = new JsonObject().put("$ref", "#/components/schemas/StreamFrame")
        .put("components", contract.getJsonObject("components"));
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(doc.encode());
  }

  /** The violations of one frame, empty when it matches the contract. */
  static List<String> violations(JsonObject frame) {
    try {
      List<Error> errors = FRAME.validate(JSON.readTree(frame.encode()));
      return errors.stream().map(Object::toString).collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
