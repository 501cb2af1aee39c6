package krishiv.gateway.auth;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import krishiv.gateway.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the token files and re-reads them every poll interval, so a rotated token is accepted (and the old one
 * refused) without a restart. Reads use Vert.x's asynchronous file system; the event loop never blocks.
 *
 * <p>Each poll reads the whole file and compares the SHA-256 of its content with the last one applied:
 * unlike mtime and size, that cannot miss a same-size edit within the file system's timestamp granularity,
 * and token files are small. A file that is missing or unreadable at start-up, empty, or holds a token a
 * header cannot carry, fails the start with a {@link ConfigException}. Later, a change is applied only if the
 * whole file is valid; an empty file applies (it revokes that file's tokens); a failed read keeps the tokens in
 * use, with one warning until the file is readable again (so a non-atomic rewrite cannot lock everyone out).
 * Timers belong to this verticle and end with its undeployment.
 */
final class TokenFileWatcher extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(TokenFileWatcher.class);
  /** Larger files are refused: token files hold a few tokens, not megabytes. */
  static final int MAX_FILE_BYTES = 1024 * 1024;

  private final StaticTokens tokens;
  private final List<TokenSource> sources;
  private final long pollMs;
  private final Map<TokenSource, byte[]> appliedHash = new HashMap<>();
  private final Set<TokenSource> inFlight = new HashSet<>();
  private final Set<TokenSource> failing = new HashSet<>();

  TokenFileWatcher(StaticTokens tokens, List<TokenSource> fileSources, Duration pollInterval) {
    this.tokens = tokens;
    this.sources = List.copyOf(fileSources);
    this.pollMs = Math.max(1, pollInterval.toMillis());
  }

  @Override
  public Future<?> start() {
    List<Future<Void>> loads = new ArrayList<>();
    for (TokenSource source : sources) {
      loads.add(read(source).compose(content -> {
        List<String> parsed;
        try {
          parsed = parse(content);
        } catch (IllegalArgumentException e) {
          return Future.failedFuture(new ConfigException(source.name(), source.file() + ": " + e.getMessage()));
        }
        if (parsed.isEmpty()) {
          return Future.failedFuture(new ConfigException(source.name(), source.file() + " holds no token"));
        }
        apply(source, content, parsed);
        return Future.succeededFuture();
      }, err -> Future.failedFuture(new ConfigException(source.name(), "cannot read " + source.file() + ": "
          + FileErrors.describe(err)))));
    }
    return Future.all(loads).onSuccess(v -> vertx.setPeriodic(pollMs, pollMs, id -> sources.forEach(this::poll)));
  }

  private void poll(TokenSource source) {
    if (!inFlight.add(source)) {
      return;
    }
    read(source).onComplete(ar -> {
      inFlight.remove(source);
      if (ar.failed()) {
        if (failing.add(source)) {
          LOG.warn("{}: cannot read {} ({}); still accepting its previous tokens", source.name(), source.file(),
              FileErrors.describe(ar.cause()));
        }
        return;
      }
      if (failing.remove(source)) {
        LOG.info("{}: {} is readable again", source.name(), source.file());
      }
      Buffer content = ar.result();
      if (Arrays.equals(appliedHash.get(source), TokenDigest.sha256(content.getBytes()))) {
        return;
      }
      List<String> parsed;
      try {
        parsed = parse(content);
      } catch (IllegalArgumentException e) {
        LOG.warn("{}: ignored a change to {}: {}; still accepting its previous tokens", source.name(),
            source.file(), e.getMessage());
        // Remember the refused content so the warning is not repeated every poll.
        appliedHash.put(source, TokenDigest.sha256(content.getBytes()));
        return;
      }
      apply(source, content, parsed);
      if (parsed.isEmpty()) {
        LOG.warn("{}: {} is now empty; its tokens are no longer accepted", source.name(), source.file());
      } else {
        LOG.info("{}: reloaded {} ({} token{})", source.name(), source.file(), parsed.size(),
            parsed.size() == 1 ? "" : "s");
      }
    });
  }

  private Future<Buffer> read(TokenSource source) {
    return vertx.fileSystem().readFile(source.file().toString());
  }

  /** The file's tokens; IllegalArgumentException (naming no token) if the file cannot be used. */
  private static List<String> parse(Buffer content) {
    if (content.length() > MAX_FILE_BYTES) {
      throw new IllegalArgumentException("the file is larger than " + MAX_FILE_BYTES + " bytes");
    }
    return TokenText.list(content.toString(StandardCharsets.UTF_8));
  }

  private void apply(TokenSource source, Buffer content, List<String> parsed) {
    tokens.replace(source, parsed);
    appliedHash.put(source, TokenDigest.sha256(content.getBytes()));
  }
}
