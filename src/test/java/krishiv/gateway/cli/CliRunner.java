package krishiv.gateway.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Runs the command line in-process with captured stdout/stderr and an injected environment. */
final class CliRunner {
  /** One run's result. */
  record Result(int code, String out, String err) {}

  private final Map<String, String> env = new HashMap<>();

  CliRunner env(String k, String v) {
    env.put(k, v);
    return this;
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = KrishivCommand.execute(Map.copyOf(env), new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }
}
