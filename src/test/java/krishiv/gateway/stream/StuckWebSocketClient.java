package krishiv.gateway.stream;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A WebSocket client written by hand over a plain socket with a 4 KiB receive buffer: it completes the
 * handshake, reads the first frame, then stops reading, like a dashboard whose tab froze. {@link #drain} reads
 * what is left afterwards, to learn how the server ended the connection.
 */
final class StuckWebSocketClient implements AutoCloseable {
  /** What the client got once it read again: complete text frames, and how the connection ended. */
  record Drained(List<JsonObject> frames, boolean reset, Integer closeCode) {}

  private final Socket socket;
  private final DataInputStream in;

  private StuckWebSocketClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
  }

  static StuckWebSocketClient connect(int port, String uri) throws IOException {
    Socket s = new Socket();
    s.setReceiveBufferSize(4096); // before connect, so the window the server sees stays small
    s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    s.setSoTimeout(5000);
    OutputStream out = s.getOutputStream();
    out.write(("GET " + uri + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    StuckWebSocketClient c = new StuckWebSocketClient(s);
    String head = c.readHead();
    if (!head.startsWith("HTTP/1.1 101")) {
      s.close();
      throw new IOException("upgrade refused: " + head);
    }
    return c;
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (true) {
      head.write(in.readUnsignedByte());
      byte[] b = head.toByteArray();
      int n = b.length;
      if (n >= 4 && b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n') {
        return head.toString(StandardCharsets.US_ASCII);
      }
    }
  }

  /** Reads one frame: a text frame as JSON, a close frame as {"close": code}; null for others. */
  JsonObject readFrame() throws IOException {
    int b0 = in.readUnsignedByte();
    int b1 = in.readUnsignedByte();
    long len = b1 & 0x7f;
    if (len == 126) {
      len = in.readUnsignedShort();
    } else if (len == 127) {
      len = in.readLong();
    }
    byte[] payload = new byte[(int) len];
    in.readFully(payload);
    int opcode = b0 & 0x0f;
    if (opcode == 1) {
      return new JsonObject(new String(payload, StandardCharsets.UTF_8));
    }
    if (opcode == 8) {
      return new JsonObject().put("close", payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 0);
    }
    return null;
  }

  /** Reads until the connection ends (or 5 s of silence). */
  Drained drain() {
    List<JsonObject> frames = new ArrayList<>();
    Integer close = null;
    boolean reset = false;
    try {
      while (true) {
        JsonObject f = readFrame();
        if (f == null) {
          continue;
        }
        if (f.containsKey("close")) {
          close = f.getInteger("close");
        } else {
          frames.add(f);
        }
      }
    } catch (EOFException e) {
      // the server closed with a FIN
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the connection is still open: " + frames.size() + " frames read");
    } catch (IOException e) {
      reset = true; // "Connection reset": what the gateway's hard close looks like from here
    }
    return new Drained(frames, reset, close);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
