package krishiv.gateway.cli.support;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table sized to the terminal: columns as wide as their widest cell, and when the whole is wider
 * than the terminal, the last column (usually a name or a path) is cut with an ellipsis.
 */
public final class Table {
  private static final String RESET = "\u001b[0m";
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();
  private boolean color;

  public Table(String... headers) {
    this.headers = List.of(headers);
  }

  public Table row(Object... cells) {
    List<String> r = new ArrayList<>(cells.length);
    for (Object c : cells) {
      r.add(c == null ? "-" : String.valueOf(c));
    }
    rows.add(r);
    return this;
  }

  /** Colours the cells of STATE and STATUS columns (after padding, so widths stay right). */
  public Table color(boolean on) {
    this.color = on;
    return this;
  }

  public int size() {
    return rows.size();
  }

  public void print(PrintWriter out, int terminalWidth) {
    int n = headers.size();
    int[] width = new int[n];
    for (int i = 0; i < n; i++) {
      width[i] = headers.get(i).length();
    }
    for (List<String> r : rows) {
      for (int i = 0; i < n && i < r.size(); i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    int fixed = 0;
    for (int i = 0; i < n - 1; i++) {
      fixed += width[i] + 2;
    }
    width[n - 1] = Math.max(headers.get(n - 1).length(), Math.min(width[n - 1], terminalWidth - fixed));
    line(out, headers, width, false);
    for (List<String> r : rows) {
      line(out, r, width, color);
    }
    out.flush();
  }

  private void line(PrintWriter out, List<String> cells, int[] width, boolean colored) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      String c = i < cells.size() ? cells.get(i) : "";
      if (c.length() > width[i]) {
        c = c.substring(0, Math.max(0, width[i] - 1)) + "…";
      }
      String code = colored && isStateColumn(i) ? ansi(c) : null;
      sb.append(code == null ? c : code + c + RESET);
      if (i < width.length - 1) {
        sb.append(" ".repeat(width[i] - c.length() + 2));
      }
    }
    out.println(sb.toString().stripTrailing());
  }

  private boolean isStateColumn(int i) {
    String h = headers.get(i);
    return "STATE".equals(h) || "STATUS".equals(h);
  }

  /** Green for what is well, red for what failed or is gone, yellow for what waits or retries. */
  static String ansi(String state) {
    switch (state) {
      case "healthy": case "running": case "succeeded": case "ok": case "active":
        return "\u001b[32m";
      case "lost": case "failed": case "failing": case "removed": case "cancelled":
        return "\u001b[31m";
      case "retrying": case "draining": case "queued": case "pending": case "registered": case "assigned":
        return "\u001b[33m";
      default:
        return null;
    }
  }

  /** The terminal width: $COLUMNS when set, else 120. */
  public static int terminalWidth(java.util.Map<String, String> env) {
    try {
      int c = Integer.parseInt(env.getOrDefault("COLUMNS", "120").trim());
      return c >= 40 ? c : 120;
    } catch (NumberFormatException e) {
      return 120;
    }
  }
}
