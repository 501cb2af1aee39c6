package krishiv.gateway.health;

import java.util.Objects;
import java.util.function.Supplier;

/** One named readiness check; {@code gating} checks decide readiness, the others are reported only. */
public record ReadinessCheck(String name, boolean gating, Supplier<Result> probe) {
  /** The outcome of a probe: ok or failing, why, and the age of the evidence in ms (null when none). */
  public record Result(boolean ok, String detail, Long ageMs) {
    public static Result ok(String detail) {
      return new Result(true, detail, null);
    }

    public static Result failing(String detail) {
      return new Result(false, detail, null);
    }
  }

  public ReadinessCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(probe, "probe");
  }
}
