package krishiv.gateway.cli.support;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table sized to the terminal: columns as wide as their widest cell, and when the whole is wider
 * than the terminal, the last column (usually a name or a path) is cut with an ellipsis.
 */
public final class Table {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

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
    line(out, headers, width);
    for (List<String> r : rows) {
      line(out, r, width);
    }
    out.flush();
  }

  private static void line(PrintWriter out, List<String> cells, int[] width) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      String c = i < cells.size() ? cells.get(i) : "";
      if (c.length() > width[i]) {
        c = c.substring(0, Math.max(0, width[i] - 1)) + "…";
      }
      sb.append(c);
      if (i < width.length - 1) {
        sb.append(" ".repeat(width[i] - c.length() + 2));
      }
    }
    out.println(sb.toString().stripTrailing());
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
