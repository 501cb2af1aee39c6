package krishiv.gateway.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import krishiv.gateway.config.ConfigException;
import krishiv.gateway.config.ConfigKeys;
import krishiv.gateway.config.ConfigLoader;
import krishiv.gateway.config.GatewayConfig;
import picocli.CommandLine.Option;

/** Options shared by the commands that run a gateway ({@code serve}, {@code local}). */
public final class ServerOptions {
  /** The file read when neither {@code --config} nor {@code KRISHIV_GATEWAY_CONFIG} names one, if it exists. */
  public static final Path DEFAULT_CONFIG = Path.of("conf", "gateway.yaml");

  @Option(names = "--host", paramLabel = "HOST", description = "Interface to listen on (default 127.0.0.1).")
  String host;

  @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default 8080; 0 picks a free one).")
  Integer port;

  @Option(names = {"--profile", "--durability-profile"}, paramLabel = "PROFILE", description = "Durability "
      + "profile: dev-local (default; open unless a token source is configured), single-node-durable or "
      + "distributed-durable (both require credentials). Overrides KRISHIV_DURABILITY_PROFILE.")
  String profile;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (default conf/gateway.yaml"
      + " when present).")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Set any configuration key, e.g. "
      + "--set view.heartbeat-timeout=10s (repeatable).")
  Map<String, String> set = new LinkedHashMap<>();

  /** Resolves the configuration: defaults &lt; file &lt; environment &lt; flags. */
  public GatewayConfig resolve(Map<String, String> env) {
    Map<String, String> flags = new LinkedHashMap<>(set);
    if (host != null) {
      flags.put(ConfigKeys.HTTP_HOST.name(), host);
    }
    if (port != null) {
      flags.put(ConfigKeys.HTTP_PORT.name(), String.valueOf(port));
    }
    if (profile != null) {
      flags.put(ConfigKeys.DURABILITY_PROFILE.name(), profile);
    }
    return ConfigLoader.load(configPath(config, env), env, flags);
  }

  static Path configPath(Path flag, Map<String, String> env) {
    if (flag != null) {
      if (!Files.isRegularFile(flag)) {
        throw new ConfigException("--config", "no such file: " + flag);
      }
      return flag;
    }
    String fromEnv = env.get(ConfigLoader.CONFIG_FILE_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      Path p = Path.of(fromEnv);
      if (!Files.isRegularFile(p)) {
        throw new ConfigException(ConfigLoader.CONFIG_FILE_ENV, "no such file: " + p);
      }
      return p;
    }
    return Files.isRegularFile(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null;
  }
}
