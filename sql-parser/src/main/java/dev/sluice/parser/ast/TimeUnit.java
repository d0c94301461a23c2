package dev.sluice.parser.ast;


/**
 * The time units of WINDOW, WITHIN, GRACE PERIOD, RETENTION and TIMEOUT clauses and of
 * {@link Expression.IntervalUnit} arguments, singular or plural in the text.
 */
public enum TimeUnit {
  MILLISECONDS(java.util.concurrent.TimeUnit.MILLISECONDS),
  SECONDS(java.util.concurrent.TimeUnit.SECONDS),
  MINUTES(java.util.concurrent.TimeUnit.MINUTES),
  HOURS(java.util.concurrent.TimeUnit.HOURS),
  DAYS(java.util.concurrent.TimeUnit.DAYS);

  private final java.util.concurrent.TimeUnit unit;

  TimeUnit(java.util.concurrent.TimeUnit unit) {
    this.unit = unit;
  }

  public long toMillis(long value) {
    return unit.toMillis(value);
  }
}
