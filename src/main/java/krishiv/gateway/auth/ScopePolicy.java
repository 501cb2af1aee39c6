package krishiv.gateway.auth;

import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.SecurityRequirement;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What each operation requires, read from the contract: its {@code security} requirement names the
 * {@code bearerAuth} scheme and the scopes a token must hold, or is {@code []} for a public route. The
 * contract governs; this class only refuses contracts it cannot enforce exactly, so the gateway fails to
 * start rather than guess:
 * <ul>
 *   <li>every operation must declare {@code security} itself (a route added without one would otherwise
 *       silently inherit, or lack, protection);</li>
 *   <li>one requirement per operation, naming only {@code bearerAuth} (alternatives are not supported);</li>
 *   <li>only the scopes of {@link Scope}, so a misspelt scope cannot lock a route or open it.</li>
 * </ul>
 */
public final class ScopePolicy {
  /** The security scheme of the contract that the bearer handler implements. */
  public static final String SCHEME = "bearerAuth";

  private final Map<String, Set<Scope>> secured;
  private final Set<String> open;

  private ScopePolicy(Map<String, Set<Scope>> secured, Set<String> open) {
    this.secured = Map.copyOf(secured);
    this.open = Set.copyOf(open);
  }

  /** @throws IllegalStateException naming the operation whose security requirement cannot be enforced */
  public static ScopePolicy fromContract(OpenAPIContract contract) {
    Map<String, Set<Scope>> secured = new HashMap<>();
    Set<String> open = new TreeSet<>();
    for (Operation op : contract.operations()) {
      String id = op.getOperationId();
      if (!op.getOpenAPIModel().containsKey("security")) {
        throw new IllegalStateException("operation " + id + " declares no security requirement; add"
            + " security: [] (public) or security: [{" + SCHEME + ": [<scope>]}] to the contract");
      }
      List<SecurityRequirement> requirements = op.getSecurityRequirements();
      if (requirements.isEmpty() || requirements.size() == 1 && requirements.get(0).isEmpty()) {
        open.add(id);
        continue;
      }
      if (requirements.size() > 1) {
        throw new IllegalStateException("operation " + id + " lists alternative security requirements;"
            + " only one is supported");
      }
      SecurityRequirement r = requirements.get(0);
      if (!r.getNames().equals(Set.of(SCHEME))) {
        throw new IllegalStateException("operation " + id + " requires " + r.getNames() + "; only " + SCHEME
            + " is implemented");
      }
      Set<Scope> scopes = EnumSet.noneOf(Scope.class);
      for (String name : r.getScopes(SCHEME)) {
        scopes.add(Scope.byValue(name).orElseThrow(() -> new IllegalStateException("operation " + id
            + " requires unknown scope '" + name + "'; known scopes: " + List.of(Scope.values()))));
      }
      secured.put(id, Collections.unmodifiableSet(scopes));
    }
    return new ScopePolicy(secured, open);
  }

  /** The scopes the operation requires, or null if it is public or unknown. */
  public Set<Scope> required(String operationId) {
    return operationId == null ? null : secured.get(operationId);
  }

  /** True if the contract makes the operation public ({@code security: []}). */
  public boolean isPublic(String operationId) {
    return open.contains(operationId);
  }

  /** The operations that need credentials. */
  public Set<String> securedOperations() {
    return secured.keySet();
  }
}
