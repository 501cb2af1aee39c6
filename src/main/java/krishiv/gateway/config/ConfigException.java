package krishiv.gateway.config;

/** Invalid configuration: names the key (or source) and what is wrong, in one line. */
public final class ConfigException extends RuntimeException {
  private final String key;

  public ConfigException(String key, String message) {
    super(key + ": " + message);
    this.key = key;
  }

  /** The configuration key (or source, such as a file) that is wrong. */
  public String key() {
    return key;
  }
}
