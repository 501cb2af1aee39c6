package krishiv.gateway.auth;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One configured source of static tokens: an environment variable holding tokens, or one naming a file of
 * tokens (re-read when it changes). {@link #toString()} never shows a token.
 *
 * @param name the environment variable, named in every message about this source
 * @param tokens the tokens of an inline source (empty for a file source)
 * @param file the file of a file source (null for an inline source)
 */
public record TokenSource(String name, TokenRole role, List<String> tokens, Path file) {

  public TokenSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    tokens = List.copyOf(tokens);
    if ((file == null) == tokens.isEmpty()) {
      throw new IllegalArgumentException("a token source holds either tokens or a file");
    }
  }

  public static TokenSource inline(String name, TokenRole role, List<String> tokens) {
    return new TokenSource(name, role, tokens, null);
  }

  public static TokenSource file(String name, TokenRole role, Path file) {
    return new TokenSource(name, role, List.of(), file);
  }

  public boolean isFile() {
    return file != null;
  }

  @Override
  public String toString() {
    String value = isFile() ? file.toString() : "<" + tokens.size() + (tokens.size() == 1 ? " token>" : " tokens>");
    return name + "=" + value;
  }
}
