package krishiv.gateway.sim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import krishiv.gateway.bus.message.NamespaceQuota;

/**
 * The coordinator's namespaces and their quotas. Jobs land in the default namespace (null), {@code analytics},
 * {@code etl} or {@code ml} by weight; a namespace admits at most {@code maxActiveJobs} jobs at once, sized from
 * the target job count so that a busy namespace queues jobs now and then. A job submitted into an unknown
 * namespace creates it with a small quota.
 */
final class SimNamespaces {
  /** One namespace: its share of new jobs and its quota. */
  record Namespace(String id, int weight, int maxActiveJobs) {}

  /** CPU reserved per task slot of a job's widest stage: one core (in nanoseconds per second). */
  static final long CPU_NANOS_PER_TASK = 1_000_000_000L;
  static final long MEMORY_BYTES_PER_TASK = 2L * 1024 * 1024 * 1024;
  private static final int NEW_NAMESPACE_MAX_ACTIVE = 2;

  private final List<Namespace> namespaces = new ArrayList<>();
  private final int totalWeight;

  private SimNamespaces(int targetJobs) {
    add(null, 40, targetJobs);
    add("analytics", 25, targetJobs);
    add("etl", 20, targetJobs);
    add("ml", 15, targetJobs);
    totalWeight = namespaces.stream().mapToInt(Namespace::weight).sum();
  }

  /** The standard namespaces, with quotas for about {@code targetJobs} unfinished jobs in all. */
  static SimNamespaces forTarget(int targetJobs) {
    return new SimNamespaces(targetJobs);
  }

  private void add(String id, int weight, int targetJobs) {
    // 25% headroom over the namespace's share: full now and then, not always.
    int max = Math.max(2, (int) Math.ceil(targetJobs * weight / 100.0 * 1.25));
    namespaces.add(new Namespace(id, weight, max));
  }

  /** A namespace drawn by weight. */
  String pick(Random random) {
    int r = random.nextInt(totalWeight);
    for (Namespace n : namespaces) {
      r -= n.weight();
      if (r < 0) {
        return n.id();
      }
    }
    throw new AssertionError("weights do not add up");
  }

  /** The i-th standard namespace, cycling: initial jobs are spread over all of them. */
  String cycle(int i) {
    return namespaces.get(i % 4).id();
  }

  /** True if {@code namespaceId} may admit one more job, given the active jobs per namespace. */
  boolean hasRoom(String namespaceId, Map<String, Integer> activeByNamespace) {
    return activeByNamespace.getOrDefault(key(namespaceId), 0) < quota(namespaceId).maxActiveJobs();
  }

  /** Map key of a namespace (the default one has a null id). */
  static String key(String namespaceId) {
    return namespaceId == null ? "" : namespaceId;
  }

  private Namespace quota(String namespaceId) {
    for (Namespace n : namespaces) {
      if (Objects.equals(n.id(), namespaceId)) {
        return n;
      }
    }
    Namespace created = new Namespace(namespaceId, 0, NEW_NAMESPACE_MAX_ACTIVE);
    namespaces.add(created);
    return created;
  }

  /** The quota snapshot: every namespace in a fixed order with what its active jobs reserve. */
  List<NamespaceQuota> snapshot(Collection<SimJob> jobs) {
    List<NamespaceQuota> out = new ArrayList<>(namespaces.size());
    for (Namespace n : namespaces) {
      long active = 0;
      long slots = 0;
      for (SimJob j : jobs) {
        if (j.isActive() && Objects.equals(j.namespaceId, n.id())) {
          active++;
          slots += j.parallelism();
        }
      }
      out.add(new NamespaceQuota(n.id(), slots * CPU_NANOS_PER_TASK, slots * MEMORY_BYTES_PER_TASK, active,
          n.maxActiveJobs(), n.maxActiveJobs() * 32 * CPU_NANOS_PER_TASK,
          n.maxActiveJobs() * 32 * MEMORY_BYTES_PER_TASK));
    }
    return out;
  }

  /** Makes sure a namespace named by a submission is known (and listed in the quota snapshot). */
  void ensure(String namespaceId) {
    quota(namespaceId);
  }
}
