package krishiv.gateway.testing;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Consumer;
import krishiv.gateway.agent.ExecutorAgent;

/**
 * Runs an {@link ExecutorAgent} (not thread-safe) on one event-loop context: its heartbeat timer and every call a
 * test makes (register, pause, deregister) happen there, and each call returns once done.
 */
public final class AgentDriver implements AutoCloseable {
  private final ExecutorAgent agent;
  private final Context context;

  public AgentDriver(Vertx vertx, ExecutorAgent agent) {
    this.agent = agent;
    this.context = vertx.getOrCreateContext();
  }

  /** Runs {@code action} with the agent on its context and waits for it. */
  public void run(Consumer<ExecutorAgent> action) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      try {
        action.accept(agent);
        done.complete();
      } catch (RuntimeException e) {
        done.fail(e);
      }
    });
    done.future().await();
  }

  /** Starts the agent's heartbeat timer on the context. */
  public void start() {
    run(a -> a.start(context.owner()));
  }

  @Override
  public void close() {
    run(ExecutorAgent::stop);
  }
}
