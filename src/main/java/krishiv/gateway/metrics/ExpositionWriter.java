package krishiv.gateway.metrics;

import io.vertx.core.buffer.Buffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Writes metric families in Prometheus text 0.0.4 or OpenMetrics 1.0 straight into a growable byte array: one
 * call per family header, then per sample {@code series(name).label(..)...value(..)}. No per-line allocation,
 * which is what keeps 50,000 lines cheap. Label values are escaped ({@code \\}, {@code "}, newline); samples carry
 * no timestamps. Not thread-safe: one writer per rendering.
 */
final class ExpositionWriter {
  private final ExpositionFormat format;
  private byte[] buf;
  private int len;
  private boolean labelsOpen;

  ExpositionWriter(ExpositionFormat format, int initialCapacity) {
    this.format = Objects.requireNonNull(format, "format");
    this.buf = new byte[Math.max(64, initialCapacity)];
  }

  ExpositionFormat format() {
    return format;
  }

  /** {@code # HELP} and {@code # TYPE} of a family; its samples must follow before the next family. */
  void family(MetricFamily f) {
    String name = f.familyName(format);
    ascii("# HELP ").ascii(name).ascii(" ").ascii(f.help()).newline();
    ascii("# TYPE ").ascii(name).ascii(" ").ascii(f.type().label()).newline();
  }

  /** Starts a sample line. */
  ExpositionWriter series(String metricName) {
    ascii(metricName);
    labelsOpen = false;
    return this;
  }

  ExpositionWriter label(String name, String value) {
    ensure(name.length() + 4);
    buf[len++] = (byte) (labelsOpen ? ',' : '{');
    labelsOpen = true;
    ascii(name);
    buf[len++] = '=';
    buf[len++] = '"';
    escaped(value);
    ensure(1);
    buf[len++] = '"';
    return this;
  }

  ExpositionWriter label(String name, long value) {
    ensure(name.length() + 24);
    buf[len++] = (byte) (labelsOpen ? ',' : '{');
    labelsOpen = true;
    ascii(name);
    buf[len++] = '=';
    buf[len++] = '"';
    number(value);
    buf[len++] = '"';
    return this;
  }

  /** Ends the sample line with an integer value. */
  void value(long value) {
    closeLabels();
    number(value);
    newline();
  }

  /** Ends the sample line with a value in seconds given in milliseconds (exact: {@code 1718000000.123}). */
  void valueMillisAsSeconds(long millis) {
    closeLabels();
    ensure(24);
    if (millis < 0) {
      buf[len++] = '-';
      millis = -millis;
    }
    number(millis / 1000);
    long frac = millis % 1000;
    buf[len++] = '.';
    buf[len++] = (byte) ('0' + frac / 100);
    buf[len++] = (byte) ('0' + frac / 10 % 10);
    buf[len++] = (byte) ('0' + frac % 10);
    newline();
  }

  /** Ends the sample line with a decimal value. */
  void value(double value) {
    closeLabels();
    if (Double.isNaN(value)) {
      ascii("NaN");
    } else if (Double.isInfinite(value)) {
      ascii(value > 0 ? "+Inf" : "-Inf");
    } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      number((long) value);
    } else {
      ascii(Double.toString(value));
    }
    newline();
  }

  /** The OpenMetrics terminator; nothing may follow it. */
  void eof() {
    ascii("# EOF").newline();
  }

  int size() {
    return len;
  }

  Buffer toBuffer() {
    return Buffer.buffer(Arrays.copyOf(buf, len));
  }

  private void closeLabels() {
    ensure(2);
    if (labelsOpen) {
      buf[len++] = '}';
      labelsOpen = false;
    }
    buf[len++] = ' ';
  }

  private ExpositionWriter newline() {
    ensure(1);
    buf[len++] = '\n';
    return this;
  }

  /** Metric names, label names and help texts: ASCII by construction. */
  private ExpositionWriter ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) s.charAt(i);
    }
    return this;
  }

  private void escaped(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c == '\\' || c == '"') {
          ensure(2);
          buf[len++] = '\\';
          buf[len++] = (byte) c;
        } else if (c == '\n') {
          ensure(2);
          buf[len++] = '\\';
          buf[len++] = 'n';
        } else {
          ensure(1);
          buf[len++] = (byte) c;
        }
      } else {
        i = utf8(s, i, c);
      }
    }
  }

  /** Encodes one non-ASCII char (or surrogate pair) at {@code i}; returns the index of its last char. */
  private int utf8(String s, int i, char c) {
    ensure(4);
    if (c < 0x800) {
      buf[len++] = (byte) (0xC0 | c >> 6);
      buf[len++] = (byte) (0x80 | c & 0x3F);
      return i;
    }
    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
      int cp = Character.toCodePoint(c, s.charAt(i + 1));
      buf[len++] = (byte) (0xF0 | cp >> 18);
      buf[len++] = (byte) (0x80 | cp >> 12 & 0x3F);
      buf[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
      buf[len++] = (byte) (0x80 | cp & 0x3F);
      return i + 1;
    }
    if (Character.isSurrogate(c)) {
      buf[len++] = '?'; // a lone surrogate has no UTF-8 form; the output must stay valid UTF-8
      return i;
    }
    buf[len++] = (byte) (0xE0 | c >> 12);
    buf[len++] = (byte) (0x80 | c >> 6 & 0x3F);
    buf[len++] = (byte) (0x80 | c & 0x3F);
    return i;
  }

  private void number(long v) {
    ensure(20);
    if (v == Long.MIN_VALUE) {
      ascii(Long.toString(v));
      return;
    }
    if (v < 0) {
      buf[len++] = '-';
      v = -v;
    }
    if (v < 10) {
      buf[len++] = (byte) ('0' + v);
      return;
    }
    int start = len;
    while (v > 0) {
      buf[len++] = (byte) ('0' + v % 10);
      v /= 10;
    }
    for (int a = start, b = len - 1; a < b; a++, b--) {
      byte t = buf[a];
      buf[a] = buf[b];
      buf[b] = t;
    }
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }
}
