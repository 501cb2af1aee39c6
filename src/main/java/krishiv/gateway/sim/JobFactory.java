package krishiv.gateway.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws job specs and builds their plans. Batch jobs scan one or two tables, then transform (join, aggregate,
 * ...) and write; streaming jobs read a topic through a pipeline into a sink. Names come from small fixed lists
 * so that a dashboard looks like a real cluster. About one batch job in twelve carries a poisoned task whose
 * every attempt fails, so some jobs end {@code failed}.
 */
final class JobFactory {
  private static final List<String> BATCH_NAMES = List.of("daily-sales-rollup", "user-sessionize",
      "feature-backfill", "clickstream-compaction", "orders-ingest", "inventory-snapshot", "churn-scoring-prep",
      "ledger-reconcile");
  private static final List<String> STREAMING_NAMES = List.of("fraud-scoring", "clickstream-enrich",
      "metrics-aggregator", "orders-cdc-sink", "sensor-windowing", "ad-impressions-dedupe");
  private static final List<String> TABLES = List.of("orders", "customers", "clicks", "payments", "inventory",
      "sessions");
  private static final List<String> TOPICS = List.of("orders-cdc", "clickstream", "payments", "sensor-readings",
      "ad-impressions");
  private static final List<String> BATCH_TRANSFORMS = List.of("join", "aggregate", "sort", "dedupe", "enrich");
  private static final List<String> STREAM_TRANSFORMS = List.of("enrich", "window-aggregate", "filter",
      "join-stream", "dedupe");
  private static final List<String> BATCH_SINKS = List.of("warehouse", "lakehouse", "feature-store");
  private static final List<String> STREAM_SINKS = List.of("iceberg", "kafka-out", "elastic");
  private static final double POISON_RATE = 1.0 / 12;
  private static final double STREAMING_SHARE = 0.35;

  /** A job as users submit them: mostly batch, any namespace by weight, priorities 0..9. */
  JobSpec randomSpec(Random random, SimNamespaces namespaces) {
    boolean streaming = random.nextDouble() < STREAMING_SHARE;
    return spec(streaming, random, namespaces.pick(random));
  }

  /**
   * The {@code i}-th job already running when the simulation starts: kinds and namespaces cycle so that even a
   * small start shows both kinds in several namespaces.
   */
  JobSpec initialSpec(int i, Random random, SimNamespaces namespaces) {
    return spec(i % 3 == 1, random, namespaces.cycle(i));
  }

  private static JobSpec spec(boolean streaming, Random random, String namespace) {
    List<String> names = streaming ? STREAMING_NAMES : BATCH_NAMES;
    String name = names.get(random.nextInt(names.size()));
    int stages = 2 + random.nextInt(3);
    int tasks = streaming ? 1 + random.nextInt(4) : 2 + random.nextInt(7);
    return new JobSpec(streaming ? SimStates.STREAMING : SimStates.BATCH, name, namespace, random.nextInt(10),
        stages, tasks);
  }

  /** Builds the job's stages and tasks (all pending) from {@code spec}. */
  SimJob build(String jobId, int number, JobSpec spec, long submittedAtMs, Random random) {
    boolean streaming = spec.isStreaming();
    List<String> sources = streaming ? TOPICS : TABLES;
    int first = random.nextInt(sources.size());
    SimJob job = new SimJob(jobId, number, spec, sources.get(first), submittedAtMs);
    int n = spec.stages();
    if (streaming) {
      buildPipeline(job, n, first, spec.tasksPerStage(), random);
    } else {
      buildDag(job, n, first, spec.tasksPerStage(), random);
    }
    if (!streaming && random.nextDouble() < POISON_RATE) {
      SimStage s = job.stages.get(random.nextInt(job.stages.size()));
      s.tasks.get(random.nextInt(s.tasks.size())).poisoned = true;
    }
    return job;
  }

  /** Scans (one, or two with three stages or more), then transforms in a chain, then one write. */
  private static void buildDag(SimJob job, int n, int firstTable, int tasks, Random random) {
    if (n == 1) {
      addStage(job, 0, "copy-" + TABLES.get(firstTable), List.of(), true, true, tasks, random);
      return;
    }
    int scans = n >= 3 ? 2 : 1;
    List<Integer> scanIds = new ArrayList<>();
    for (int i = 0; i < scans; i++) {
      addStage(job, i, "scan-" + TABLES.get((firstTable + i) % TABLES.size()), List.of(), true, false, tasks, random);
      scanIds.add(i);
    }
    int t = random.nextInt(BATCH_TRANSFORMS.size());
    for (int id = scans; id < n - 1; id++) {
      List<Integer> upstream = id == scans ? scanIds : List.of(id - 1);
      addStage(job, id, BATCH_TRANSFORMS.get((t + id) % BATCH_TRANSFORMS.size()) + "-" + id, upstream, false, false,
          tasks, random);
    }
    List<Integer> last = n - 1 == scans ? scanIds : List.of(n - 2);
    addStage(job, n - 1, "write-" + BATCH_SINKS.get(random.nextInt(BATCH_SINKS.size())), last, false, true, tasks,
        random);
  }

  /** A source, transforms, a sink: every stage consumes the one before it. */
  private static void buildPipeline(SimJob job, int n, int topic, int tasks, Random random) {
    if (n == 1) {
      addStage(job, 0, "passthrough-" + TOPICS.get(topic), List.of(), true, true, tasks, random);
      return;
    }
    addStage(job, 0, "source-" + TOPICS.get(topic), List.of(), true, false, tasks, random);
    int t = random.nextInt(STREAM_TRANSFORMS.size());
    for (int id = 1; id < n - 1; id++) {
      addStage(job, id, STREAM_TRANSFORMS.get((t + id) % STREAM_TRANSFORMS.size()) + "-" + id, List.of(id - 1), false,
          false, tasks, random);
    }
    addStage(job, n - 1, "sink-" + STREAM_SINKS.get(random.nextInt(STREAM_SINKS.size())), List.of(n - 2), false,
        true, tasks, random);
  }

  private static void addStage(SimJob job, int id, String name, List<Integer> upstream, boolean reads,
      boolean writes, int tasks, Random random) {
    int partitions = writes ? 0 : 4 + random.nextInt(29);
    double selectivity = writes ? 1.0 : reads ? 0.6 + 0.4 * random.nextDouble() : 0.1 + 0.7 * random.nextDouble();
    SimStage stage = new SimStage(job, id, name, upstream, reads, writes, partitions, selectivity);
    for (int i = 0; i < tasks; i++) {
      stage.tasks.add(new SimTask(stage, i));
    }
    job.stages.add(stage);
  }
}
