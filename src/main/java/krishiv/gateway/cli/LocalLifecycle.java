package krishiv.gateway.cli;

import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import krishiv.gateway.cli.support.CliException;
import krishiv.gateway.cli.support.OutputFormat;
import krishiv.gateway.model.ModelJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code krishiv local start | status | stop}: local mode as a background process. */
final class LocalLifecycle {
  private static final Pattern URL = Pattern.compile("local mode: (http://\\S+)");

  private LocalLifecycle() {}

  /** {@code krishiv local start}: starts gateway + simulator in the background and returns once it is ready. */
  @Command(name = "start", mixinStandardHelpOptions = true,
      description = "Start local mode in the background; returns once the gateway is ready.",
      footer = {"", "Example:", "  krishiv local start --executors 100 --port 0 && krishiv local status"})
  static final class Start implements Callable<Integer> {
    @ParentCommand
    LocalCommand local;

    @Option(names = "--executors", paramLabel = "N", defaultValue = "8", description = "Simulated executors.")
    int executors;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080", description = "HTTP port (0: a free one).")
    int port;

    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "60s",
        converter = KrishivCommand.DurationConverter.class, description = "How long to wait for readiness.")
    Duration wait;

    @Override
    public Integer call() throws IOException, InterruptedException {
      KrishivCommand root = local.root;
      Path dir = LocalClusterFile.dir(root.env());
      LocalClusterFile.read(dir).filter(LocalClusterFile::pidAlive).ifPresent(f -> {
        throw new CliException(CliException.RUNTIME, "a local cluster is already running at " + f.url()
            + " (pid " + f.pid() + "); run krishiv local stop first");
      });
      Files.createDirectories(dir);
      Path log = dir.resolve("gateway.log").toAbsolutePath();
      List<String> cmd = new ArrayList<>();
      if (new File("/usr/bin/setsid").canExecute()) {
        cmd.add("/usr/bin/setsid"); // its own session: a Ctrl-C in this terminal later does not reach it
      }
      cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
          jar(root).toString(), "local", "--port", String.valueOf(port), "--executors", String.valueOf(executors)));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      long deadline = System.nanoTime() + wait.toNanos();
      String url = null;
      while (url == null) {
        if (!p.isAlive()) {
          throw new CliException(CliException.RUNTIME, "local mode exited with " + p.exitValue() + "; see " + log
              + ":\n" + tail(log));
        }
        Matcher m = URL.matcher(Files.exists(log) ? Files.readString(log) : "");
        if (m.find()) {
          url = m.group(1);
        } else if (System.nanoTime() > deadline) {
          p.destroyForcibly();
          throw new CliException(CliException.RUNTIME, "local mode printed no URL within " + wait + "; see " + log);
        } else {
          Thread.sleep(50);
        }
      }
      // setsid execs, so the child's pid is the gateway's
      LocalClusterFile file = new LocalClusterFile(p.pid(), url, log.toString(),
          ModelJson.rfc3339(Instant.now().toEpochMilli()), executors);
      file.write(dir);
      while (file.probe("/readyz", Duration.ofSeconds(2)) != 200) {
        if (!p.isAlive() || System.nanoTime() > deadline) {
          throw new CliException(CliException.RUNTIME, "local mode at " + url + " did not become ready; see " + log);
        }
        Thread.sleep(100);
      }
      if (root.format() != OutputFormat.TABLE) {
        root.printDocument(file.toJson().put("state", "running"));
      } else {
        root.out().printf("local cluster ready at %s (pid %d, %d executors, log %s)%n", url, file.pid(), executors,
            log);
      }
      return 0;
    }

    private static Path jar(KrishivCommand root) {
      try {
        Path self = Path.of(LocalLifecycle.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (self.toString().endsWith(".jar")) {
          return self;
        }
      } catch (URISyntaxException | SecurityException e) {
        // fall through to the build's jar
      }
      String fromEnv = root.env().get("KRISHIV_JAR");
      Path jar = Path.of(fromEnv != null ? fromEnv : "target/krishiv-gateway.jar");
      if (!Files.isRegularFile(jar)) {
        throw new CliException(CliException.RUNTIME, "no gateway jar at " + jar + ": build it (mvn -DskipTests package)");
      }
      return jar;
    }

    private static String tail(Path log) throws IOException {
      if (!Files.exists(log)) {
        return "";
      }
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    }
  }

  /** {@code krishiv local status}: probes the background cluster for real. */
  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Report whether the background local cluster is running: pid alive, port answering, ready.")
  static final class Status implements Callable<Integer> {
    @ParentCommand
    LocalCommand local;

    @Override
    public Integer call() {
      KrishivCommand root = local.root;
      Path dir = LocalClusterFile.dir(root.env());
      LocalClusterFile f = LocalClusterFile.read(dir).orElseThrow(() -> new CliException(CliException.RUNTIME,
          "no local cluster: " + dir.resolve(LocalClusterFile.FILE) + " does not exist (krishiv local start)"));
      boolean alive = f.pidAlive();
      int health = alive ? f.probe("/healthz", Duration.ofSeconds(2)) : -1;
      int ready = health == 200 ? f.probe("/readyz", Duration.ofSeconds(2)) : -1;
      String state = !alive ? "dead" : health != 200 ? "unresponsive" : ready == 200 ? "running" : "starting";
      JsonObject doc = f.toJson().put("state", state).put("pid_alive", alive).put("healthy", health == 200)
          .put("ready", ready == 200);
      if (root.format() != OutputFormat.TABLE) {
        root.printDocument(doc);
      } else {
        root.out().printf("state      %s%npid        %d (%s)%nurl        %s (%s)%nstarted    %s%nlog        %s%n",
            state, f.pid(), alive ? "alive" : "not running", f.url(),
            health == 200 ? (ready == 200 ? "ready" : "answering, not ready") : "not answering",
            f.startedAt(), f.logFile());
      }
      if (!"running".equals(state)) {
        throw new CliException(CliException.RUNTIME, "the local cluster is " + state
            + ("dead".equals(state) ? " (pid " + f.pid() + " is gone; krishiv local stop clears it)" : ""));
      }
      return 0;
    }
  }

  /** {@code krishiv local stop}: SIGTERM, a bounded wait, then a hard kill; the state file is removed. */
  @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the background local cluster.")
  static final class Stop implements Callable<Integer> {
    @ParentCommand
    LocalCommand local;

    @Override
    public Integer call() throws InterruptedException {
      KrishivCommand root = local.root;
      Path dir = LocalClusterFile.dir(root.env());
      LocalClusterFile f = LocalClusterFile.read(dir).orElseThrow(() -> new CliException(CliException.RUNTIME,
          "no local cluster to stop (" + dir.resolve(LocalClusterFile.FILE) + " does not exist)"));
      var handle = f.pidAlive() ? ProcessHandle.of(f.pid()) : java.util.Optional.<ProcessHandle>empty();
      String how = "was not running";
      if (handle.isPresent()) {
        handle.get().destroy();
        how = "stopped";
        try {
          handle.get().onExit().get(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
          handle.get().destroyForcibly();
          how = "killed (did not stop within 15 s of SIGTERM)";
        }
      }
      LocalClusterFile.delete(dir);
      root.out().printf("local cluster %s %s (pid %d)%n", f.url(), how, f.pid());
      return 0;
    }
  }
}
