package krishiv.gateway.auth;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import krishiv.gateway.config.ConfigException;
import krishiv.gateway.config.ConfigKeys;
import krishiv.gateway.config.GatewayConfig;

/**
 * The auth model of a gateway, resolved from the environment (credential sources, the production switch,
 * Krishiv's profile variable) and the configuration (profile flag, JWT claim checks, tuning).
 *
 * <p>Authentication is required outside {@code dev-local}, whenever {@code KRISHIV_PRODUCTION} is on, and in
 * {@code dev-local} as soon as any token source is configured. When it is required but no source is
 * configured, {@link #from} refuses with a {@link ConfigException} naming what to set (fail closed).
 * {@link #toString()} shows no secret.
 */
public final class AuthConfig {
  private final DurabilityProfile profile;
  private final String profileSource;
  private final boolean production;
  private final List<TokenSource> tokenSources;
  private final JwtConfig jwt;
  private final Duration tokenFilePollInterval;

  private AuthConfig(DurabilityProfile profile, String profileSource, boolean production,
      List<TokenSource> tokenSources, JwtConfig jwt, Duration tokenFilePollInterval) {
    this.profile = profile;
    this.profileSource = profileSource;
    this.production = production;
    this.tokenSources = List.copyOf(tokenSources);
    this.jwt = jwt;
    this.tokenFilePollInterval = tokenFilePollInterval;
  }

  /**
   * @param env the environment (the same map the configuration was loaded from; tests pass their own)
   * @throws ConfigException for a bad value, or when credentials are required and no source is configured
   */
  public static AuthConfig from(Map<String, String> env, GatewayConfig config) {
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(config, "config");
    String profileSource = profileSource(env, config);
    String rawProfile = AuthEnv.DURABILITY_PROFILE.equals(profileSource) ? env.get(AuthEnv.DURABILITY_PROFILE)
        : config.string(ConfigKeys.DURABILITY_PROFILE);
    DurabilityProfile profile = DurabilityProfile.parse(rawProfile, profileSource);
    boolean production = production(env.get(AuthEnv.PRODUCTION));

    List<TokenSource> sources = new ArrayList<>();
    inline(env, AuthEnv.COORDINATOR_TOKEN, TokenRole.COORDINATOR, false, sources);
    inline(env, AuthEnv.COORDINATOR_TOKENS, TokenRole.COORDINATOR, true, sources);
    file(env, AuthEnv.COORDINATOR_TOKEN_FILE, TokenRole.COORDINATOR, sources);
    file(env, AuthEnv.COORDINATOR_TOKENS_FILE, TokenRole.COORDINATOR, sources);
    inline(env, AuthEnv.UI_TOKEN, TokenRole.UI, false, sources);
    file(env, AuthEnv.UI_TOKEN_FILE, TokenRole.UI, sources);

    String secret = value(env, AuthEnv.JWT_SECRET);
    Path secretFile = path(env, AuthEnv.JWT_SECRET_FILE);
    if (secret != null && secretFile != null) {
      throw new ConfigException(AuthEnv.JWT_SECRET, "set either " + AuthEnv.JWT_SECRET + " or "
          + AuthEnv.JWT_SECRET_FILE + ", not both");
    }
    JwtConfig jwt = new JwtConfig(secret == null ? null : secret.strip(), secretFile,
        path(env, AuthEnv.JWT_PUBLIC_KEY_FILE), path(env, AuthEnv.JWKS_FILE),
        config.string(ConfigKeys.JWT_ISSUER).strip(), audiences(config.string(ConfigKeys.JWT_AUDIENCE)),
        config.duration(ConfigKeys.JWT_LEEWAY), config.integer(ConfigKeys.JWT_CACHE_SIZE),
        config.duration(ConfigKeys.JWT_CACHE_TTL));
    Duration poll = config.duration(ConfigKeys.AUTH_TOKEN_FILE_POLL);
    if (poll.isZero()) {
      throw new ConfigException(ConfigKeys.AUTH_TOKEN_FILE_POLL.name(), "must be longer than 0");
    }

    AuthConfig auth = new AuthConfig(profile, profileSource, production, sources, jwt, poll);
    if (auth.required() && !auth.hasCredentialSource()) {
      throw new ConfigException("auth", "credentials are required (" + auth.reason() + ") but no token source is"
          + " configured; set at least one of " + String.join(", ", AuthEnv.TOKEN_SOURCES));
    }
    return auth;
  }

  /** The auth model of a gateway with an empty environment and default configuration: dev-local, open. */
  public static AuthConfig open() {
    return from(Map.of(), GatewayConfig.defaults());
  }

  /**
   * Krishiv's {@code KRISHIV_DURABILITY_PROFILE} is an environment layer: it overrides the configuration file
   * (and the derived {@code KRISHIV_GATEWAY_DURABILITY_PROFILE}) but not the {@code --profile} flag.
   */
  private static String profileSource(Map<String, String> env, GatewayConfig config) {
    String source = config.source(ConfigKeys.DURABILITY_PROFILE);
    boolean fromFlag = "flag".equals(source) || "override".equals(source);
    if (!fromFlag && value(env, AuthEnv.DURABILITY_PROFILE) != null) {
      return AuthEnv.DURABILITY_PROFILE;
    }
    return "default".equals(source) ? ConfigKeys.DURABILITY_PROFILE.name() : source;
  }

  private static boolean production(String raw) {
    if (raw == null || raw.isBlank()) {
      return false;
    }
    switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "1": case "true": case "yes": case "on":
        return true;
      case "0": case "false": case "no": case "off":
        return false;
      default:
        throw new ConfigException(AuthEnv.PRODUCTION, "expected 1, true, yes or on (or 0, false, no, off), got '"
            + raw.strip() + "'");
    }
  }

  private static void inline(Map<String, String> env, String name, TokenRole role, boolean list,
      List<TokenSource> out) {
    String raw = value(env, name);
    if (raw == null) {
      return;
    }
    List<String> tokens;
    try {
      tokens = list ? TokenText.list(raw) : TokenText.single(raw);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name, e.getMessage());
    }
    if (!tokens.isEmpty()) {
      out.add(TokenSource.inline(name, role, tokens));
    }
  }

  private static void file(Map<String, String> env, String name, TokenRole role, List<TokenSource> out) {
    Path p = path(env, name);
    if (p != null) {
      out.add(TokenSource.file(name, role, p));
    }
  }

  /** The variable's value, or null if it is unset or blank (an empty variable counts as unset). */
  private static String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v;
  }

  private static Path path(Map<String, String> env, String name) {
    String v = value(env, name);
    if (v == null) {
      return null;
    }
    try {
      return Path.of(v.strip());
    } catch (InvalidPathException e) {
      throw new ConfigException(name, "not a file path: " + e.getReason());
    }
  }

  private static List<String> audiences(String raw) {
    return Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
        .collect(Collectors.toList());
  }

  public DurabilityProfile profile() {
    return profile;
  }

  public boolean production() {
    return production;
  }

  public List<TokenSource> tokenSources() {
    return tokenSources;
  }

  public JwtConfig jwt() {
    return jwt;
  }

  public Duration tokenFilePollInterval() {
    return tokenFilePollInterval;
  }

  /** True if some static token or JWT key is configured. */
  public boolean hasCredentialSource() {
    return !tokenSources.isEmpty() || jwt.configured();
  }

  /** True if every route except {@code /healthz} needs credentials. */
  public boolean required() {
    return production || profile != DurabilityProfile.DEV_LOCAL || hasCredentialSource();
  }

  /** Why credentials are (or are not) required, for logs and messages. */
  public String reason() {
    if (production) {
      return AuthEnv.PRODUCTION + " is on";
    }
    if (profile != DurabilityProfile.DEV_LOCAL) {
      return "profile " + profile + " from " + profileSource;
    }
    return hasCredentialSource() ? "profile dev-local with a token source configured"
        : "profile dev-local with no token source";
  }

  @Override
  public String toString() {
    return "AuthConfig{profile=" + profile + " (" + profileSource + "), production=" + production
        + ", required=" + required() + ", tokenSources=" + tokenSources + ", jwt=" + jwt
        + ", tokenFilePollInterval=" + tokenFilePollInterval + '}';
  }
}
