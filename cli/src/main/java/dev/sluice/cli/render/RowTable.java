package dev.sluice.cli.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Query results in ksqlDB's boxed layout, printed one row at a time while a query streams:
 *
 * <pre>
 * +----------+----------+
 * |USERID    |PAGE      |
 * +----------+----------+
 * |u1        |/home     |
 * +----------+----------+
 * </pre>
 *
 * <p>Rows of a push query may never end, so the widths cannot depend on the rows: they are fixed when
 * the header arrives, from the column names and types (or from a configured column width), and a value
 * wider than its column continues on the next line of the row (ksqlDB's {@code WRAP ON}).
 */
public final class RowTable {
  private final List<String> names;
  private final int[] widths;

  /**
   * @param columnWidth a fixed width for every column, or 0 to size each from its name and type
   */
  public RowTable(List<String> names, List<String> types, int columnWidth) {
    this.names = List.copyOf(names);
    this.widths = new int[names.size()];
    for (int i = 0; i < widths.length; i++) {
      String type = i < types.size() ? types.get(i) : "";
      widths[i] = columnWidth > 0 ? columnWidth : Math.max(names.get(i).length(), typeWidth(type));
    }
  }

  /** The border, the column names (wrapped like values if a column is narrower), the border again. */
  public String header() {
    return border() + row(names) + border();
  }

  /** One row, over several lines when a value is wider than its column. */
  public String row(List<String> values) {
    List<List<String>> chunks = new ArrayList<>();
    int lines = 1;
    for (int i = 0; i < widths.length; i++) {
      String value = i < values.size() ? values.get(i) : "";
      List<String> parts = wrap(value.replace("\r\n", " ").replace('\n', ' '), widths[i]);
      chunks.add(parts);
      lines = Math.max(lines, parts.size());
    }
    StringBuilder out = new StringBuilder();
    for (int line = 0; line < lines; line++) {
      List<String> cells = new ArrayList<>();
      for (List<String> parts : chunks) {
        cells.add(line < parts.size() ? parts.get(line) : "");
      }
      out.append(line(cells));
    }
    return out.toString();
  }

  /** The closing border printed when the query ends. */
  public String footer() {
    return border();
  }

  private String border() {
    StringBuilder out = new StringBuilder("+");
    for (int width : widths) {
      out.append("-".repeat(width)).append('+');
    }
    return out.append('\n').toString();
  }

  private String line(List<String> cells) {
    StringBuilder out = new StringBuilder("|");
    for (int i = 0; i < widths.length; i++) {
      String cell = cells.get(i);
      out.append(cell).append(" ".repeat(Math.max(0, widths[i] - cell.length()))).append('|');
    }
    return out.append('\n').toString();
  }

  private static List<String> wrap(String value, int width) {
    List<String> parts = new ArrayList<>();
    if (value.length() <= width) {
      parts.add(value);
      return parts;
    }
    for (int start = 0; start < value.length(); start += width) {
      parts.add(value.substring(start, Math.min(value.length(), start + width)));
    }
    return parts;
  }

  /** A width that fits typical values of the type, so most rows need no wrapping. */
  static int typeWidth(String type) {
    String base = type.toUpperCase(Locale.ROOT);
    int cut = indexOfAny(base, '(', '<', ' ');
    if (cut >= 0) {
      base = base.substring(0, cut);
    }
    switch (base) {
      case "BOOLEAN":
        return 5;
      case "INT":
      case "INTEGER":
      case "DATE":
        return 10;
      case "TIME":
        return 12;
      case "BIGINT":
      case "DOUBLE":
      case "DECIMAL":
        return 14;
      case "TIMESTAMP":
        return 24;
      case "ARRAY":
      case "MAP":
      case "STRUCT":
        return 24;
      default:
        return 16;
    }
  }

  private static int indexOfAny(String text, char... chars) {
    int best = -1;
    for (char c : chars) {
      int index = text.indexOf(c);
      if (index >= 0 && (best < 0 || index < best)) {
        best = index;
      }
    }
    return best;
  }
}
