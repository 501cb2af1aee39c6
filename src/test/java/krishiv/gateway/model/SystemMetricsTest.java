package krishiv.gateway.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Verifies that SystemMetrics.current() describes this JVM process, and the /proc parsers on fixed text. */
class SystemMetricsTest {
  private static final String MEMINFO = """
      MemTotal:       16318476 kB
      MemFree:         1034220 kB
      MemAvailable:    9217312 kB
      Buffers:          402116 kB
      """;

  @Test
  void currentDescribesThisProcess() {
    SystemMetrics m = SystemMetrics.current();
    assertTrue(m.cpuCores() >= 1, "cpu_cores " + m.cpuCores());
    assertEquals(Runtime.getRuntime().availableProcessors(), m.cpuCores());
    assertEquals(ProcessHandle.current().pid(), m.pid());
    assertTrue(m.processThreadCount() >= 1, "threads " + m.processThreadCount());
    assertTrue(m.memoryAvailableBytes() > 0, "available " + m.memoryAvailableBytes());
    assertTrue(m.memoryTotalBytes() >= m.memoryAvailableBytes(),
        "total " + m.memoryTotalBytes() + " < available " + m.memoryAvailableBytes());
    assertTrue(m.processMemoryBytes() > 0, "process memory " + m.processMemoryBytes());
    assertTrue(m.processMemoryBytes() < m.memoryTotalBytes(), "process memory below host total");
    assertEquals(System.getProperty("os.name"), m.os());
    assertEquals(System.getProperty("os.version"), m.kernelVersion());
    assertFalse(m.hostname().isBlank());
    long uptimeNow = ManagementFactory.getRuntimeMXBean().getUptime() / 1000;
    assertTrue(m.uptimeSeconds() >= 0 && m.uptimeSeconds() <= uptimeNow, "uptime " + m.uptimeSeconds());
  }

  @Test
  void currentSerialisesWithTheSpecKeys() {
    JsonObject json = ModelJson.toJson(SystemMetrics.current());
    assertEquals(Set.of("cpu_cores", "memory_total_bytes", "memory_available_bytes", "hostname", "os",
        "kernel_version", "pid", "uptime_seconds", "process_memory_bytes", "process_thread_count"), json.fieldNames());
    assertEquals(ProcessHandle.current().pid(), json.getLong("pid"));
  }

  @Test
  void kilobyteFieldsAreReadInBytes() {
    assertEquals(OptionalLong.of(16318476L * 1024), SystemMetricsProbe.kilobytesField(MEMINFO, "MemTotal"));
    assertEquals(OptionalLong.of(9217312L * 1024), SystemMetricsProbe.kilobytesField(MEMINFO, "MemAvailable"));
    assertEquals(OptionalLong.of(51200L * 1024),
        SystemMetricsProbe.kilobytesField("Name:\tjava\nVmHWM:\t   60000 kB\nVmRSS:\t   51200 kB\n", "VmRSS"));
    assertEquals(OptionalLong.empty(), SystemMetricsProbe.kilobytesField(MEMINFO, "SwapTotal"));
    assertEquals(OptionalLong.empty(), SystemMetricsProbe.kilobytesField("VmRSS:\t many kB\n", "VmRSS"));
    assertEquals(OptionalLong.empty(), SystemMetricsProbe.kilobytesField(null, "VmRSS"));
    // "Mem" must not match "MemTotal": the name is matched with its colon.
    assertEquals(OptionalLong.empty(), SystemMetricsProbe.kilobytesField(MEMINFO, "Mem"));
  }

  @Test
  void hostMemoryUsesMeminfoWhenTheJvmSeesNoSmallerLimit() {
    // The bean agrees with the host total: /proc/meminfo's MemAvailable (page cache counts), not the bean's free.
    SystemMetricsProbe.HostMemory memory = SystemMetricsProbe.hostMemory(16318476L * 1024, 1034220L * 1024, MEMINFO);
    assertEquals(16318476L * 1024, memory.totalBytes());
    assertEquals(9217312L * 1024, memory.availableBytes());
    // No bean at all: the same.
    assertEquals(9217312L * 1024, SystemMetricsProbe.hostMemory(-1, -1, MEMINFO).availableBytes());
  }

  @Test
  void hostMemoryUsesTheJvmFiguresInAMemoryLimitedContainer() {
    long limit = 2L << 30;
    long free = 1L << 30;
    SystemMetricsProbe.HostMemory memory = SystemMetricsProbe.hostMemory(limit, free, MEMINFO);
    assertEquals(limit, memory.totalBytes());
    assertEquals(free, memory.availableBytes());
  }

  @Test
  void hostMemoryUsesTheJvmFiguresWithoutMeminfo() {
    SystemMetricsProbe.HostMemory memory = SystemMetricsProbe.hostMemory(8L << 30, 3L << 30, null);
    assertEquals(8L << 30, memory.totalBytes());
    assertEquals(3L << 30, memory.availableBytes());
  }

  @Test
  void hostMemoryFallsBackToTheJvmCeilingWithoutOsFigures() {
    SystemMetricsProbe.HostMemory memory = SystemMetricsProbe.hostMemory(-1, -1, null);
    assertEquals(Runtime.getRuntime().maxMemory(), memory.totalBytes());
    assertTrue(memory.availableBytes() > 0 && memory.availableBytes() <= memory.totalBytes());
  }
}
