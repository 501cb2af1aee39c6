package krishiv.gateway.cli;

import krishiv.gateway.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the {@code krishiv} command tree. */
@Command(name = "krishiv", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "The status gateway of a Krishiv cluster, and its command line.",
    subcommands = {ServeCommand.class, LocalCommand.class, CommandLine.HelpCommand.class})
public final class KrishivCommand implements Runnable {
  /** Exit code of a usage or configuration error, as Krishiv's CLI. */
  public static final int USAGE_ERROR = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command");
  }

  /** Runs the command line; returns the exit code. */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new KrishivCommand());
    cl.setExecutionExceptionHandler((ex, line, parsed) -> {
      if (ex instanceof ConfigException) {
        line.getErr().println("krishiv: invalid configuration: " + ex.getMessage());
        return USAGE_ERROR;
      }
      line.getErr().println("krishiv: " + ex.getMessage());
      return 1;
    });
    return cl.execute(args);
  }
}
