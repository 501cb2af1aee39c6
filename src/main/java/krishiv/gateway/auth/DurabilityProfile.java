package krishiv.gateway.auth;

import java.util.Arrays;
import java.util.stream.Collectors;
import krishiv.gateway.config.ConfigException;

/**
 * Krishiv's durability profiles. Only {@code dev-local} may run without credentials; the durable profiles
 * always require them.
 */
public enum DurabilityProfile {
  DEV_LOCAL("dev-local"),
  SINGLE_NODE_DURABLE("single-node-durable"),
  DISTRIBUTED_DURABLE("distributed-durable");

  private final String value;

  DurabilityProfile(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  /**
   * @param source where the value came from, named in the error (a flag, a variable, a file)
   * @throws ConfigException for an unknown profile, listing the known ones
   */
  public static DurabilityProfile parse(String raw, String source) {
    String v = raw == null ? "" : raw.trim();
    for (DurabilityProfile p : values()) {
      if (p.value.equalsIgnoreCase(v)) {
        return p;
      }
    }
    throw new ConfigException(source, "unknown durability profile '" + v + "'; expected one of "
        + Arrays.stream(values()).map(DurabilityProfile::value).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return value;
  }
}
