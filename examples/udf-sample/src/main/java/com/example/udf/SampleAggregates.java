package com.example.udf;

import dev.sluice.planner.function.Aggregator;
import dev.sluice.planner.function.TableAggregator;
import dev.sluice.planner.function.Udaf;

/**
 * Two user-defined aggregate functions: GEOMETRIC_MEAN(DOUBLE), which also aggregates tables (it can take a
 * value back out), and LONGEST(STRING), which aggregates streams only.
 */
public final class SampleAggregates {

  private SampleAggregates() {}

  /**
   * The geometric mean, the n-th root of the product of n values: the mean of growth rates, ratios and other
   * multiplicative quantities. Kept as the sum of the logarithms and the count, so it neither overflows nor
   * loses precision the way a running product would, and a value can be taken back out (a table's row
   * changed). Non-positive values have no logarithm: they are skipped, as are NULLs.
   */
  @Udaf(name = "GEOMETRIC_MEAN", description = "The geometric mean of the positive values of a column (NULLs"
      + " and values <= 0 are skipped); NULL when there are none.", inputDescription = "the values; INT and"
      + " BIGINT columns are widened to DOUBLE", aggregateType = "STRUCT<LOG_SUM DOUBLE, COUNT BIGINT>",
      category = "EXAMPLE", author = "Example Corp", version = "1.0.0")
  public static TableAggregator<Double, Object[], Double> geometricMean() {
    return new TableAggregator<>() {
      @Override
      public Object[] initialize() {
        return new Object[] {0.0, 0L};
      }

      @Override
      public Object[] aggregate(Double value, Object[] aggregate) {
        return value == null || value <= 0 ? aggregate : add(aggregate, Math.log(value), 1);
      }

      @Override
      public Object[] undo(Double value, Object[] aggregate) {
        return value == null || value <= 0 ? aggregate : add(aggregate, -Math.log(value), -1);
      }

      @Override
      public Object[] merge(Object[] first, Object[] second) {
        return add(first, (Double) second[0], (Long) second[1]);
      }

      @Override
      public Double map(Object[] aggregate) {
        long count = (Long) aggregate[1];
        return count <= 0 ? null : Math.exp((Double) aggregate[0] / count);
      }
    };
  }

  private static Object[] add(Object[] aggregate, double logSum, long count) {
    return new Object[] {(Double) aggregate[0] + logSum, (Long) aggregate[1] + count};
  }

  /**
   * The longest string: the first one seen among equally long ones. It cannot aggregate a table: taking the
   * longest string back out would need every other string of the group, which this aggregate does not keep.
   */
  @Udaf(name = "LONGEST", description = "The longest non-NULL string of a column, the earliest of equally long"
      + " ones. Not available for aggregating a table.", inputDescription = "the strings", category = "EXAMPLE",
      author = "Example Corp", version = "1.0.0")
  public static Aggregator<String, String, String> longest() {
    return new Aggregator<>() {
      @Override
      public String initialize() {
        return null;
      }

      @Override
      public String aggregate(String value, String aggregate) {
        return longer(aggregate, value);
      }

      @Override
      public String merge(String first, String second) {
        return longer(first, second);
      }

      @Override
      public String map(String aggregate) {
        return aggregate;
      }
    };
  }

  /** The longer of two strings, {@code first} when they are as long; a NULL is shorter than anything. */
  private static String longer(String first, String second) {
    if (second == null) {
      return first;
    }
    return first == null || second.codePointCount(0, second.length()) > first.codePointCount(0, first.length())
        ? second : first;
  }
}
