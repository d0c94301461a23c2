package dev.sluice.cli.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The boxed-less table ksqlDB's CLI prints for listings ({@code SHOW STREAMS}, {@code DESCRIBE}'s field
 * list, status messages): a header row, a dashed rule as wide as the table, the rows, the rule again.
 * Cells are separated by {@code " | "} and padded to the widest cell of their column.
 *
 * <p>Unlike ksqlDB, lines carry no trailing blanks, and line breaks inside a cell become spaces so a
 * multi-line query text cannot break the layout.
 */
public final class Table {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public Table(List<String> header) {
    this.header = List.copyOf(header);
  }

  public static Table withHeader(String... header) {
    return new Table(List.of(header));
  }

  /** Adds a row; null cells print as {@code null}, missing trailing cells as empty. */
  public Table row(Object... cells) {
    List<String> row = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      Object cell = i < cells.length ? cells[i] : "";
      row.add(String.valueOf(cell).replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '));
    }
    rows.add(row);
    return this;
  }

  /** The table text, each line ending with a newline. */
  public String render() {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    int ruleWidth = 2 + 3 * (widths.length - 1);
    for (int width : widths) {
      ruleWidth += width;
    }
    String rule = "-".repeat(ruleWidth) + "\n";
    StringBuilder out = new StringBuilder();
    line(out, header, widths);
    out.append(rule);
    for (List<String> row : rows) {
      line(out, row, widths);
    }
    out.append(rule);
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder(" ");
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(" | ");
      }
      line.append(cells.get(i));
      line.append(" ".repeat(widths[i] - cells.get(i).length()));
    }
    out.append(stripTrailing(line)).append('\n');
  }

  static String stripTrailing(CharSequence text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == ' ') {
      end--;
    }
    return text.subSequence(0, end).toString();
  }
}
