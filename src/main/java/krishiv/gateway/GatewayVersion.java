package krishiv.gateway;

/** The gateway's version, from the jar manifest ("dev" when run from classes). */
public final class GatewayVersion {
  private GatewayVersion() {}

  public static String version() {
    String v = GatewayVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
