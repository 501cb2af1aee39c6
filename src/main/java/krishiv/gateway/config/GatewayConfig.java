package krishiv.gateway.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The resolved configuration: every key of {@link ConfigKeys} with its parsed value. Built by
 * {@link ConfigLoader}; immutable.
 */
public final class GatewayConfig {
  private final Map<String, Object> values;
  private final Map<String, String> sources;

  GatewayConfig(Map<String, Object> values, Map<String, String> sources) {
    this.values = Map.copyOf(values);
    this.sources = Map.copyOf(sources);
  }

  /** The configuration with every key at its default. */
  public static GatewayConfig defaults() {
    return ConfigLoader.load(null, Map.of(), Map.of());
  }

  /** A copy with some keys replaced (by dotted name), parsed as if they were command-line flags. */
  public GatewayConfig with(Map<String, String> overrides) {
    Map<String, Object> v = new TreeMap<>(values);
    Map<String, String> s = new TreeMap<>(sources);
    overrides.forEach((name, raw) -> {
      ConfigKey key = ConfigKeys.byName(name);
      if (key == null) {
        throw new ConfigException(name, "unknown configuration key");
      }
      v.put(name, ConfigLoader.parse(key, raw, "override"));
      s.put(name, "override");
    });
    return new GatewayConfig(v, s);
  }

  public Object get(ConfigKey key) {
    return Objects.requireNonNull(values.get(key.name()), key.name());
  }

  public String string(ConfigKey key) {
    return (String) get(key);
  }

  public int integer(ConfigKey key) {
    return (Integer) get(key);
  }

  public long bytes(ConfigKey key) {
    return (Long) get(key);
  }

  public boolean bool(ConfigKey key) {
    return (Boolean) get(key);
  }

  public Duration duration(ConfigKey key) {
    return (Duration) get(key);
  }

  /** Where the value of a key came from: default, a file path, an environment variable or a flag. */
  public String source(ConfigKey key) {
    return sources.getOrDefault(key.name(), "default");
  }

  public String httpHost() {
    return string(ConfigKeys.HTTP_HOST);
  }

  public int httpPort() {
    return integer(ConfigKeys.HTTP_PORT);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("GatewayConfig{");
    new TreeMap<>(values).forEach((k, v) -> sb.append(k).append('=').append(v).append(", "));
    if (sb.length() > 14) {
      sb.setLength(sb.length() - 2);
    }
    return sb.append('}').toString();
  }
}
