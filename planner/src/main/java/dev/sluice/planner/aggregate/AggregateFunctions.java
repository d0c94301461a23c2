package dev.sluice.planner.aggregate;

import dev.sluice.planner.schema.SqlType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in aggregate functions and their types, as ksqlDB types them: COUNT is BIGINT, SUM keeps its
 * argument's type (INT stays INT, DECIMAL keeps its precision and scale), AVG is DOUBLE, MIN and MAX keep
 * their argument's type. Each function also names the columns of its state, which the engine stores.
 */
public final class AggregateFunctions {
  public static final Set<String> NAMES = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX");

  /** Functions that cannot take back a value, so cannot aggregate a table (whose rows change). */
  public static final Set<String> NOT_UNDOABLE = Set.of("MIN", "MAX");

  private AggregateFunctions() {}

  public static boolean isAggregate(String name) {
    return NAMES.contains(name.toUpperCase(Locale.ROOT));
  }

  /**
   * The result type of {@code function} over an argument of {@code argument} (null for COUNT(*)), or empty
   * when the function does not take that type.
   */
  public static Optional<SqlType> resultType(String function, SqlType argument) {
    switch (function) {
      case "COUNT":
        return Optional.of(SqlType.BIGINT);
      case "SUM":
        return numeric(argument) ? Optional.of(argument) : Optional.empty();
      case "AVG":
        return numeric(argument) ? Optional.of(SqlType.DOUBLE) : Optional.empty();
      case "MIN":
      case "MAX":
        return comparable(argument) ? Optional.of(argument) : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  /** The types of the state columns of {@code function} over {@code argument}. */
  public static List<SqlType> stateTypes(String function, SqlType argument) {
    switch (function) {
      case "COUNT":
        return List.of(SqlType.BIGINT);
      case "AVG":
        return List.of(argument.base() == SqlType.BaseType.DOUBLE ? SqlType.DOUBLE
            : argument.base() == SqlType.BaseType.DECIMAL ? argument : SqlType.BIGINT, SqlType.BIGINT);
      default:
        return List.of(argument);
    }
  }

  private static boolean numeric(SqlType t) {
    if (t == null) {
      return false;
    }
    switch (t.base()) {
      case INTEGER:
      case BIGINT:
      case DOUBLE:
      case DECIMAL:
        return true;
      default:
        return false;
    }
  }

  private static boolean comparable(SqlType t) {
    if (t == null) {
      return false;
    }
    switch (t.base()) {
      case INTEGER:
      case BIGINT:
      case DOUBLE:
      case DECIMAL:
      case STRING:
      case DATE:
      case TIME:
      case TIMESTAMP:
      case BYTES:
        return true;
      default:
        return false;
    }
  }
}
