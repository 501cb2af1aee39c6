package krishiv.gateway.cli.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds {@code path?k=v&...}, leaving out parameters that are not set. */
public final class Query {
  private final StringBuilder sb;
  private boolean first = true;

  public Query(String path) {
    sb = new StringBuilder(path);
  }

  public Query add(String name, Object value) {
    if (value != null) {
      sb.append(first ? '?' : '&').append(name).append('=')
          .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
      first = false;
    }
    return this;
  }

  /** A path segment, percent-encoded. */
  public static String segment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
