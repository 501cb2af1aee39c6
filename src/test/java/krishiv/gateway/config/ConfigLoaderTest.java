package krishiv.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  @Test
  void eachLayerOverridesTheOneBefore() throws IOException {
    Path file = dir.resolve("g.yaml");
    Files.writeString(file, "http:\n  port: 9000\n  host: 127.0.0.2\nview:\n  heartbeat-timeout: 30s\n"
        + "  max-jobs: 7\n");
    Map<String, String> env = Map.of("KRISHIV_GATEWAY_HTTP_PORT", "9100", "KRISHIV_GATEWAY_VIEW_HEARTBEAT_TIMEOUT",
        "20s");
    GatewayConfig c = ConfigLoader.load(file, env, Map.of("http.port", "9200"));

    assertEquals(9200, c.httpPort(), "flag beats env and file");
    assertEquals(Duration.ofSeconds(20), c.duration(ConfigKeys.VIEW_HEARTBEAT_TIMEOUT), "env beats file");
    assertEquals("127.0.0.2", c.httpHost(), "file beats default");
    assertEquals(7, c.integer(ConfigKeys.VIEW_MAX_JOBS));
    assertEquals(Duration.ofMillis(50), c.duration(ConfigKeys.VIEW_SNAPSHOT_INTERVAL), "default when unset");
    assertEquals("flag", c.source(ConfigKeys.HTTP_PORT));
    assertEquals("KRISHIV_GATEWAY_VIEW_HEARTBEAT_TIMEOUT", c.source(ConfigKeys.VIEW_HEARTBEAT_TIMEOUT));
    assertEquals(file.toString(), c.source(ConfigKeys.HTTP_HOST));
  }

  @Test
  void invalidValuesNameTheirKey() throws IOException {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(null, Map.of("KRISHIV_GATEWAY_VIEW_HEARTBEAT_TIMEOUT", "soon"), Map.of()));
    assertEquals("view.heartbeat-timeout", e.key());
    assertTrue(e.getMessage().contains("KRISHIV_GATEWAY_VIEW_HEARTBEAT_TIMEOUT"), e.getMessage());

    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of(), Map.of("http.port", "70000")));
    assertEquals("http.port", e.key());

    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "view:\n  heartbeat-timout: 5s\n");
    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of(), Map.of()));
    assertEquals("view.heartbeat-timout", e.key(), "a misspelt key is an error, not silently ignored");

    Files.writeString(file, "http: [1, 2\n");
    e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of(), Map.of()));
    assertEquals(file.toString(), e.key());
  }

  @Test
  void valueTypesParse() {
    assertEquals(Duration.ofMillis(250), ConfigType.DURATION.parse("250ms"));
    assertEquals(Duration.ofHours(1), ConfigType.DURATION.parse("1h"));
    assertEquals(64L * 1024, ConfigType.BYTES.parse("64KiB"));
    assertEquals(1024L * 1024, ConfigType.BYTES.parse("1MiB"));
    assertEquals(Boolean.TRUE, ConfigType.BOOLEAN.parse("yes"));
    assertThrows(IllegalArgumentException.class, () -> ConfigType.DURATION.parse("45"));
    assertThrows(IllegalArgumentException.class, () -> ConfigType.INT.parse("1.5"));
  }

  /** conf/gateway.yaml documents every key, with the default value. */
  @Test
  void shippedConfigFileDocumentsEveryKeyAtItsDefault() {
    Path shipped = Path.of("conf", "gateway.yaml");
    Map<String, String> file = ConfigLoader.readYaml(shipped);
    Set<String> expected = new TreeSet<>();
    ConfigKeys.all().forEach(k -> expected.add(k.name()));
    assertEquals(expected, new TreeSet<>(file.keySet()));
    GatewayConfig fromFile = ConfigLoader.load(shipped, Map.of(), Map.of());
    GatewayConfig defaults = GatewayConfig.defaults();
    for (ConfigKey k : ConfigKeys.all()) {
      assertEquals(defaults.get(k), fromFile.get(k), k.name());
    }
  }

  @Test
  void envVarNamesAreDerivedFromKeys() {
    assertEquals("KRISHIV_GATEWAY_VIEW_HEARTBEAT_TIMEOUT", ConfigKeys.VIEW_HEARTBEAT_TIMEOUT.envVar());
    assertEquals("KRISHIV_GATEWAY_HTTP_PORT", ConfigKeys.HTTP_PORT.envVar());
  }
}
