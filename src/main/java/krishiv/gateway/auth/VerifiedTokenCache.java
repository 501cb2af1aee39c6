package krishiv.gateway.auth;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verified JWTs by digest, each until it expires, so a client repeating its token skips the signature check.
 * Bounded: when full, expired entries are dropped first, then arbitrary ones (a dropped token is only
 * verified again). Only successes are cached, so refused tokens cannot fill it. Safe on every event loop.
 */
final class VerifiedTokenCache {
  private record Entry(Principal principal, long expiresAtMs) {}

  private final Map<TokenDigest, Entry> entries = new ConcurrentHashMap<>();
  private final int maxSize;

  VerifiedTokenCache(int maxSize) {
    this.maxSize = maxSize;
  }

  /** The principal of a cached, unexpired token, or null. */
  Principal get(TokenDigest digest, long nowMs) {
    Entry e = entries.get(digest);
    if (e == null) {
      return null;
    }
    if (nowMs >= e.expiresAtMs) {
      entries.remove(digest, e);
      return null;
    }
    return e.principal;
  }

  void put(TokenDigest digest, Principal principal, long expiresAtMs, long nowMs) {
    if (maxSize <= 0 || expiresAtMs <= nowMs) {
      return;
    }
    if (entries.size() >= maxSize) {
      evict(nowMs);
    }
    entries.put(digest, new Entry(principal, expiresAtMs));
  }

  int size() {
    return entries.size();
  }

  private void evict(long nowMs) {
    entries.values().removeIf(e -> nowMs >= e.expiresAtMs);
    // Still full of live tokens: make room for a tenth, so eviction does not run on every put.
    Iterator<TokenDigest> it = entries.keySet().iterator();
    int excess = entries.size() - maxSize + Math.max(1, maxSize / 10);
    while (excess-- > 0 && it.hasNext()) {
      it.next();
      it.remove();
    }
  }
}
