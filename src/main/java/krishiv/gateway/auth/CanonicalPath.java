package krishiv.gateway.auth;

/**
 * Decides whether a raw request path is in the one canonical form the API's routes are written in. The router
 * matches a normalised path while vertx-openapi reads path parameters from the raw one, so a path that
 * normalises to something else (e.g. {@code /healthz/../api/v1/jobs}) could be routed to one operation and read
 * as another. Such paths are refused before routing instead of being interpreted.
 *
 * <p>Refused: a path not starting with {@code /}; empty segments ({@code //}, a trailing {@code /}); {@code .}
 * and {@code ..} segments; percent-encoded unreserved characters (RFC 3986 §2.3, e.g. {@code %6A}, {@code %2E}),
 * which normalisation would decode; encoded separators {@code %2F} and {@code %5C}; malformed escapes; and raw
 * characters a path may not hold (controls, space, backslash, non-ASCII).
 */
final class CanonicalPath {
  private CanonicalPath() {}

  /** Why the raw path is not canonical, or null if it is. */
  static String violation(String raw) {
    if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
      return "it must start with /";
    }
    if ("/".equals(raw)) {
      return null;
    }
    int segmentStart = 1;
    for (int i = 1; i <= raw.length(); i++) {
      if (i == raw.length() || raw.charAt(i) == '/') {
        String segment = raw.substring(segmentStart, i);
        if (segment.isEmpty()) {
          return "it has an empty segment (// or a trailing /)";
        }
        if (".".equals(segment) || "..".equals(segment)) {
          return "it has a . or .. segment";
        }
        segmentStart = i + 1;
        continue;
      }
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
          return "it has a malformed percent-encoding";
        }
        char decoded = (char) (hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
        if (decoded == '/' || decoded == '\\') {
          return "it has an encoded path separator";
        }
        if (unreserved(decoded)) {
          return "it percent-encodes the character '" + decoded + "', which needs no encoding";
        }
        i += 2;
      } else if (!unreserved(c) && "!$&'()*+,;=:@".indexOf(c) < 0) {
        return "it holds a character that must be percent-encoded";
      }
    }
    return null;
  }

  private static boolean unreserved(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
        || c == '_' || c == '~';
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
