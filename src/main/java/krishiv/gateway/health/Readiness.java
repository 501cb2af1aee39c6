package krishiv.gateway.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The readiness of the gateway: a set of checks, some gating. Shutdown turns it not-ready first
 * ({@link #drain()}), so load balancers stop sending before servers close.
 */
public final class Readiness {
  private final Map<String, ReadinessCheck> checks = new LinkedHashMap<>();
  private volatile boolean draining;

  public Readiness() {
    add(new ReadinessCheck("shutdown", true,
        () -> draining ? ReadinessCheck.Result.failing("shutting down") : ReadinessCheck.Result.ok("running")));
  }

  public synchronized Readiness add(ReadinessCheck check) {
    if (checks.putIfAbsent(check.name(), check) != null) {
      throw new IllegalArgumentException("duplicate readiness check " + check.name());
    }
    return this;
  }

  /** From now on the gateway reports not ready. */
  public void drain() {
    draining = true;
  }

  public boolean draining() {
    return draining;
  }

  public synchronized Set<String> names() {
    return Set.copyOf(checks.keySet());
  }

  public synchronized ReadinessCheck check(String name) {
    return checks.get(name);
  }

  /** One evaluated check. */
  public record Evaluated(ReadinessCheck check, ReadinessCheck.Result result) {}

  /** Evaluates every check except the excluded ones, in registration order. */
  public List<Evaluated> evaluate(Set<String> exclude) {
    List<ReadinessCheck> list;
    synchronized (this) {
      list = new ArrayList<>(checks.values());
    }
    List<Evaluated> out = new ArrayList<>(list.size());
    for (ReadinessCheck c : list) {
      if (!exclude.contains(c.name())) {
        out.add(new Evaluated(c, c.probe().get()));
      }
    }
    return out;
  }

  /** True when every evaluated gating check is ok. */
  public static boolean ready(List<Evaluated> evaluated) {
    return evaluated.stream().noneMatch(e -> e.check().gating() && !e.result().ok());
  }
}
