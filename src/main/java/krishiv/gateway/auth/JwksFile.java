package krishiv.gateway.auth;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import krishiv.gateway.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verification keys of a JWKS document ({@code {"keys": [...]}}). Only signature keys the gateway pins
 * are kept: RSA for RS256 and EC P-256 for ES256 ({@code alg} defaults from the key type). Other keys are
 * skipped with a warning naming their {@code kid}; private parts are dropped, the gateway only verifies.
 */
final class JwksFile {
  private static final Logger LOG = LoggerFactory.getLogger(JwksFile.class);
  private static final String[] PRIVATE_MEMBERS = {"d", "p", "q", "dp", "dq", "qi", "oth", "k"};

  private JwksFile() {}

  /** A kept key: its JWK (with {@code alg} set) and the algorithm it verifies. */
  record Key(JsonObject jwk, String algorithm) {}

  /** @throws ConfigException if the document is not a JWKS or holds no usable key */
  static List<Key> parse(String text, String source) {
    JsonArray keys;
    try {
      keys = new JsonObject(text).getJsonArray("keys");
    } catch (DecodeException | ClassCastException e) {
      throw new ConfigException(source, "not a JWKS document (expected a JSON object with a \"keys\" array)");
    }
    if (keys == null) {
      throw new ConfigException(source, "not a JWKS document (no \"keys\" array)");
    }
    List<Key> kept = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      Object entry = keys.getValue(i);
      if (!(entry instanceof JsonObject)) {
        LOG.warn("{}: skipped key #{}: not a JSON object", source, i + 1);
        continue;
      }
      JsonObject jwk = (JsonObject) entry;
      String name = jwk.getString("kid") != null ? "kid " + jwk.getString("kid") : "key #" + (i + 1);
      String problem = problem(jwk);
      if (problem != null) {
        LOG.warn("{}: skipped {}: {}", source, name, problem);
        continue;
      }
      JsonObject copy = jwk.copy().put("alg", algorithm(jwk));
      for (String member : PRIVATE_MEMBERS) {
        copy.remove(member);
      }
      kept.add(new Key(copy, algorithm(jwk)));
    }
    if (kept.isEmpty()) {
      throw new ConfigException(source, "no usable key; expected RSA keys for RS256 or EC P-256 keys for ES256");
    }
    return kept;
  }

  private static String algorithm(JsonObject jwk) {
    String alg = jwk.getString("alg");
    if (alg != null) {
      return alg;
    }
    return "EC".equals(jwk.getString("kty")) ? "ES256" : "RS256";
  }

  private static String problem(JsonObject jwk) {
    String use = jwk.getString("use");
    if (use != null && !"sig".equals(use)) {
      return "use is '" + use + "', not sig";
    }
    String kty = jwk.getString("kty");
    if ("RSA".equals(kty)) {
      return "RS256".equals(algorithm(jwk)) ? null : "alg " + algorithm(jwk) + " is not accepted (RS256 only)";
    }
    if ("EC".equals(kty)) {
      if (!"P-256".equals(jwk.getString("crv"))) {
        return "curve " + jwk.getString("crv") + " is not accepted (P-256 only)";
      }
      return "ES256".equals(algorithm(jwk)) ? null : "alg " + algorithm(jwk) + " is not accepted (ES256 only)";
    }
    return "key type " + kty + " is not accepted (RSA or EC)";
  }
}
