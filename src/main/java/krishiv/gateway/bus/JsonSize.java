package krishiv.gateway.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Estimates the encoded size of a JsonObject without encoding it, and stops as soon as the estimate passes the
 * limit, so checking a large message costs no more than the limit. Locally delivered messages arrive as
 * objects; encoding each one only to measure it would double the cost of ingest.
 */
final class JsonSize {
  private JsonSize() {}

  static boolean exceeds(JsonObject o, long limit) {
    return size(o, 0, limit) > limit;
  }

  private static long size(Object v, long acc, long limit) {
    if (acc > limit) {
      return acc;
    }
    if (v == null) {
      return acc + 4;
    }
    if (v instanceof String) {
      return acc + ((String) v).length() + 2;
    }
    if (v instanceof Number || v instanceof Boolean) {
      return acc + 8;
    }
    if (v instanceof JsonObject) {
      long a = acc + 2;
      for (Map.Entry<String, Object> e : (JsonObject) v) {
        a = size(e.getValue(), a + e.getKey().length() + 4, limit);
        if (a > limit) {
          return a;
        }
      }
      return a;
    }
    if (v instanceof JsonArray) {
      long a = acc + 2;
      for (Object item : (JsonArray) v) {
        a = size(item, a + 1, limit);
        if (a > limit) {
          return a;
        }
      }
      return a;
    }
    if (v instanceof Map || v instanceof Iterable) {
      // Vert.x may hold raw Maps/Lists inside a JsonObject; wrap rather than guess.
      return size(v instanceof Map ? new JsonObject(castMap(v)) : new JsonArray(castList(v)), acc, limit);
    }
    return acc + String.valueOf(v).length() + 2;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object v) {
    return (Map<String, Object>) v;
  }

  @SuppressWarnings("unchecked")
  private static java.util.List<Object> castList(Object v) {
    if (v instanceof java.util.List) {
      return (java.util.List<Object>) v;
    }
    java.util.List<Object> l = new java.util.ArrayList<>();
    ((Iterable<Object>) v).forEach(l::add);
    return l;
  }
}
