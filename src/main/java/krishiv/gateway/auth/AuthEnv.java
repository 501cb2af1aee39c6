package krishiv.gateway.auth;

import java.util.List;

/**
 * The environment variables of the auth model, written once. They keep Krishiv's own names, so one
 * environment configures the coordinator and the gateway alike. Credentials are read from the environment
 * only (never from the configuration file, whose values are printed), see {@link AuthConfig}.
 */
public final class AuthEnv {
  /** {@code dev-local} (default), {@code single-node-durable} or {@code distributed-durable}. */
  public static final String DURABILITY_PROFILE = "KRISHIV_DURABILITY_PROFILE";
  /** {@code 1|true|yes|on} forces authentication whatever the profile. */
  public static final String PRODUCTION = "KRISHIV_PRODUCTION";

  public static final String COORDINATOR_TOKEN = "KRISHIV_COORDINATOR_BEARER_TOKEN";
  public static final String COORDINATOR_TOKENS = "KRISHIV_COORDINATOR_BEARER_TOKENS";
  public static final String COORDINATOR_TOKEN_FILE = "KRISHIV_COORDINATOR_BEARER_TOKEN_FILE";
  public static final String COORDINATOR_TOKENS_FILE = "KRISHIV_COORDINATOR_BEARER_TOKENS_FILE";
  public static final String UI_TOKEN = "KRISHIV_UI_TOKEN";
  public static final String UI_TOKEN_FILE = "KRISHIV_UI_TOKEN_FILE";

  public static final String JWT_SECRET = "KRISHIV_GATEWAY_JWT_SECRET";
  public static final String JWT_SECRET_FILE = "KRISHIV_GATEWAY_JWT_SECRET_FILE";
  public static final String JWT_PUBLIC_KEY_FILE = "KRISHIV_GATEWAY_JWT_PUBLIC_KEY_FILE";
  public static final String JWKS_FILE = "KRISHIV_GATEWAY_JWKS_FILE";

  /** Every variable that configures a credential source, in the order the refusal message lists them. */
  public static final List<String> TOKEN_SOURCES = List.of(COORDINATOR_TOKEN, COORDINATOR_TOKENS,
      COORDINATOR_TOKEN_FILE, COORDINATOR_TOKENS_FILE, UI_TOKEN, UI_TOKEN_FILE, JWT_SECRET, JWT_SECRET_FILE,
      JWT_PUBLIC_KEY_FILE, JWKS_FILE);

  private AuthEnv() {}
}
