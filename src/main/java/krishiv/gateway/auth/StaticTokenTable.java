package krishiv.gateway.auth;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of every static token (as digests) with its role. {@link #match} compares the
 * presented digest with every entry, without stopping at a match, so the time taken does not tell which
 * entry (or how many) matched.
 */
final class StaticTokenTable {
  static final StaticTokenTable EMPTY = new StaticTokenTable(List.of(), List.of());

  private final TokenDigest[] digests;
  private final TokenRole[] roles;

  private StaticTokenTable(List<TokenDigest> digests, List<TokenRole> roles) {
    this.digests = digests.toArray(new TokenDigest[0]);
    this.roles = roles.toArray(new TokenRole[0]);
  }

  /** Builds the table; a token listed under both roles gets the union of their scopes. */
  static StaticTokenTable of(Map<TokenDigest, Set<TokenRole>> entries) {
    List<TokenDigest> d = new ArrayList<>();
    List<TokenRole> r = new ArrayList<>();
    entries.forEach((digest, tokenRoles) -> tokenRoles.forEach(role -> {
      d.add(digest);
      r.add(role);
    }));
    return new StaticTokenTable(d, r);
  }

  /** Merges digests by role, dropping duplicates (map keys compare digests by value). */
  static Map<TokenDigest, Set<TokenRole>> merge(Map<TokenSource, List<TokenDigest>> bySource) {
    Map<TokenDigest, Set<TokenRole>> merged = new LinkedHashMap<>();
    bySource.forEach((source, list) -> list.forEach(
        digest -> merged.computeIfAbsent(digest, k -> EnumSet.noneOf(TokenRole.class)).add(source.role())));
    return merged;
  }

  /**
   * The role of the matching token, or null if none matches. A token listed under both roles is a coordinator
   * token (its scopes include the UI token's).
   */
  TokenRole match(TokenDigest presented) {
    boolean coordinator = false;
    boolean ui = false;
    for (int i = 0; i < digests.length; i++) {
      boolean same = digests[i].sameAs(presented);
      coordinator |= same & roles[i] == TokenRole.COORDINATOR;
      ui |= same & roles[i] == TokenRole.UI;
    }
    if (coordinator) {
      return TokenRole.COORDINATOR;
    }
    return ui ? TokenRole.UI : null;
  }

  int size() {
    return digests.length;
  }
}
