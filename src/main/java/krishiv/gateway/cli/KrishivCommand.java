package krishiv.gateway.cli;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import krishiv.gateway.cli.support.CliException;
import krishiv.gateway.cli.support.GatewayClient;
import krishiv.gateway.cli.support.OutputFormat;
import krishiv.gateway.cli.support.Table;
import krishiv.gateway.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root of the {@code krishiv} command tree: the gateway itself ({@code serve}, {@code local}) and the client
 * commands that talk to one. Global options are accepted before or after the subcommand.
 */
@Command(name = "krishiv", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "The status gateway of a Krishiv cluster, and its command line.",
    footer = {"", "Exit codes: 0 ok, 1 runtime or server error, 2 usage error.",
        "Examples:", "  krishiv jobs --state running", "  krishiv -o json executors | jq .executors[0]",
        "  krishiv --gateway http://gw:8080 --token-file ~/.krishiv/token health"},
    subcommands = {ServeCommand.class, LocalCommand.class, JobsCommand.class, JobCommand.class, ExecutorsCommand.class,
        StateCommand.class, SavepointCommand.class, CancelCommand.class, ReportCommand.class,
        EventsCommand.class, HealthCommand.class,
        ClusterCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class})
public final class KrishivCommand implements Runnable {
  /** Exit code of a usage or configuration error, as Krishiv's CLI. */
  public static final int USAGE_ERROR = 2;
  public static final String DEFAULT_GATEWAY = "http://127.0.0.1:8080";

  @Option(names = "--gateway", paramLabel = "URL", scope = ScopeType.INHERIT,
      description = "Gateway URL (env KRISHIV_GATEWAY_URL; default " + DEFAULT_GATEWAY + ").")
  String gateway;

  @Option(names = "--token", paramLabel = "TOKEN", scope = ScopeType.INHERIT,
      description = "Bearer token (env KRISHIV_COORDINATOR_BEARER_TOKEN).")
  String token;

  @Option(names = "--token-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "File holding the bearer token (env KRISHIV_COORDINATOR_BEARER_TOKEN_FILE).")
  Path tokenFile;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", scope = ScopeType.INHERIT,
      description = "table (default), json or yaml.")
  OutputFormat output;

  @Option(names = "--json", scope = ScopeType.INHERIT, description = "Short for -o json.")
  boolean json;

  @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "Plain output, no ANSI colours.")
  boolean noColor;

  @Option(names = "--timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT, defaultValue = "10s",
      converter = DurationConverter.class, description = "Request timeout (default 10s).")
  Duration timeout;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private Map<String, String> env = System.getenv();
  /** True when out is the process's stdout (not a test's writer). */
  private boolean isStdout;
  private PrintWriter out;
  private PrintWriter err;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command");
  }

  /** Runs the command line with the process environment; returns the exit code. */
  public static int execute(String... args) {
    return run(System.getenv(), new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8), true, args);
  }

  /** Runs the command line with an injected environment and streams (tests). */
  public static int execute(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
    return run(env, out, err, false, args);
  }

  private static int run(Map<String, String> env, PrintWriter out, PrintWriter err, boolean stdout, String... args) {
    KrishivCommand root = new KrishivCommand();
    root.env = env;
    root.isStdout = stdout;
    root.out = out;
    root.err = err;
    CommandLine cl = new CommandLine(root).setCaseInsensitiveEnumValuesAllowed(true).setOut(out).setErr(err);
    cl.setExecutionExceptionHandler((ex, line, parsed) -> {
      if (ex instanceof ConfigException) {
        err.println("krishiv: invalid configuration: " + ex.getMessage());
        return USAGE_ERROR;
      }
      if (ex instanceof CliException) {
        err.println("krishiv: " + ex.getMessage());
        return ((CliException) ex).exitCode();
      }
      err.println("krishiv: " + ex);
      return 1;
    });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  Map<String, String> env() {
    return env;
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  OutputFormat format() {
    return json ? OutputFormat.JSON : output == null ? OutputFormat.TABLE : output;
  }

  int width() {
    return Table.terminalWidth(env);
  }

  /** A table for this invocation: coloured only on a terminal, and not with --no-color or $NO_COLOR. */
  Table table(String... headers) {
    boolean terminal = isStdout && System.console() != null;
    return new Table(headers).color(terminal && !noColor && env.get("NO_COLOR") == null);
  }

  /** A client for the gateway named by the options or the environment. */
  GatewayClient client() {
    String url = gateway != null ? gateway : env.getOrDefault("KRISHIV_GATEWAY_URL", DEFAULT_GATEWAY);
    URI base;
    try {
      base = URI.create(url.endsWith("/") ? url : url + "/");
      if (base.getScheme() == null || !base.getScheme().startsWith("http") || base.getHost() == null) {
        throw new IllegalArgumentException();
      }
    } catch (IllegalArgumentException e) {
      throw new CliException(CliException.USAGE, "--gateway must be an http(s) URL, got '" + url + "'");
    }
    return new GatewayClient(base, resolveToken(), timeout);
  }

  private String resolveToken() {
    if (token != null) {
      return token.trim();
    }
    Path file = tokenFile;
    if (file == null && env.get("KRISHIV_COORDINATOR_BEARER_TOKEN_FILE") != null) {
      file = Path.of(env.get("KRISHIV_COORDINATOR_BEARER_TOKEN_FILE"));
    }
    if (file != null) {
      try {
        String t = Files.readString(file).trim();
        if (t.isEmpty()) {
          throw new CliException(CliException.USAGE, "the token file " + file + " is empty");
        }
        return t;
      } catch (IOException e) {
        throw new CliException(CliException.USAGE, "cannot read the token file " + file + ": " + e.getMessage());
      }
    }
    String fromEnv = env.get("KRISHIV_COORDINATOR_BEARER_TOKEN");
    return fromEnv == null || fromEnv.isBlank() ? null : fromEnv.trim();
  }

  /** Prints a JSON document in the chosen machine format (json or yaml); one document, nothing else. */
  void printDocument(JsonObject doc) {
    if (format() == OutputFormat.YAML) {
      out.print(Yaml.write(doc));
    } else {
      out.println(doc.encodePrettily());
    }
    out.flush();
  }

  /** Parses durations such as 500ms, 10s, 2m. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return (Duration) krishiv.gateway.config.ConfigType.DURATION.parse(value);
    }
  }
}
