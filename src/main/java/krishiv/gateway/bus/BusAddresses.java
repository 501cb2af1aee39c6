package krishiv.gateway.bus;

import java.util.List;

/** Every event-bus address of the protocol (docs/bus-protocol.md), in one place. */
public final class BusAddresses {
  /** Executor heartbeats, published by executors to every gateway. */
  public static final String EXECUTOR_HEARTBEAT = "krishiv.executor.heartbeat";
  /** Job snapshots (changed jobs, or all of them), published by the coordinator. */
  public static final String COORDINATOR_JOBS = "krishiv.coordinator.jobs";
  /** Namespace quota snapshots, published by the coordinator. */
  public static final String COORDINATOR_QUEUES = "krishiv.coordinator.queues";
  /** Free-form coordinator events the gateway cannot derive itself. */
  public static final String COORDINATOR_EVENTS = "krishiv.coordinator.events";
  /** Coordinator status; also its liveness signal. */
  public static final String COORDINATOR_STATUS = "krishiv.coordinator.status";
  /** Request-reply commands from a gateway to the coordinator: sync, savepoint, cancel, inspect_state. */
  public static final String COORDINATOR_COMMANDS = "krishiv.coordinator.commands";

  /** The addresses the gateway consumes (publish addresses). */
  public static final List<String> INPUTS = List.of(
      EXECUTOR_HEARTBEAT, COORDINATOR_JOBS, COORDINATOR_QUEUES, COORDINATOR_EVENTS, COORDINATOR_STATUS);

  /** The protocol version every message carries in {@code "v"}. */
  public static final int PROTOCOL_VERSION = 1;

  private BusAddresses() {}
}
