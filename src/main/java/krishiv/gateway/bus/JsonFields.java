package krishiv.gateway.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of message fields that reject with a reason instead of throwing ClassCastException. The
 * validators are written with these, so every bad field is named and counted the same way.
 */
public final class JsonFields {
  /** Longest id or short string accepted (executor ids, job ids, states). */
  public static final int MAX_ID_LENGTH = 128;
  /** Longest free text accepted (failure reasons, details). */
  public static final int MAX_TEXT_LENGTH = 4096;

  private JsonFields() {}

  /**
   * Turns a message body into a JsonObject and checks the envelope: JSON, size limit, {@code "v": 1}.
   * JsonObject bodies (local delivery) are measured without encoding them.
   */
  public static JsonObject envelope(Object body, long maxBytes) {
    JsonObject json;
    if (body instanceof JsonObject) {
      json = (JsonObject) body;
      if (JsonSize.exceeds(json, maxBytes)) {
        throw new MessageRejectedException(RejectReason.OVERSIZED, "message larger than " + maxBytes + " bytes");
      }
    } else if (body instanceof Buffer || body instanceof String) {
      long size = body instanceof Buffer ? ((Buffer) body).length() : ((String) body).length();
      if (size > maxBytes) {
        throw new MessageRejectedException(RejectReason.OVERSIZED, "message larger than " + maxBytes + " bytes");
      }
      try {
        json = body instanceof Buffer ? new JsonObject((Buffer) body) : new JsonObject((String) body);
      } catch (DecodeException | ClassCastException e) {
        throw new MessageRejectedException(RejectReason.NOT_JSON, "body is not a JSON object");
      }
    } else {
      throw new MessageRejectedException(RejectReason.NOT_JSON, "body is not a JSON object");
    }
    Object v = json.getValue("v");
    if (v == null) {
      throw new MessageRejectedException(RejectReason.MISSING_FIELD, "v");
    }
    if (!(v instanceof Number) || ((Number) v).intValue() != BusAddresses.PROTOCOL_VERSION
        || ((Number) v).doubleValue() != BusAddresses.PROTOCOL_VERSION) {
      throw new MessageRejectedException(RejectReason.UNKNOWN_VERSION, "v=" + v);
    }
    return json;
  }

  public static String requireId(JsonObject o, String field) {
    String s = requireString(o, field, MAX_ID_LENGTH);
    if (s.isEmpty()) {
      throw new MessageRejectedException(RejectReason.INVALID_VALUE, field + " is empty");
    }
    return s;
  }

  public static String requireString(JsonObject o, String field, int maxLength) {
    Object v = o.getValue(field);
    if (v == null) {
      throw new MessageRejectedException(RejectReason.MISSING_FIELD, field);
    }
    return checkString(field, v, maxLength);
  }

  public static String optionalString(JsonObject o, String field, int maxLength) {
    Object v = o.getValue(field);
    return v == null ? null : checkString(field, v, maxLength);
  }

  private static String checkString(String field, Object v, int maxLength) {
    if (!(v instanceof String)) {
      throw new MessageRejectedException(RejectReason.WRONG_TYPE, field + " must be a string");
    }
    String s = (String) v;
    if (s.length() > maxLength) {
      throw new MessageRejectedException(RejectReason.OVERSIZED, field + " longer than " + maxLength);
    }
    return s;
  }

  /** A string that must be one of {@code allowed}; returns the interned allowed value. */
  public static String requireEnum(JsonObject o, String field, Set<String> allowed) {
    String s = requireString(o, field, MAX_ID_LENGTH);
    if (!allowed.contains(s)) {
      throw new MessageRejectedException(RejectReason.INVALID_VALUE, field + "=" + s);
    }
    return s;
  }

  public static long requireCount(JsonObject o, String field) {
    Object v = o.getValue(field);
    if (v == null) {
      throw new MessageRejectedException(RejectReason.MISSING_FIELD, field);
    }
    return checkCount(field, v);
  }

  /** A non-negative integer, 0 when absent. */
  public static long countOrZero(JsonObject o, String field) {
    Object v = o.getValue(field);
    return v == null ? 0L : checkCount(field, v);
  }

  public static Long optionalCount(JsonObject o, String field) {
    Object v = o.getValue(field);
    return v == null ? null : checkCount(field, v);
  }

  private static long checkCount(String field, Object v) {
    long n = checkLong(field, v);
    if (n < 0) {
      throw new MessageRejectedException(RejectReason.NEGATIVE_VALUE, field + "=" + n);
    }
    return n;
  }

  /** Any integer (may be negative, e.g. a priority). */
  public static long requireLong(JsonObject o, String field) {
    Object v = o.getValue(field);
    if (v == null) {
      throw new MessageRejectedException(RejectReason.MISSING_FIELD, field);
    }
    return checkLong(field, v);
  }

  public static Long optionalLong(JsonObject o, String field) {
    Object v = o.getValue(field);
    return v == null ? null : checkLong(field, v);
  }

  private static long checkLong(String field, Object v) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Number) {
      double d = ((Number) v).doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
        return (long) d;
      }
    }
    throw new MessageRejectedException(RejectReason.WRONG_TYPE, field + " must be an integer");
  }

  public static int requireIntCount(JsonObject o, String field) {
    return toInt(field, requireCount(o, field));
  }

  public static int toInt(String field, long n) {
    if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
      throw new MessageRejectedException(RejectReason.INVALID_VALUE, field + " out of range");
    }
    return (int) n;
  }

  public static boolean booleanOrFalse(JsonObject o, String field) {
    Object v = o.getValue(field);
    if (v == null) {
      return false;
    }
    if (!(v instanceof Boolean)) {
      throw new MessageRejectedException(RejectReason.WRONG_TYPE, field + " must be a boolean");
    }
    return (Boolean) v;
  }

  public static JsonObject optionalObject(JsonObject o, String field) {
    Object v = o.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonObject)) {
      throw new MessageRejectedException(RejectReason.WRONG_TYPE, field + " must be an object");
    }
    return (JsonObject) v;
  }

  public static JsonObject requireObject(JsonObject o, String field) {
    JsonObject v = optionalObject(o, field);
    if (v == null) {
      throw new MessageRejectedException(RejectReason.MISSING_FIELD, field);
    }
    return v;
  }

  /** An array, empty when absent; at most {@code maxItems} entries. */
  public static JsonArray arrayOrEmpty(JsonObject o, String field, int maxItems) {
    Object v = o.getValue(field);
    if (v == null) {
      return new JsonArray();
    }
    if (!(v instanceof JsonArray)) {
      throw new MessageRejectedException(RejectReason.WRONG_TYPE, field + " must be an array");
    }
    JsonArray a = (JsonArray) v;
    if (a.size() > maxItems) {
      throw new MessageRejectedException(RejectReason.OVERSIZED, field + " has more than " + maxItems + " items");
    }
    return a;
  }

  public static JsonArray requireArray(JsonObject o, String field, int maxItems) {
    if (o.getValue(field) == null) {
      throw new MessageRejectedException(RejectReason.MISSING_FIELD, field);
    }
    return arrayOrEmpty(o, field, maxItems);
  }

  /** The i-th element of an array as an object. */
  public static JsonObject objectAt(JsonArray a, int i, String field) {
    Object v = a.getValue(i);
    if (!(v instanceof JsonObject)) {
      throw new MessageRejectedException(RejectReason.WRONG_TYPE, field + "[" + i + "] must be an object");
    }
    return (JsonObject) v;
  }

  public static List<String> stringList(JsonObject o, String field, int maxItems) {
    JsonArray a = arrayOrEmpty(o, field, maxItems);
    if (a.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      out.add(checkString(field + "[" + i + "]", a.getValue(i), MAX_ID_LENGTH));
    }
    return Collections.unmodifiableList(out);
  }

  public static List<Integer> intList(JsonObject o, String field, int maxItems) {
    JsonArray a = arrayOrEmpty(o, field, maxItems);
    if (a.isEmpty()) {
      return List.of();
    }
    List<Integer> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      out.add(toInt(field, checkCount(field + "[" + i + "]", a.getValue(i))));
    }
    return Collections.unmodifiableList(out);
  }

  /** An object of string keys to non-negative integers (offsets, lags, watermarks). */
  public static Map<String, Long> countMap(JsonObject o, String field, int maxItems) {
    JsonObject m = optionalObject(o, field);
    if (m == null || m.isEmpty()) {
      return Map.of();
    }
    if (m.size() > maxItems) {
      throw new MessageRejectedException(RejectReason.OVERSIZED, field + " has more than " + maxItems + " entries");
    }
    Map<String, Long> out = new LinkedHashMap<>();
    for (String k : m.fieldNames()) {
      out.put(k, checkCount(field + "." + k, m.getValue(k)));
    }
    return Collections.unmodifiableMap(out);
  }

  /** An object of string keys to strings (operator snapshot paths, source offsets as text). */
  public static Map<String, String> stringMap(JsonObject o, String field, int maxItems) {
    JsonObject m = optionalObject(o, field);
    if (m == null || m.isEmpty()) {
      return Map.of();
    }
    if (m.size() > maxItems) {
      throw new MessageRejectedException(RejectReason.OVERSIZED, field + " has more than " + maxItems + " entries");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String k : m.fieldNames()) {
      Object v = m.getValue(k);
      out.put(k, v instanceof String ? (String) v : checkString(field + "." + k, String.valueOf(v), MAX_TEXT_LENGTH));
    }
    return Collections.unmodifiableMap(out);
  }
}
