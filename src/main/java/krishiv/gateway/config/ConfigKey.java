package krishiv.gateway.config;

import java.util.Locale;
import java.util.Objects;

/**
 * One documented configuration key: its dotted name, type and default. The environment variable that sets it
 * is derived from the name ({@code view.heartbeat-timeout} → {@code KRISHIV_GATEWAY_VIEW_HEARTBEAT_TIMEOUT}),
 * so the mapping is written once.
 */
public record ConfigKey(String name, ConfigType type, String defaultValue, String description) {

  public ConfigKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
  }

  /** The environment variable that overrides this key. */
  public String envVar() {
    return "KRISHIV_GATEWAY_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
