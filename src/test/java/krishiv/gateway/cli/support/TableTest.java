package krishiv.gateway.cli.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableTest {
  static String print(Table t, int width) {
    StringWriter w = new StringWriter();
    t.print(new PrintWriter(w), width);
    return w.toString();
  }

  @Test
  void columnsAreAsWideAsTheirWidestCellAndTheLastIsCutToTheTerminal() {
    String out = print(new Table("ID", "STATE", "NAME").row("job-1", "running", "a-very-long-job-name-indeed"), 30);
    String[] lines = out.split("\n");
    assertEquals("ID     STATE    NAME", lines[0]);
    assertEquals(30, lines[1].length());
    assertTrue(lines[1].endsWith("…"), lines[1]);
  }

  @Test
  void colourOnlyWhenAskedAndOnlyInTheStateColumn() {
    String plain = print(new Table("ID", "STATE").row("exec-1", "lost"), 80);
    assertFalse(plain.contains("\u001b"), "no colour unless asked (pipes, --no-color, NO_COLOR)");
    String colored = print(new Table("ID", "STATE").color(true).row("exec-1", "lost").row("exec-2", "healthy"), 80);
    assertTrue(colored.contains("\u001b[31mlost\u001b[0m"), colored);
    assertTrue(colored.contains("\u001b[32mhealthy\u001b[0m"), colored);
    assertFalse(colored.split("\n")[0].contains("\u001b"), "headers stay plain");
    assertTrue(colored.contains("exec-1  "), "padding counts the text, not the escape codes");
  }

  @Test
  void theTerminalWidthComesFromColumns() {
    assertEquals(90, Table.terminalWidth(Map.of("COLUMNS", "90")));
    assertEquals(120, Table.terminalWidth(Map.of()));
    assertEquals(120, Table.terminalWidth(Map.of("COLUMNS", "junk")));
  }
}
