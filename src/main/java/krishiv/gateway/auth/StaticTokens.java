package krishiv.gateway.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The live set of static tokens: each source's current tokens, and the table built from their union.
 * Sources are replaced from one context (start-up, then the file watcher); request handlers on any event loop
 * read the table through a volatile reference, without locks.
 */
final class StaticTokens {
  private final Map<TokenSource, List<TokenDigest>> bySource = new LinkedHashMap<>();
  private volatile StaticTokenTable table = StaticTokenTable.EMPTY;

  /** Replaces the tokens of one source and publishes the new union. */
  synchronized void replace(TokenSource source, List<String> tokens) {
    bySource.put(source, tokens.stream().map(TokenDigest::of).collect(Collectors.toUnmodifiableList()));
    table = StaticTokenTable.of(StaticTokenTable.merge(bySource));
  }

  /** The role of the presented token, or null if it is no static token. */
  TokenRole match(TokenDigest presented) {
    return table.match(presented);
  }

  /** Number of distinct (token, role) entries now accepted. */
  int size() {
    return table.size();
  }

  /** True if some token is listed both as a coordinator and as a UI token (it then has every scope). */
  synchronized boolean hasOverlap() {
    return StaticTokenTable.merge(bySource).values().stream().anyMatch(roles -> roles.size() > 1);
  }
}
