package krishiv.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Token text parsing and the constant-time table of static tokens. */
class StaticTokensTest {
  private static final TokenSource COORDINATOR = TokenSource.file(AuthEnv.COORDINATOR_TOKENS_FILE,
      TokenRole.COORDINATOR, Path.of("/run/tokens"));
  private static final TokenSource UI = TokenSource.file(AuthEnv.UI_TOKEN_FILE, TokenRole.UI, Path.of("/run/ui"));

  @Test
  void listsSplitOnCommasAndNewlinesAndSkipEmptyEntries() {
    assertEquals(List.of("a", "b", "c", "d"), TokenText.list(" a ,b\r\nc\n\n,, d,a\n"));
    assertEquals(List.of(), TokenText.list("\n , \n"));
  }

  @Test
  void anyVisibleAsciiTokenIsAccepted() {
    String generated = "q2x+Yk/9Zp0=";
    assertEquals(List.of(generated), TokenText.single(generated + "\n"));
    assertEquals(List.of("!#$%&'()*+-./:;<=>?@[]^_`{|}~"), TokenText.single("!#$%&'()*+-./:;<=>?@[]^_`{|}~"));
  }

  @Test
  void tokensAHeaderCannotCarryAreRefusedByPosition() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenText.list("ok,no pe"));
    assertTrue(e.getMessage().startsWith("token #2 "), e.getMessage());
    assertFalse(e.getMessage().contains("no pe"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TokenText.single("tab\tinside"));
    assertThrows(IllegalArgumentException.class, () -> TokenText.single("caf\u00e9"));
    assertThrows(IllegalArgumentException.class, () -> TokenText.single("x".repeat(TokenText.MAX_TOKEN_LENGTH + 1)));
  }

  @Test
  void coordinatorTokensHaveEveryScopeAndUiTokensAllButJobsWrite() {
    StaticTokens tokens = new StaticTokens();
    tokens.replace(COORDINATOR, List.of("coordinator-1", "coordinator-2"));
    tokens.replace(UI, List.of("ui-1"));
    assertEquals(TokenRole.COORDINATOR, tokens.match(TokenDigest.of("coordinator-2")));
    assertEquals(TokenRole.UI, tokens.match(TokenDigest.of("ui-1")));
    assertNull(tokens.match(TokenDigest.of("coordinator-")));
    assertNull(tokens.match(TokenDigest.of("")));
    assertFalse(Principal.of(TokenRole.UI).scopes().contains(Scope.JOBS_WRITE));
    assertTrue(Principal.of(TokenRole.UI).scopes().contains(Scope.EVENTS_READ));
    assertEquals(Scope.all(), Principal.of(TokenRole.COORDINATOR).scopes());
  }

  @Test
  void aTokenListedUnderBothRolesIsACoordinatorToken() {
    StaticTokens tokens = new StaticTokens();
    tokens.replace(COORDINATOR, List.of("shared"));
    tokens.replace(UI, List.of("shared"));
    assertEquals(TokenRole.COORDINATOR, tokens.match(TokenDigest.of("shared")));
    assertTrue(tokens.hasOverlap());
  }

  @Test
  void duplicatesAcrossSourcesCountOnceAndReplacingASourceDropsItsOldTokens() {
    StaticTokens tokens = new StaticTokens();
    TokenSource inline = TokenSource.inline(AuthEnv.COORDINATOR_TOKEN, TokenRole.COORDINATOR, List.of("same"));
    tokens.replace(inline, List.of("same"));
    tokens.replace(COORDINATOR, List.of("same", "other"));
    assertEquals(2, tokens.size());
    tokens.replace(COORDINATOR, List.of("rotated"));
    assertNull(tokens.match(TokenDigest.of("other")));
    assertEquals(TokenRole.COORDINATOR, tokens.match(TokenDigest.of("same")), "still listed inline");
    assertEquals(TokenRole.COORDINATOR, tokens.match(TokenDigest.of("rotated")));
  }
}
