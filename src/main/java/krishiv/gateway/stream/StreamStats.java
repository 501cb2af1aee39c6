package krishiv.gateway.stream;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the event stream, cheap to update from every event loop. {@link #bindTo} exposes them on a
 * Micrometer registry as {@code krishiv_gateway_stream_*}.
 */
public final class StreamStats {
  /** The transport label values. */
  public static final String WEBSOCKET = "websocket";
  public static final String SSE = "sse";

  private final AtomicInteger webSocketSubscribers = new AtomicInteger();
  private final AtomicInteger sseSubscribers = new AtomicInteger();
  private final LongAdder eventsSent = new LongAdder();
  private final LongAdder slowConsumersClosed = new LongAdder();
  private final LongAdder resetsSent = new LongAdder();

  /** Registers the meters; call once per registry. */
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("krishiv_gateway_stream_subscribers", webSocketSubscribers, AtomicInteger::get)
        .description("Open event-stream subscribers").tag("transport", WEBSOCKET).register(registry);
    Gauge.builder("krishiv_gateway_stream_subscribers", sseSubscribers, AtomicInteger::get)
        .description("Open event-stream subscribers").tag("transport", SSE).register(registry);
    FunctionCounter.builder("krishiv_gateway_stream_events_sent", eventsSent, LongAdder::sum)
        .description("Event frames written to stream subscribers").register(registry);
    FunctionCounter.builder("krishiv_gateway_stream_slow_consumers_closed", slowConsumersClosed, LongAdder::sum)
        .description("Subscribers closed because they did not read fast enough").register(registry);
    FunctionCounter.builder("krishiv_gateway_stream_resets", resetsSent, LongAdder::sum)
        .description("Reset frames sent (cursor expired or of another epoch)").register(registry);
  }

  void opened(String transport) {
    counter(transport).incrementAndGet();
  }

  void closed(String transport) {
    counter(transport).decrementAndGet();
  }

  void eventSent() {
    eventsSent.increment();
  }

  void slowConsumerClosed() {
    slowConsumersClosed.increment();
  }

  void resetSent() {
    resetsSent.increment();
  }

  private AtomicInteger counter(String transport) {
    return WEBSOCKET.equals(transport) ? webSocketSubscribers : sseSubscribers;
  }

  public int subscribers(String transport) {
    return counter(transport).get();
  }

  public int subscribers() {
    return webSocketSubscribers.get() + sseSubscribers.get();
  }

  public long eventsSent() {
    return eventsSent.sum();
  }

  public long slowConsumersClosed() {
    return slowConsumersClosed.sum();
  }

  public long resetsSent() {
    return resetsSent.sum();
  }
}
