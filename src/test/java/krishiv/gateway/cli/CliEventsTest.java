package krishiv.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import krishiv.gateway.Gateway;
import krishiv.gateway.bus.BusAddresses;
import krishiv.gateway.bus.message.EventInfo;
import krishiv.gateway.bus.message.EventMessage;
import krishiv.gateway.config.GatewayConfig;
import krishiv.gateway.testing.Await;
import krishiv.gateway.testing.CuttableProxy;
import krishiv.gateway.testing.FakeCoordinator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code krishiv events --follow}: resumes after a disconnect without loss, and reports a gateway restart. */
@ExtendWith(VertxExtension.class)
class CliEventsTest {
  /** A CLI run in the background, its output readable while it runs. */
  static final class Background {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final CompletableFuture<Integer> exit;

    Background(String url, String... args) {
      exit = CompletableFuture.supplyAsync(() -> KrishivCommand.execute(Map.of("KRISHIV_GATEWAY_URL", url),
          new PrintWriter(out, true), new PrintWriter(err, true), args));
    }

    List<JsonObject> events() {
      return Arrays.stream(out.toString().split("\n")).filter(l -> l.startsWith("{")).map(JsonObject::new)
          .collect(Collectors.toList());
    }
  }

  static void note(Vertx vertx, String detail) {
    vertx.eventBus().publish(BusAddresses.COORDINATOR_EVENTS, new EventMessage(FakeCoordinator.ID,
        new EventInfo(System.currentTimeMillis(), "CoordinatorNote", detail, null, null, null, null)).toJson());
  }

  static GatewayConfig config(int port) {
    return GatewayConfig.defaults().with(Map.of("http.port", String.valueOf(port), "stream.heartbeat-interval",
        "200ms"));
  }

  @Test
  void followResumesAfterADisconnectWithoutLossOrDuplicates(Vertx vertx) throws Exception {
    FakeCoordinator coordinator = new FakeCoordinator(vertx);
    coordinator.start().await();
    Gateway gateway = Gateway.start(vertx, config(0)).await();
    try (CuttableProxy proxy = CuttableProxy.start(vertx, gateway.port())) {
      Background cli = new Background("http://127.0.0.1:" + proxy.port(), "events", "--follow", "--kind",
          "CoordinatorNote", "--max-events", "6", "-o", "json");
      Await.until("the stream to open", Duration.ofSeconds(10), () -> subscribed(gateway));
      for (int i = 1; i <= 3; i++) {
        note(vertx, "before-" + i);
      }
      Await.until("three events printed", Duration.ofSeconds(10), () -> cli.events().size() == 3);
      proxy.cut(true); // the connection drops and stays refused for a while
      for (int i = 1; i <= 3; i++) {
        note(vertx, "during-" + i);
      }
      Await.until("the gateway to hold all six", Duration.ofSeconds(5),
          () -> gateway.view().events().lastSeq() >= 6 && !subscribed(gateway));
      Await.until("a reconnect attempt", Duration.ofSeconds(10), () -> cli.err.toString().contains("krishiv:"));
      proxy.heal();
      int code = cli.exit.get(30, TimeUnit.SECONDS);
      assertEquals(0, code, "stderr: " + cli.err + "\nstdout: " + cli.out);
      List<String> details = cli.events().stream().map(e -> e.getJsonObject("event").getString("detail"))
          .collect(Collectors.toList());
      assertEquals(List.of("before-1", "before-2", "before-3", "during-1", "during-2", "during-3"), details,
          "every event once, in order, across the disconnect");
      List<Long> seqs = cli.events().stream().map(e -> Long.parseLong(e.getString("cursor").split(":")[1]))
          .collect(Collectors.toList());
      for (int i = 1; i < seqs.size(); i++) {
        assertTrue(seqs.get(i) > seqs.get(i - 1), "cursors increase: " + seqs);
      }
      assertTrue(cli.err.toString().contains("resuming from") || cli.err.toString().contains("reconnecting from"),
          cli.err.toString());
    } finally {
      gateway.stop().await();
      coordinator.stop().await();
    }
  }

  @Test
  void followReportsTheResetWhenTheGatewayRestarts(Vertx vertx) throws Exception {
    FakeCoordinator coordinator = new FakeCoordinator(vertx);
    coordinator.start().await();
    Gateway first = Gateway.start(vertx, config(0)).await();
    int port = first.port();
    Background cli = new Background(first.url(), "events", "--follow", "--kind", "CoordinatorNote", "--max-events",
        "2", "-o", "json");
    Gateway second = null;
    try {
      Await.until("the stream to open", Duration.ofSeconds(10), () -> subscribed(first));
      note(vertx, "first-epoch");
      Await.until("one event printed", Duration.ofSeconds(10), () -> cli.events().size() == 1);
      first.stop().await();
      second = Gateway.start(vertx, config(port)).await(); // a new process would have a new epoch: so has this
      Gateway restarted = second;
      Await.until("the CLI to reconnect", Duration.ofSeconds(15), () -> subscribed(restarted));
      note(vertx, "second-epoch");
      assertEquals(0, cli.exit.get(30, TimeUnit.SECONDS), cli.err.toString());
      assertEquals("second-epoch", cli.events().get(1).getJsonObject("event").getString("detail"));
      assertTrue(cli.events().get(1).getString("cursor").startsWith(second.view().epoch() + ":"));
      assertTrue(cli.err.toString().contains("reset the stream (epoch_changed)"), cli.err.toString());
    } finally {
      if (second != null) {
        second.stop().await();
      }
      coordinator.stop().await();
    }
  }

  private static boolean subscribed(Gateway g) {
    return g.stream().stats().subscribers() > 0;
  }
}
