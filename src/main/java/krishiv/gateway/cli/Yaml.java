package krishiv.gateway.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.vertx.core.json.JsonObject;

/** JSON documents as YAML, for {@code -o yaml}. */
final class Yaml {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private Yaml() {}

  static String write(JsonObject doc) {
    try {
      return YAML.writeValueAsString(JSON.readTree(doc.encode()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
