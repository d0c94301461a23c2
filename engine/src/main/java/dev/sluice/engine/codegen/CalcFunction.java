package dev.sluice.engine.codegen;

/**
 * The base of generated calc classes. Each projection is computed in its own try block: an expression that
 * fails on one record (a division by zero, a bad cast) makes that column null, as in ksqlDB, and the
 * failure is kept here for the caller to report to the processing log.
 */
public abstract class CalcFunction implements RowFunction {
  private RuntimeException error;
  private int errorColumn;

  /** Called by generated code when computing column {@code column} failed. */
  public final void fail(int column, RuntimeException e) {
    if (error == null) {
      error = e;
      errorColumn = column;
    }
  }

  @Override
  public final RuntimeException takeError() {
    RuntimeException e = error;
    error = null;
    return e;
  }

  @Override
  public final int errorColumn() {
    return errorColumn;
  }
}
