package krishiv.gateway.model;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Reads {@link SystemMetrics} from the JVM's management beans and, on Linux, {@code /proc}. Blocking; package
 * private so {@link SystemMetrics#current()} is the one entry point and the parsers can be tested on fixed text.
 */
final class SystemMetricsProbe {
  private static final Path MEMINFO = Path.of("/proc/meminfo");
  private static final Path SELF_STATUS = Path.of("/proc/self/status");

  private SystemMetricsProbe() {}

  static SystemMetrics read() {
    Runtime rt = Runtime.getRuntime();
    String meminfo = readOrNull(MEMINFO);
    long beanTotal = -1;
    long beanFree = -1;
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      beanTotal = os.getTotalMemorySize();
      beanFree = os.getFreeMemorySize();
    }
    HostMemory memory = hostMemory(beanTotal, beanFree, meminfo);
    OptionalLong rss = kilobytesField(readOrNull(SELF_STATUS), "VmRSS");
    return new SystemMetrics(
        rt.availableProcessors(),
        memory.totalBytes(),
        memory.availableBytes(),
        hostname(),
        System.getProperty("os.name", "unknown"),
        System.getProperty("os.version", "unknown"),
        ProcessHandle.current().pid(),
        ManagementFactory.getRuntimeMXBean().getUptime() / 1000,
        rss.orElse(rt.totalMemory() - rt.freeMemory()),
        ManagementFactory.getThreadMXBean().getThreadCount());
  }

  /** Host memory as reported: total and available to new work, in bytes. */
  record HostMemory(long totalBytes, long availableBytes) {}

  /**
   * The host's memory. The JDK bean's total is container-aware (a cgroup limit); /proc/meminfo's
   * MemAvailable counts reclaimable page cache, which the bean's "free" does not. Use MemAvailable unless the
   * bean reports a smaller total than the host's, i.e. a memory-limited container, where host figures would
   * overstate what this process can get.
   *
   * @param beanTotal the JDK bean's total memory, or -1 when there is no such bean
   * @param beanFree the JDK bean's free memory, or -1
   * @param meminfo the text of /proc/meminfo, or {@code null} when not on Linux
   */
  static HostMemory hostMemory(long beanTotal, long beanFree, String meminfo) {
    OptionalLong hostTotal = kilobytesField(meminfo, "MemTotal");
    OptionalLong hostAvailable = kilobytesField(meminfo, "MemAvailable");
    long total;
    long available;
    if (hostTotal.isPresent() && hostAvailable.isPresent() && (beanTotal <= 0 || beanTotal >= hostTotal.getAsLong())) {
      total = hostTotal.getAsLong();
      available = hostAvailable.getAsLong();
    } else if (beanTotal > 0) {
      total = beanTotal;
      available = beanFree;
    } else {
      // No OS figures at all: report the JVM's own ceiling rather than zeros.
      Runtime rt = Runtime.getRuntime();
      total = rt.maxMemory();
      available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }
    return new HostMemory(total, Math.max(0, Math.min(available, total)));
  }

  /** A {@code Name:   123 kB} line of /proc/meminfo or /proc/self/status, in bytes; empty if absent or malformed. */
  static OptionalLong kilobytesField(String text, String name) {
    if (text == null) {
      return OptionalLong.empty();
    }
    String prefix = name + ":";
    for (String line : text.split("\n")) {
      if (line.startsWith(prefix)) {
        String[] parts = line.substring(prefix.length()).trim().split("\\s+");
        if (parts.length == 2 && parts[1].equals("kB")) {
          try {
            return OptionalLong.of(Math.multiplyExact(Long.parseLong(parts[0]), 1024L));
          } catch (NumberFormatException | ArithmeticException e) {
            return OptionalLong.empty();
          }
        }
        return OptionalLong.empty();
      }
    }
    return OptionalLong.empty();
  }

  private static String hostname() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return name == null || name.isEmpty() ? "unknown" : name;
    } catch (IOException | SecurityException e) {
      return "unknown";
    }
  }

  private static String readOrNull(Path path) {
    try {
      return Files.isReadable(path) ? Files.readString(path, StandardCharsets.UTF_8) : null;
    } catch (IOException | SecurityException e) {
      return null;
    }
  }
}
