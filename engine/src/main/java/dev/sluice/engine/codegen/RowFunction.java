package dev.sluice.engine.codegen;

import org.apache.calcite.DataContext;

/**
 * A compiled filter + projection: reads an input row and, when the row passes the filter, writes the
 * projected values into {@code out}. Generated classes implement it; one instance per stream task,
 * because instances may hold function objects.
 */
public interface RowFunction {

  /** Returns false, leaving {@code out} untouched, when the row does not pass the filter. */
  boolean apply(DataContext root, Object[] in, Object[] out);

  /**
   * The first expression failure of the last {@link #apply} (its column was set to null), or null; reading
   * it clears it.
   */
  default RuntimeException takeError() {
    return null;
  }

  /** The output column whose expression failed, meaningful after {@link #takeError} returned a failure. */
  default int errorColumn() {
    return -1;
  }
}
