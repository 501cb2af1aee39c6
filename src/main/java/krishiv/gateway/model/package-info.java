/**
 * The report model: Krishiv's {@code ObservabilityReport} (a per-job diagnosis: job, stages, tasks, executors,
 * checkpoint, shuffle, streaming state, recent events, connector counters) and the gateway's {@code SystemMetrics},
 * as immutable records that serialise to Krishiv's JSON shapes through {@link krishiv.gateway.model.ModelJson}.
 *
 * <p>Wire rules: snake_case keys, lowercase state strings, optional values written as JSON {@code null} (never
 * omitted), maps as JSON objects, collections never {@code null}.
 */
package krishiv.gateway.model;
