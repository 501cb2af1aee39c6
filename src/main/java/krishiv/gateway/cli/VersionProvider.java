package krishiv.gateway.cli;

import krishiv.gateway.GatewayVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code krishiv --version}. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"krishiv-gateway " + GatewayVersion.version()};
  }
}
