package dev.sluice.planner.function;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * The built-in table functions: functions that turn one input row into zero or more output rows, one per
 * element of the list they return. They are written as {@link Udf} methods returning the whole list of
 * output values, so that the planner can compile their call like any scalar call (in the Calc before the
 * FlatMap step) and the FlatMap step only has to iterate the lists. A NULL result, like an empty list,
 * gives no rows. Their SQL type is the element type of the Java return type.
 */
public final class TableFunctions {
  private TableFunctions() {}

  /** The category and type under which SHOW FUNCTIONS lists them. */
  public static final String TABLE = "TABLE";

  private static final String EXPLODE = "Explodes an array. This function outputs one value for each element"
      + " of the array.";

  @Udf(name = "EXPLODE", category = TABLE, description = EXPLODE)
  public static <T> List<T> explode(@UdfParam(value = "list", description = "the array to explode") List<T> list) {
    return list;
  }

  /** ksqlDB lists a separate DECIMAL variation; it keeps the precision and scale of the elements. */
  @Udf(name = "EXPLODE", category = TABLE, description = EXPLODE, returnTypeMethod = "sameAsArgument")
  public static List<BigDecimal> explodeDecimal(
      @UdfParam(value = "input", description = "the array to explode") List<BigDecimal> input) {
    return input;
  }

  @Udf(name = "CUBE_EXPLODE", category = TABLE, description = "Takes as argument a list of columns and outputs"
      + " all possible combinations of them: every column either kept or replaced by NULL. A NULL column"
      + " gives only the combinations where it is NULL, so no combination repeats.")
  public static <T> List<List<T>> cubeExplode(
      @UdfParam(value = "columns", description = "the columns to combine") List<T> columns) {
    if (columns == null) {
      return null;
    }
    int n = columns.size();
    if (n > 30) {
      throw new IllegalArgumentException("CUBE_EXPLODE supports at most 30 columns, got " + n);
    }
    // Bit j of a combination (from the left) keeps column j; a NULL column's bit must be 0, since keeping
    // it would repeat the combination that drops it. Ascending order gives ksqlDB's order: all NULL first.
    int nullMask = 0;
    for (int j = 0; j < n; j++) {
      if (columns.get(j) == null) {
        nullMask |= 1 << (n - 1 - j);
      }
    }
    List<List<T>> out = new ArrayList<>(1 << (n - Integer.bitCount(nullMask)));
    for (int combination = 0; combination < 1 << n; combination++) {
      if ((combination & nullMask) != 0) {
        continue;
      }
      List<T> row = new ArrayList<>(n);
      for (int j = 0; j < n; j++) {
        row.add((combination & (1 << (n - 1 - j))) != 0 ? columns.get(j) : null);
      }
      out.add(row);
    }
    return out;
  }

  /** The DECIMAL variation's type: that of its argument, precision and scale included. */
  public static RelDataType sameAsArgument(RelDataTypeFactory tf, List<RelDataType> args) {
    return args.get(0);
  }
}
