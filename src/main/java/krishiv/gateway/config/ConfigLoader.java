package krishiv.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resolves the configuration from its layers, each overriding the one before:
 * packaged defaults &lt; the YAML file &lt; environment variables &lt; command-line flags.
 *
 * <p>The environment is a parameter so tests pass their own map instead of the process environment.
 */
public final class ConfigLoader {
  /** Environment variable naming the configuration file when {@code --config} is not given. */
  public static final String CONFIG_FILE_ENV = "KRISHIV_GATEWAY_CONFIG";

  private ConfigLoader() {}

  /**
   * @param file YAML file (null: none)
   * @param env environment variables ({@code KRISHIV_GATEWAY_*} are read)
   * @param flags values from command-line flags, by dotted key name
   * @throws ConfigException naming the first bad key
   */
  public static GatewayConfig load(Path file, Map<String, String> env, Map<String, String> flags) {
    Map<String, Object> values = new HashMap<>();
    Map<String, String> sources = new HashMap<>();
    for (ConfigKey key : ConfigKeys.all()) {
      values.put(key.name(), parse(key, key.defaultValue(), "default"));
      sources.put(key.name(), "default");
    }
    if (file != null) {
      String src = file.toString();
      readYaml(file).forEach((name, raw) -> {
        ConfigKey key = ConfigKeys.byName(name);
        if (key == null) {
          throw new ConfigException(name, "unknown configuration key in " + src);
        }
        values.put(name, parse(key, raw, src));
        sources.put(name, src);
      });
    }
    for (ConfigKey key : ConfigKeys.all()) {
      String raw = env.get(key.envVar());
      if (raw != null && !raw.isBlank()) {
        values.put(key.name(), parse(key, raw, key.envVar()));
        sources.put(key.name(), key.envVar());
      }
    }
    flags.forEach((name, raw) -> {
      ConfigKey key = ConfigKeys.byName(name);
      if (key == null) {
        throw new ConfigException(name, "unknown configuration key");
      }
      values.put(name, parse(key, raw, "flag"));
      sources.put(name, "flag");
    });
    return new GatewayConfig(values, sources);
  }

  static Object parse(ConfigKey key, String raw, String source) {
    try {
      Object v = key.type().parse(raw);
      if (v instanceof Integer && (Integer) v < 0 || v instanceof Long && (Long) v < 0) {
        throw new IllegalArgumentException("must not be negative");
      }
      if (key == ConfigKeys.HTTP_PORT && (Integer) v > 65535) {
        throw new IllegalArgumentException("must be a port number from 0 to 65535");
      }
      return v;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key.name(), e.getMessage() + " (from " + source + ")");
    }
  }

  /** Reads a YAML file and flattens nested maps into dotted keys ({@code view: {tick: 5s}} → view.tick). */
  static Map<String, String> readYaml(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new ConfigException(file.toString(), "cannot read configuration file: " + e.getMessage().split("\n")[0]);
    }
    Map<String, String> flat = new LinkedHashMap<>();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return flat;
    }
    if (!root.isObject()) {
      throw new ConfigException(file.toString(), "a configuration file must be a YAML mapping");
    }
    flatten("", root, flat);
    return flat;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      JsonNode v = e.getValue();
      if (v.isObject()) {
        flatten(name, v, out);
      } else if (v.isArray()) {
        throw new ConfigException(name, "lists are not supported here");
      } else if (!v.isNull()) {
        out.put(name, v.asText());
      }
    }
  }
}
