package dev.sluice.planner.catalog;

import dev.sluice.planner.schema.SqlType;
import java.util.List;

/**
 * The columns every source row has without declaring them: the record's timestamp, partition and offset,
 * and for a windowed source (WINDOW_TYPE) the bounds of its key's window. They are selectable by name but
 * never part of {@code SELECT *}.
 */
public final class PseudoColumns {
  public static final String ROWTIME = "ROWTIME";
  public static final String ROWPARTITION = "ROWPARTITION";
  public static final String ROWOFFSET = "ROWOFFSET";

  /** Name and type of each pseudo-column, in the order they follow the declared columns of a row. */
  public static final List<String> NAMES = List.of(ROWTIME, ROWPARTITION, ROWOFFSET);
  public static final List<SqlType> TYPES = List.of(SqlType.BIGINT, SqlType.INTEGER, SqlType.BIGINT);

  public static final String WINDOWSTART = "WINDOWSTART";
  public static final String WINDOWEND = "WINDOWEND";

  /** The window bounds of a windowed source's rows, in epoch millis, after the other pseudo-columns. */
  public static final List<String> WINDOW_NAMES = List.of(WINDOWSTART, WINDOWEND);

  private PseudoColumns() {}

  public static boolean isPseudo(String name) {
    return NAMES.contains(name);
  }

  /** Whether {@code name} is a window bound, WINDOWSTART or WINDOWEND. */
  public static boolean isWindowBound(String name) {
    return WINDOW_NAMES.contains(name);
  }
}
