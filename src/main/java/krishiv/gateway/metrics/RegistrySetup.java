package krishiv.gateway.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Set;

/**
 * Prepares the Prometheus registry the gateway's own meters go to. Filters only apply to meters registered after
 * them, so this runs before Vert.x is built on the registry:
 * <ul>
 *   <li>{@code /metrics} requests are left out of the HTTP meters ({@link SelfScrapeExclusion});
 *   <li>no meter may take the name of a family {@code /metrics} renders itself ({@link ReservedNamesFilter});
 *   <li>the scrape passes {@code promtool check metrics}: Micrometer's {@code jvm.compilation.time} (ms) and
 *       {@code process.cpu.time} (ns) carry abbreviated units in their names, so they are left out and the
 *       process CPU time is exposed in seconds as {@code process_cpu_seconds_total}, the name Prometheus clients
 *       use; {@code system.cpu.count} (a gauge ending in {@code _count}) is renamed {@code system.cpu.cores}.
 * </ul>
 */
public final class RegistrySetup {
  private static final Set<String> DENIED = Set.of("jvm.compilation.time", "process.cpu.time");
  private static final String CPU_COUNT = "system.cpu.count";

  private RegistrySetup() {}

  /** A new registry, prepared. */
  public static PrometheusMeterRegistry newRegistry() {
    return prepare(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /** Installs the gateway's filters and the process CPU counter on a registry that has no meters yet. */
  public static PrometheusMeterRegistry prepare(PrometheusMeterRegistry registry) {
    registry.config()
        .meterFilter(SelfScrapeExclusion.meterFilter())
        .meterFilter(new ReservedNamesFilter(registry.config().namingConvention()))
        .meterFilter(new MeterFilter() {
          @Override
          public MeterFilterReply accept(Meter.Id id) {
            return DENIED.contains(id.getName()) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
          }

          @Override
          public Meter.Id map(Meter.Id id) {
            return CPU_COUNT.equals(id.getName()) ? id.withName("system.cpu.cores") : id;
          }
        });
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      FunctionCounter.builder("process.cpu", (com.sun.management.OperatingSystemMXBean) os,
          b -> Math.max(0, b.getProcessCpuTime()) / 1e9).baseUnit("seconds")
          .description("CPU time used by the gateway process").register(registry);
    }
    return registry;
  }
}
