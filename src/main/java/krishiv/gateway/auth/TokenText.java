package krishiv.gateway.auth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits and checks the text of a token source. A token may hold any visible ASCII character (so
 * {@code openssl rand -base64 32} output with {@code +/=} works); whitespace and control characters cannot
 * travel in an {@code Authorization} header, so a token holding them is refused when it is configured rather
 * than failing every request later. Messages name a token by its position, never by its value.
 */
final class TokenText {
  /** Longest token accepted; far above any real token and below HTTP header limits. */
  static final int MAX_TOKEN_LENGTH = 4096;
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[,\\r\\n]");

  private TokenText() {}

  /** One token (the whole text, trimmed); empty if the text is blank. */
  static List<String> single(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return List.of();
    }
    String problem = problem(t);
    if (problem != null) {
      throw new IllegalArgumentException("the token " + problem);
    }
    return List.of(t);
  }

  /** Tokens separated by commas or newlines: trimmed, empty entries skipped, duplicates dropped. */
  static List<String> list(String text) {
    Set<String> tokens = new LinkedHashSet<>();
    int position = 0;
    for (String part : LIST_SEPARATOR.split(text == null ? "" : text, -1)) {
      String t = part.strip();
      if (t.isEmpty()) {
        continue;
      }
      position++;
      String problem = problem(t);
      if (problem != null) {
        throw new IllegalArgumentException("token #" + position + " " + problem);
      }
      tokens.add(t);
    }
    return new ArrayList<>(tokens);
  }

  /** Why {@code token} cannot be used, or null if it can. */
  static String problem(String token) {
    if (token.length() > MAX_TOKEN_LENGTH) {
      return "is longer than " + MAX_TOKEN_LENGTH + " characters";
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return "contains a character an Authorization header cannot carry (only visible ASCII, no spaces)";
      }
    }
    return null;
  }
}
