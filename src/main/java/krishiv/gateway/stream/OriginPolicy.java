package krishiv.gateway.stream;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which browser origins may open a stream without credentials in the upgrade (a cross-site page must not ride
 * on a developer's open local gateway). Entries: {@code same-host} (the Origin's host and port equal the
 * request's Host), {@code localhost} (localhost, 127.0.0.1 or [::1] on any port), {@code *} (any), or an exact
 * origin such as {@code https://ops.example.com}. A request without an Origin header is not from a browser page
 * and passes.
 */
public final class OriginPolicy {
  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final boolean any;
  private final boolean sameHost;
  private final boolean localhost;
  private final List<String> exact;

  private OriginPolicy(boolean any, boolean sameHost, boolean localhost, List<String> exact) {
    this.any = any;
    this.sameHost = sameHost;
    this.localhost = localhost;
    this.exact = List.copyOf(exact);
  }

  /** Parses the comma list of {@code stream.allowed-origins}. */
  public static OriginPolicy parse(String list) {
    boolean any = false;
    boolean sameHost = false;
    boolean localhost = false;
    List<String> exact = new ArrayList<>();
    for (String raw : list.split(",")) {
      String entry = raw.trim().toLowerCase(Locale.ROOT);
      if (entry.isEmpty()) {
        continue;
      }
      switch (entry) {
        case "*":
          any = true;
          break;
        case "same-host":
          sameHost = true;
          break;
        case "localhost":
          localhost = true;
          break;
        default:
          exact.add(entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry);
      }
    }
    return new OriginPolicy(any, sameHost, localhost, exact);
  }

  /**
   * @param origin the request's Origin header, or null
   * @param host the request's Host header (authority), or null
   */
  public boolean allows(String origin, String host) {
    if (origin == null || any) {
      return true;
    }
    String o = origin.trim().toLowerCase(Locale.ROOT);
    if (exact.contains(o)) {
      return true;
    }
    URI uri;
    try {
      uri = URI.create(o);
    } catch (IllegalArgumentException e) {
      return false; // "null" (sandboxed pages) and garbage are never allowed by host rules
    }
    if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      return false;
    }
    if (localhost && LOCAL_HOSTS.contains(uri.getHost())) {
      return true;
    }
    return sameHost && host != null && host.trim().toLowerCase(Locale.ROOT).equals(uri.getRawAuthority());
  }
}
