package krishiv.gateway.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds Debian's {@code promtool} and {@code prometheus} ({@code ./test.sh} installs them). Without them a plain
 * local run skips the tests that need them; under {@code CI=true} those tests fail, so CI cannot go green
 * without having run them.
 */
public final class PromTools {
  private PromTools() {}

  /** The path of {@code name} on the PATH; skips or fails (under CI) when it is missing. */
  public static Path require(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (!dir.isEmpty() && Files.isExecutable(p)) {
        return p;
      }
    }
    String why = name + " is not installed (./test.sh installs Debian's prometheus package)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(why + "; CI=true, so this is a failure, not a skip");
    }
    Assumptions.abort(why);
    throw new AssertionError("unreachable");
  }

  /**
   * The lint findings promtool 2.42 reports on three of Krishiv's own metric names, which {@code /metrics} keeps
   * so that Krishiv's dashboards and alerts work unchanged (docs/metrics.md). promtool has no switch to turn
   * single rules off, so the tests accept exactly these findings (exit code 3 means "lint only", a parse error is
   * exit code 1) and fail on any other.
   */
  public static final Set<String> KRISHIV_NAME_LINT = Set.of(
      "krishiv_executor_slots_total non-counter metrics should not have \"_total\" suffix",
      "krishiv_state_key_count non-histogram and non-summary metrics should not have \"_count\" suffix",
      "krishiv_watermark_ms metric names should not contain abbreviated units");

  /** Result of a {@code promtool check metrics} run: its exit code and everything it printed. */
  public record CheckResult(int exitCode, String output) {
    /** The findings other than {@link #KRISHIV_NAME_LINT}; empty when the body parsed and linted clean. */
    public List<String> unexpectedProblems() {
      List<String> lines = output.lines().filter(l -> !l.isBlank()).collect(Collectors.toList());
      boolean onlyKnown = KRISHIV_NAME_LINT.containsAll(lines);
      if ((exitCode == 0 && lines.isEmpty()) || (exitCode == 3 && onlyKnown)) {
        return List.of();
      }
      List<String> problems = new ArrayList<>();
      problems.add("promtool exit code " + exitCode);
      lines.stream().filter(l -> !KRISHIV_NAME_LINT.contains(l)).forEach(problems::add);
      return problems;
    }
  }

  /** Pipes {@code body} into {@code promtool check metrics}. */
  public static CheckResult checkMetrics(byte[] body) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(require("promtool").toString(), "check", "metrics").redirectErrorStream(true)
        .start();
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
    try (OutputStream in = p.getOutputStream()) {
      in.write(body);
    }
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("promtool check metrics did not finish within 30 s");
    }
    return new CheckResult(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8));
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      return b.toByteArray();
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
