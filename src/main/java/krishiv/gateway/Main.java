package krishiv.gateway;

import krishiv.gateway.cli.KrishivCommand;

/** Entry point of the shaded jar: the {@code krishiv} command tree. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = KrishivCommand.execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }
}
