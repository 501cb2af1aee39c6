package krishiv.gateway.stream.bench;

import com.sun.management.OperatingSystemMXBean;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import krishiv.gateway.Gateway;
import krishiv.gateway.VertxFactory;
import krishiv.gateway.bus.BusAddresses;
import krishiv.gateway.bus.message.EventInfo;
import krishiv.gateway.bus.message.CoordinatorStatus;
import krishiv.gateway.bus.message.EventMessage;
import krishiv.gateway.bus.message.JobInfo;
import krishiv.gateway.bus.message.JobsMessage;
import krishiv.gateway.bus.message.QueuesMessage;
import krishiv.gateway.bus.message.ResourceUsage;
import krishiv.gateway.bus.message.ShuffleInfo;
import krishiv.gateway.bus.message.StageInfo;
import krishiv.gateway.bus.message.SyncReply;
import krishiv.gateway.config.GatewayConfig;

/**
 * The server side of {@code bench/stream}: a gateway whose stream is fed by a fake coordinator publishing events
 * at a given rate, a bare Vert.x WebSocket broadcast of the same frames for comparison, and a control API the
 * script drives ({@code /heap}, {@code /publish}, and {@code /jobs} for the examples of docs/stream.md). Each event's detail is its publish time in epoch
 * microseconds, so the load client measures publish→receive latency. Not used by the tests.
 *
 * <p>Usage: {@code java -cp krishiv-gateway.jar krishiv.gateway.stream.bench.StreamBenchServer MAX_SUBSCRIBERS
 * [GATEWAY_PORT]}
 * — prints {@code BENCH gateway=P bare=P control=P}.
 */
public final class StreamBenchServer {
  private static final String COORDINATOR = "bench-coordinator";
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private StreamBenchServer() {}

  public static void main(String[] args) {
    int maxSubscribers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    String gatewayPort = args.length > 1 ? args[1] : "0";
    Vertx vertx = VertxFactory.create(VertxFactory.newRegistry());
    GatewayConfig config = GatewayConfig.defaults().with(Map.of("http.port", gatewayPort,
        "stream.max-subscribers", Integer.toString(maxSubscribers + 100), "view.event-buffer-size", "65536"));
    answerSync(vertx);
    Gateway gateway = Gateway.start(vertx, config).await();
    BareBroadcast bare = new BareBroadcast();
    vertx.deployVerticle(bare).await();
    HttpServer control = vertx.createHttpServer().requestHandler(req -> control(vertx, gateway, bare, req))
        .listen(0, "127.0.0.1").await();
    System.out.println("BENCH gateway=" + gateway.port() + " bare=" + bare.port() + " control="
        + control.actualPort());
    System.out.flush();
  }

  private static void control(Vertx vertx, Gateway gateway, BareBroadcast bare, HttpServerRequest req) {
    switch (req.path()) {
      case "/heap":
        vertx.<Long>executeBlocking(StreamBenchServer::heapAfterGc).onSuccess(used -> req.response()
            .end(new JsonObject().put("heap_used_bytes", used).put("gateway_subscribers",
                gateway.stream().connections()).put("bare_subscribers", bare.size()).encode()));
        break;
      case "/publish": {
        int rate = Integer.parseInt(req.getParam("rate", "1000"));
        int seconds = Integer.parseInt(req.getParam("seconds", "10"));
        int jobs = Integer.parseInt(req.getParam("jobs", "1000"));
        boolean toBare = "bare".equals(req.getParam("target"));
        Consumer<EventInfo> sink = toBare ? bare::broadcast : e -> vertx.eventBus()
            .publish(BusAddresses.COORDINATOR_EVENTS, new EventMessage(COORDINATOR, e).toJson());
        long cpu0 = OS.getProcessCpuTime();
        long wall0 = System.nanoTime();
        publish(vertx, rate, seconds, jobs, sink).onSuccess(n -> {
          double wall = (System.nanoTime() - wall0) / 1e9;
          double cpu = (OS.getProcessCpuTime() - cpu0) / 1e9;
          req.response().end(new JsonObject().put("published", n).put("wall_seconds", wall)
              .put("cpu_seconds", cpu).put("cpu_cores", cpu / wall)
              .put("events_sent", gateway.stream().stats().eventsSent())
              .put("slow_consumers_closed", gateway.stream().stats().slowConsumersClosed())
              .put("bare_frames_sent", bare.framesSent()).encode());
        });
        break;
      }
      case "/jobs": {
        // One job's life (queued, running, succeeded), 300 ms apart: JobSubmitted, StagePlanned,
        // JobStateChanged x2 and JobCompleted on the stream. Used for the examples in docs/stream.md.
        String id = req.getParam("job_id", "job-1");
        List<String> states = List.of("queued", "running", "succeeded");
        for (int i = 0; i < states.size(); i++) {
          String state = states.get(i);
          vertx.setTimer(1 + 300L * i, t -> vertx.eventBus().publish(BusAddresses.COORDINATOR_JOBS,
              new JobsMessage(COORDINATOR, false, System.currentTimeMillis(), List.of(job(id, state))).toJson()));
        }
        vertx.setTimer(700, t -> req.response().end("{\"published\":3}"));
        break;
      }
      default:
        req.response().setStatusCode(404).end();
    }
  }

  /** Plays the coordinator's part in the gateway's start: an empty full sync, so the view is warm. */
  private static void answerSync(Vertx vertx) {
    vertx.eventBus().<JsonObject>consumer(BusAddresses.COORDINATOR_COMMANDS, msg -> {
      long now = System.currentTimeMillis();
      msg.reply(new SyncReply(new CoordinatorStatus(COORDINATOR, "active", COORDINATOR, now + 60_000, now),
          new JobsMessage(COORDINATOR, true, now, List.of()), new QueuesMessage(COORDINATOR, now, List.of())).toJson());
    });
  }

  private static JobInfo job(String id, String state) {
    return new JobInfo(id, "bench " + id, "batch", state, 5, null, 1_000, "succeeded".equals(state) ? 2_000L : null,
        0, ResourceUsage.ZERO, List.of(new StageInfo(0, "scan", state.equals("queued") ? "pending" : state, 0, List.of(),
            1, 0, 0, List.of())), ShuffleInfo.ZERO, null, null, null);
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Publishes {@code rate} events per second for {@code seconds}, in batches every 10 ms. */
  private static Future<Integer> publish(Vertx vertx, int rate, int seconds, int jobs, Consumer<EventInfo> sink) {
    Promise<Integer> done = Promise.promise();
    long start = System.nanoTime();
    long total = (long) rate * seconds;
    int[] sent = {0};
    vertx.setPeriodic(10, id -> {
      long due = Math.min(total, (long) ((System.nanoTime() - start) / 1e9 * rate));
      while (sent[0] < due) {
        Instant now = Instant.now();
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
        int n = sent[0]++;
        sink.accept(new EventInfo(now.toEpochMilli(), "BenchEvent", Long.toString(micros), "job-" + (n % jobs), null,
            null, null));
      }
      if (sent[0] >= total) {
        vertx.cancelTimer(id);
        done.complete(sent[0]);
      }
    });
    return done.future();
  }

  /** The baseline: a plain Vert.x WebSocket server writing every frame (encoded once) to every client. */
  static final class BareBroadcast extends io.vertx.core.VerticleBase {
    private final java.util.Set<io.vertx.core.http.ServerWebSocket> clients = new java.util.LinkedHashSet<>();
    private final java.util.concurrent.atomic.AtomicLong framesSent = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger size = new java.util.concurrent.atomic.AtomicInteger();
    private HttpServer server;
    private long seq;

    @Override
    public Future<?> start() {
      server = vertx.createHttpServer(new HttpServerOptions().setPerMessageWebSocketCompressionSupported(false)
          .setPerFrameWebSocketCompressionSupported(false));
      server.webSocketHandler(ws -> {
        clients.add(ws);
        size.set(clients.size());
        ws.closeHandler(v -> {
          clients.remove(ws);
          size.set(clients.size());
        });
      });
      return server.listen(0, "127.0.0.1");
    }

    int port() {
      return server.actualPort();
    }

    int size() {
      return size.get();
    }

    long framesSent() {
      return framesSent.get();
    }

    /** Called from any thread: hops to this verticle's event loop, encodes once, writes to all. */
    void broadcast(EventInfo e) {
      context.runOnContext(v -> {
        String frame = new JsonObject().put("type", "event").put("cursor", "bare:" + (++seq)).put("event", e.toJson())
            .encode();
        for (io.vertx.core.http.ServerWebSocket ws : clients) {
          ws.writeTextMessage(frame);
        }
        framesSent.addAndGet(clients.size());
      });
    }
  }
}
