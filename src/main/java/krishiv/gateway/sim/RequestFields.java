package krishiv.gateway.sim;

import io.vertx.core.json.JsonObject;

/** Reads fields of a command or control request; a missing or mistyped field is a 400, never an exception. */
final class RequestFields {
  private RequestFields() {}

  static String requireString(JsonObject request, String field) {
    String s = optionalString(request, field);
    if (s == null || s.isEmpty()) {
      throw SimCommandException.badRequest("missing " + field);
    }
    return s;
  }

  static String optionalString(JsonObject request, String field) {
    Object v = request.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String)) {
      throw SimCommandException.badRequest(field + " must be a string");
    }
    return (String) v;
  }

  static int requireInt(JsonObject request, String field) {
    Integer v = optionalInt(request, field);
    if (v == null) {
      throw SimCommandException.badRequest("missing " + field);
    }
    return v;
  }

  static Integer optionalInt(JsonObject request, String field) {
    Object v = request.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte)
        || ((Number) v).longValue() != ((Number) v).intValue()) {
      throw SimCommandException.badRequest(field + " must be an integer");
    }
    return ((Number) v).intValue();
  }

  static boolean requireBoolean(JsonObject request, String field) {
    Object v = request.getValue(field);
    if (!(v instanceof Boolean)) {
      throw SimCommandException.badRequest(field + " must be true or false");
    }
    return (Boolean) v;
  }

  /** The request's {@code op}; a request with a {@code v} other than 1 is refused. */
  static String op(JsonObject request) {
    Object v = request.getValue("v");
    if (v != null && !(v instanceof Number && ((Number) v).intValue() == 1)) {
      throw SimCommandException.badRequest("unsupported protocol version v=" + v);
    }
    return requireString(request, "op");
  }
}
