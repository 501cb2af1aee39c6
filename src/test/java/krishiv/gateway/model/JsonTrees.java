package krishiv.gateway.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Test helpers: load hand-written fixtures and compare JSON trees key by key. */
final class JsonTrees {
  /** A plain mapper, not ModelJson's: the tests never read expected JSON through the code under test. */
  static final ObjectMapper PLAIN = new ObjectMapper();

  private JsonTrees() {}

  static String fixture(String name) {
    String resource = "/fixtures/model/" + name;
    try (InputStream in = JsonTrees.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String json) {
    try {
      return PLAIN.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Set<String> keys(JsonNode object) {
    Set<String> keys = new TreeSet<>();
    object.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /**
   * Every place where the two trees' object key sets differ, as "path: missing [..] extra [..]" lines; arrays are
   * compared element by element. Empty when the key sets agree at every level.
   */
  static List<String> keyDifferences(JsonNode expected, JsonNode actual) {
    List<String> out = new ArrayList<>();
    walk(expected, actual, "$", out);
    return out;
  }

  private static void walk(JsonNode expected, JsonNode actual, String path, List<String> out) {
    if (expected.isObject()) {
      if (!actual.isObject()) {
        out.add(path + ": expected an object, got " + actual.getNodeType());
        return;
      }
      Set<String> missing = new TreeSet<>(keys(expected));
      missing.removeAll(keys(actual));
      Set<String> extra = new TreeSet<>(keys(actual));
      extra.removeAll(keys(expected));
      if (!missing.isEmpty() || !extra.isEmpty()) {
        out.add(path + ": missing " + missing + " extra " + extra);
      }
      for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (actual.has(key)) {
          walk(expected.get(key), actual.get(key), path + "." + key, out);
        }
      }
    } else if (expected.isArray()) {
      if (!actual.isArray() || actual.size() != expected.size()) {
        out.add(path + ": expected an array of " + expected.size() + ", got " + actual);
        return;
      }
      for (int i = 0; i < expected.size(); i++) {
        walk(expected.get(i), actual.get(i), path + "[" + i + "]", out);
      }
    }
  }
}
