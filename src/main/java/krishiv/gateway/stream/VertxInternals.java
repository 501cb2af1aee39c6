package krishiv.gateway.stream;

import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelOption;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.internal.http.WebSocketInternal;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * The two things the stream needs that Vert.x 5.0.7 has no public API for, kept in one place:
 * <ul>
 *   <li>a text frame from bytes already encoded: the public {@code textFrame(String)} re-encodes the string for
 *       every connection, while fan-out wants one buffer written to thousands;</li>
 *   <li>resetting a TCP connection: {@code ServerWebSocket.close()} and {@code HttpConnection.close()} both queue
 *       behind data the peer is not reading (the close is written after a flush that never completes), so a
 *       stuck peer would hold its socket until the idle timeout. Closing the Netty channel with
 *       {@code SO_LINGER=0} releases it at once with an RST.</li>
 * </ul>
 */
final class VertxInternals {
  private VertxInternals() {}

  /** A final text frame over {@code utf8} without copying it (each frame gets its own reader index). */
  static WebSocketFrame textFrame(Buffer utf8) {
    return new WebSocketFrameImpl(WebSocketFrameType.TEXT, ((BufferInternal) utf8).getByteBuf(), true);
  }

  static void reset(ServerWebSocket ws) {
    if (ws instanceof WebSocketInternal) {
      reset(((WebSocketInternal) ws).channelHandlerContext().channel());
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
      // not a TCP socket (e.g. a local channel in tests): a plain close is the best there is
    }
    channel.close();
  }
}
