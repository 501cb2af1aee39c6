package krishiv.gateway.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Defensive copies for the records' collection components: {@code null} becomes empty, elements never null. */
final class ModelCollections {
  private ModelCollections() {}

  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** An unmodifiable copy that keeps the source's key order (Map.copyOf would not), so output is stable. */
  static <K, V> Map<K, V> map(Map<K, V> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    LinkedHashMap<K, V> copy = new LinkedHashMap<>(map.size() * 4 / 3 + 1);
    map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "map key"), Objects.requireNonNull(v, "map value")));
    return Collections.unmodifiableMap(copy);
  }
}
