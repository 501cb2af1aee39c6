package krishiv.gateway.sim;

import java.util.ArrayList;
import java.util.List;
import krishiv.gateway.bus.message.StageInfo;
import krishiv.gateway.bus.message.TaskInfo;

/**
 * One stage of a simulated job. A batch stage opens ({@code scheduling}) once all its upstream stages
 * succeeded; streaming stages all open together, as a pipeline. Its state follows its tasks: {@code running}
 * while any attempt is placed, {@code retrying} while only retries wait, {@code succeeded} when all succeeded.
 */
final class SimStage {
  /** Bytes of shuffle output per output row (a rough average row). */
  private static final long SHUFFLE_BYTES_PER_ROW = 120;

  final SimJob job;
  final int stageId;
  final String name;
  final List<Integer> upstream;
  /** Reads a source (a table scan, a topic): its tasks report source offsets and capabilities. */
  final boolean reads;
  /** Writes the job's output: its rows are the job's total rows. */
  final boolean writes;
  final int outputPartitions;
  /** Output rows per input row. */
  final double selectivity;
  final List<SimTask> tasks = new ArrayList<>();
  String state = SimStates.PENDING;
  int retryCount;
  long shuffleBytesWritten;
  long shufflePartitionsAvailable;

  SimStage(SimJob job, int stageId, String name, List<Integer> upstream, boolean reads, boolean writes,
      int outputPartitions, double selectivity) {
    this.job = job;
    this.stageId = stageId;
    this.name = name;
    this.upstream = List.copyOf(upstream);
    this.reads = reads;
    this.writes = writes;
    this.outputPartitions = outputPartitions;
    this.selectivity = selectivity;
  }

  boolean isOpen() {
    return !SimStates.PENDING.equals(state) && !SimStates.isTerminal(state);
  }

  boolean isTerminal() {
    return SimStates.isTerminal(state);
  }

  void open() {
    state = SimStates.SCHEDULING;
  }

  /** Output rows of a task in a stage that feeds others become shuffle bytes. */
  void addShuffleOutput(long rows) {
    if (!writes && rows > 0) {
      shuffleBytesWritten += rows * SHUFFLE_BYTES_PER_ROW;
    }
  }

  /** Derives the state of an open stage from its tasks; returns true if it changed. */
  boolean refreshState() {
    if (!isOpen()) {
      return false;
    }
    boolean anyActive = false;
    boolean anyRetrying = false;
    boolean allSucceeded = true;
    for (SimTask t : tasks) {
      anyActive |= t.isActive();
      anyRetrying |= SimStates.RETRYING.equals(t.state);
      allSucceeded &= SimStates.SUCCEEDED.equals(t.state);
    }
    String next = allSucceeded ? SimStates.SUCCEEDED
        : anyActive ? SimStates.RUNNING
        : anyRetrying ? SimStates.RETRYING
        : SimStates.SCHEDULING;
    if (!writes && (allSucceeded || job.isStreaming() && anyActive)) {
      // A finished batch stage (or a running streaming one) has its shuffle output ready for its consumers.
      shufflePartitionsAvailable = outputPartitions;
    }
    if (next.equals(state)) {
      return false;
    }
    state = next;
    return true;
  }

  StageInfo toInfo() {
    List<TaskInfo> infos = new ArrayList<>(tasks.size());
    for (SimTask t : tasks) {
      infos.add(t.toInfo());
    }
    return new StageInfo(stageId, name, state, retryCount, upstream, outputPartitions, shuffleBytesWritten,
        shufflePartitionsAvailable, infos);
  }
}
