package krishiv.gateway.stream;

import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * The things the stream needs that Vert.x 5.0.7 has no public API for, kept in one place:
 * <ul>
 *   <li>a text frame from bytes already encoded: the public {@code textFrame(String)} re-encodes the string for
 *       every connection, while fan-out wants one buffer written to thousands;</li>
 *   <li>resetting a TCP connection: {@code ServerWebSocket.close()} and {@code HttpConnection.close()} both queue
 *       behind data the peer is not reading (the close is written after a flush that never completes), so a
 *       stuck peer would hold its socket until the idle timeout. Closing the Netty channel with
 *       {@code SO_LINGER=0} releases it at once with an RST;</li>
 *   <li>a fixed send buffer on stream connections only (the server option would apply to every request);</li>
 *   <li>the event loop's own context: each HTTP request runs on a duplicated context of its own, and a shard
 *       per request would mean one fan-out task per subscriber instead of one per event loop.</li>
 * </ul>
 * The channel is reached through the request's {@link HttpConnection} (an HTTP/1 {@link ConnectionBase}), which
 * stays the channel of the WebSocket after the upgrade: vertx-web wraps the {@code ServerWebSocket} and hides
 * its own. Any other connection type is left alone, and the idle timeout remains the fallback.
 */
final class VertxInternals {
  private VertxInternals() {}

  /** The root context of {@code context} (itself if it is not a duplicate). */
  static Context rootContext(Context context) {
    return context instanceof ContextInternal ? ((ContextInternal) context).unwrap() : context;
  }

  /** A final text frame over {@code utf8} without copying it (each frame gets its own reader index). */
  static WebSocketFrame textFrame(Buffer utf8) {
    return new WebSocketFrameImpl(WebSocketFrameType.TEXT, ((BufferInternal) utf8).getByteBuf(), true);
  }

  static void limitSendBuffer(HttpConnection connection, int bytes) {
    if (connection instanceof ConnectionBase) {
      limitSendBuffer(((ConnectionBase) connection).channel(), bytes);
    }
  }

  private static void limitSendBuffer(Channel channel, int bytes) {
    if (bytes <= 0 || channel == null) {
      return;
    }
    try {
      channel.config().setOption(ChannelOption.SO_SNDBUF, bytes);
    } catch (ChannelException e) {
      // not a TCP socket: nothing to limit
    }
  }

  static void reset(HttpConnection connection) {
    if (connection instanceof ConnectionBase) {
      reset(((ConnectionBase) connection).channel());
    }
  }

  private static void reset(Channel channel) {
    if (channel == null || !channel.isOpen()) {
      return;
    }
    try {
      channel.config().setOption(ChannelOption.SO_LINGER, 0);
    } catch (ChannelException e) {
      // not a TCP socket: a plain close is the best there is
    }
    // channel.close() would travel the pipeline to Vert.x's handler, which turns it into the same graceful
    // close (flush first). Closing from the first handler's context goes straight to the socket; Netty then
    // fires channelInactive through the pipeline, so Vert.x still runs its close handlers.
    ChannelHandlerContext first = channel.pipeline().firstContext();
    if (first != null) {
      first.close();
    } else {
      channel.unsafe().close(channel.voidPromise());
    }
  }
}
