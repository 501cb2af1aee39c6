package krishiv.gateway.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import krishiv.gateway.bus.BusAddresses;
import krishiv.gateway.bus.CommandOps;
import krishiv.gateway.bus.message.CoordinatorStatus;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.JobsMessage;
import krishiv.gateway.bus.message.NamespaceQuota;
import krishiv.gateway.bus.message.QueuesMessage;
import krishiv.gateway.bus.message.SyncReply;

/** A scripted coordinator for tests: answers {@code sync} with the jobs it was given and publishes on demand. */
public final class FakeCoordinator {
  public static final String ID = "coord-test";

  private final Vertx vertx;
  private final List<JobInfo> jobs = new ArrayList<>();
  private final AtomicInteger syncs = new AtomicInteger();
  private final java.util.Map<String, io.vertx.core.Handler<io.vertx.core.eventbus.Message<JsonObject>>> commands =
      new java.util.concurrent.ConcurrentHashMap<>();
  private MessageConsumer<JsonObject> consumer;

  public FakeCoordinator(Vertx vertx) {
    this.vertx = vertx;
  }

  public synchronized FakeCoordinator withJobs(List<JobInfo> initial) {
    jobs.clear();
    jobs.addAll(initial);
    return this;
  }

  /** Starts answering commands. */
  public Future<Void> start() {
    consumer = vertx.eventBus().consumer(BusAddresses.COORDINATOR_COMMANDS, msg -> {
      if (CommandOps.SYNC.equals(msg.body().getString("op"))) {
        syncs.incrementAndGet();
        msg.reply(syncReply().toJson());
      } else if (commands.containsKey(msg.body().getString("op"))) {
        commands.get(msg.body().getString("op")).handle(msg);
      } else {
        msg.fail(400, "unsupported op");
      }
    });
    return consumer.completion();
  }

  /** Answers another command op with {@code handler} (which may also never answer, to test timeouts). */
  public FakeCoordinator onCommand(String op, io.vertx.core.Handler<io.vertx.core.eventbus.Message<JsonObject>> h) {
    commands.put(op, h);
    return this;
  }

  public Future<Void> stop() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  public int syncCount() {
    return syncs.get();
  }

  public synchronized SyncReply syncReply() {
    long now = System.currentTimeMillis();
    return new SyncReply(new CoordinatorStatus(ID, "active", ID, now + 10_000, now),
        new JobsMessage(ID, true, now, List.copyOf(jobs)),
        new QueuesMessage(ID, now, List.of(new NamespaceQuota(null, 0, 0, jobs.size(), 100, 1000, 1000))));
  }

  /** Publishes changed jobs, as the coordinator does on every change. */
  public void publishJobs(JobInfo... changed) {
    vertx.eventBus().publish(BusAddresses.COORDINATOR_JOBS,
        new JobsMessage(ID, false, System.currentTimeMillis(), List.of(changed)).toJson());
  }
}
