package krishiv.gateway.cli.support;

/** How a command prints its result: a table for people, JSON or YAML for scripts. */
public enum OutputFormat {
  TABLE, JSON, YAML
}
