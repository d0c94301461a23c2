package dev.sluice.planner.aggregate;

import dev.sluice.planner.schema.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in aggregate functions and their types, as ksqlDB types them. Each function takes one or more
 * column arguments (COUNT(*) none) and, for some, trailing literal parameters (TOPK's k, EARLIEST_BY_OFFSET's
 * N and ignoreNulls). This class says how many of a call's arguments are literals, what the result type is
 * and which columns the state has; the engine's {@code Aggregation} computes them.
 *
 * <p>The state types are ours, not ksqlDB's intermediate types (AVG keeps a sum and a count in two columns
 * where ksqlDB has a STRUCT), but they hold the same information: EARLIEST/LATEST_BY_OFFSET keep the
 * sequence number of each value with it, as ksqlDB's {@code STRUCT<SEQ BIGINT, VAL T>}, so that merged
 * session windows still know which value came first.
 */
public final class AggregateFunctions {
  public static final String COLLECT_LIST = "COLLECT_LIST";
  public static final String COLLECT_SET = "COLLECT_SET";
  public static final String EARLIEST = "EARLIEST_BY_OFFSET";
  public static final String LATEST = "LATEST_BY_OFFSET";
  public static final String TOPK = "TOPK";
  public static final String TOPKDISTINCT = "TOPKDISTINCT";

  public static final Set<String> NAMES = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX", COLLECT_LIST, COLLECT_SET,
      TOPK, TOPKDISTINCT, EARLIEST, LATEST, "HISTOGRAM", "COUNT_DISTINCT", "STDDEV_SAMP", "STDDEV_SAMPLE",
      "CORRELATION", "SUM_LIST", "ATTR");

  /** Functions that cannot take back a value, so cannot aggregate a table (whose rows change). */
  public static final Set<String> NOT_UNDOABLE = Set.of("MIN", "MAX", COLLECT_SET, TOPK, TOPKDISTINCT, EARLIEST,
      LATEST, "COUNT_DISTINCT");

  /**
   * Functions whose ksqlDB intermediate type is a STRUCT, ARRAY or MAP, which ksqlDB stores in the source's
   * value format: DELIMITED cannot hold it, so ksqlDB rejects these over a DELIMITED source.
   */
  public static final Set<String> COMPLEX_INTERMEDIATE = Set.of("AVG", COLLECT_LIST, COLLECT_SET, TOPK,
      TOPKDISTINCT, EARLIEST, LATEST, "HISTOGRAM", "COUNT_DISTINCT", "STDDEV_SAMP", "STDDEV_SAMPLE",
      "CORRELATION", "ATTR");

  /** ksqlDB's default for {@code ksql.functions.collect_list.limit} and {@code collect_set.limit}. */
  public static final int COLLECT_LIMIT = 1000;

  /** HISTOGRAM keeps at most this many distinct values, as ksqlDB. */
  public static final int HISTOGRAM_LIMIT = 1000;

  /** The name of TOPK's sort field when it carries other columns along. */
  public static final String TOPK_SORT_FIELD = "sort_col";

  private AggregateFunctions() {}

  public static boolean isAggregate(String name) {
    return NAMES.contains(name.toUpperCase(Locale.ROOT));
  }

  /**
   * How many of the {@code argCount} arguments of a call of {@code function} are trailing literal parameters
   * rather than columns: TOPK's and TOPKDISTINCT's last (k), everything after EARLIEST/LATEST_BY_OFFSET's
   * first (N, ignoreNulls).
   */
  public static int literalCount(String function, int argCount) {
    switch (function) {
      case TOPK:
      case TOPKDISTINCT:
        return argCount >= 2 ? 1 : 0;
      case EARLIEST:
      case LATEST:
        return Math.max(0, argCount - 1);
      default:
        return 0;
    }
  }

  /**
   * The result type of {@code function} over columns of {@code arguments} (empty for COUNT(*)) and literal
   * parameters {@code literals} (Integer, Long, Boolean, String or null), or empty when the function does not
   * take them.
   */
  public static Optional<SqlType> resultType(String function, List<SqlType> arguments, List<Object> literals) {
    SqlType arg = arguments.isEmpty() ? null : arguments.get(0);
    switch (function) {
      case "COUNT":
        return arguments.size() <= 1 && literals.isEmpty() ? Optional.of(SqlType.BIGINT) : Optional.empty();
      case "CORRELATION":
        return arguments.size() == 2 && literals.isEmpty() && numeric(arguments.get(0))
            && numeric(arguments.get(1)) ? Optional.of(SqlType.DOUBLE) : Optional.empty();
      case TOPK:
        if (arguments.isEmpty() || literals.size() != 1 || !(literals.get(0) instanceof Integer)
            || !comparable(arg)) {
          return Optional.empty();
        }
        return Optional.of(new SqlType.Array(arguments.size() == 1 ? arg : topkStruct(arguments)));
      case TOPKDISTINCT:
        return arguments.size() == 1 && literals.size() == 1 && literals.get(0) instanceof Integer
            && comparable(arg) ? Optional.of(new SqlType.Array(arg)) : Optional.empty();
      case EARLIEST:
      case LATEST:
        if (arguments.size() != 1 || offsetCount(literals) == null) {
          return Optional.empty();
        }
        return Optional.of(offsetCount(literals).isPresent() ? new SqlType.Array(arg) : arg);
      default:
        break;
    }
    if (arguments.size() != 1 || !literals.isEmpty()) {
      return Optional.empty();
    }
    switch (function) {
      case "SUM":
        return numeric(arg) ? Optional.of(arg) : Optional.empty();
      case "AVG":
      case "STDDEV_SAMP":
      case "STDDEV_SAMPLE":
        return numeric(arg) ? Optional.of(SqlType.DOUBLE) : Optional.empty();
      case "MIN":
      case "MAX":
        return comparable(arg) ? Optional.of(arg) : Optional.empty();
      case COLLECT_LIST:
      case COLLECT_SET:
        return Optional.of(new SqlType.Array(arg));
      case "ATTR":
        return Optional.of(arg);
      case "HISTOGRAM":
        return arg.base() == SqlType.BaseType.STRING ? Optional.of(new SqlType.Map(SqlType.STRING, SqlType.BIGINT))
            : Optional.empty();
      case "COUNT_DISTINCT":
        return Optional.of(SqlType.BIGINT);
      case "SUM_LIST":
        if (arg instanceof SqlType.Array a && (a.element().base() == SqlType.BaseType.INTEGER
            || a.element().base() == SqlType.BaseType.BIGINT || a.element().base() == SqlType.BaseType.DOUBLE)) {
          return Optional.of(a.element());
        }
        return Optional.empty();
      default:
        return Optional.empty();
    }
  }

  /**
   * The N of an EARLIEST/LATEST_BY_OFFSET call's literals: empty for the single-value form, null when the
   * literals are not one of (), (N), (ignoreNulls), (N, ignoreNulls).
   */
  public static Optional<Integer> offsetCount(List<Object> literals) {
    if (literals.isEmpty() || literals.size() == 1 && literals.get(0) instanceof Boolean) {
      return Optional.empty();
    }
    if (literals.get(0) instanceof Integer n
        && (literals.size() == 1 || literals.size() == 2 && literals.get(1) instanceof Boolean)) {
      return Optional.of(n);
    }
    return null;
  }

  /** Whether an EARLIEST/LATEST_BY_OFFSET call skips nulls (the default). */
  public static boolean ignoreNulls(List<Object> literals) {
    Object last = literals.isEmpty() ? null : literals.get(literals.size() - 1);
    return !(last instanceof Boolean b) || b;
  }

  /** TOPK(sort, other1, ..., k): STRUCT&lt;sort_col, col0, col1, ...&gt;, as ksqlDB names the fields. */
  private static SqlType topkStruct(List<SqlType> arguments) {
    List<SqlType.Field> fields = new ArrayList<>();
    fields.add(new SqlType.Field(TOPK_SORT_FIELD, arguments.get(0)));
    for (int i = 1; i < arguments.size(); i++) {
      fields.add(new SqlType.Field("col" + (i - 1), arguments.get(i)));
    }
    return new SqlType.Struct(fields);
  }

  /** The sequence-and-value struct EARLIEST/LATEST_BY_OFFSET keep per value. */
  public static SqlType.Struct sequenced(SqlType value) {
    return new SqlType.Struct(List.of(new SqlType.Field("SEQ", SqlType.BIGINT), new SqlType.Field("VAL", value)));
  }

  /**
   * The types of the state columns of {@code function} over {@code arguments} and {@code literals}, its
   * result being {@code result}.
   */
  public static List<SqlType> stateTypes(String function, List<SqlType> arguments, List<Object> literals,
      SqlType result) {
    SqlType arg = arguments.isEmpty() ? null : arguments.get(0);
    switch (function) {
      case "COUNT":
      case "COUNT_DISTINCT":
        return function.equals("COUNT") ? List.of(SqlType.BIGINT) : List.of(SqlType.BYTES);
      case "AVG":
        // a DECIMAL sum gets all 38 digits: the sum of many values outgrows the column's precision, and a
        // sum that no longer fits fails the query
        return List.of(arg.base() == SqlType.BaseType.DOUBLE ? SqlType.DOUBLE
            : arg.base() == SqlType.BaseType.DECIMAL ? new SqlType.Decimal(38, ((SqlType.Decimal) arg).scale())
            : SqlType.BIGINT, SqlType.BIGINT);
      case "STDDEV_SAMP":
      case "STDDEV_SAMPLE":
        // count, mean, sum of squared differences from the mean (Welford)
        return List.of(SqlType.BIGINT, SqlType.DOUBLE, SqlType.DOUBLE);
      case "CORRELATION":
        // sums of x, y, x², y², xy, and the count, as ksqlDB keeps them (so that results agree to the bit)
        return List.of(SqlType.DOUBLE, SqlType.DOUBLE, SqlType.DOUBLE, SqlType.DOUBLE, SqlType.DOUBLE,
            SqlType.BIGINT);
      case EARLIEST:
      case LATEST:
        return List.of(offsetCount(literals).isPresent() ? new SqlType.Array(sequenced(arg)) : sequenced(arg));
      case "ATTR":
        // each distinct value (null included) with its number of rows
        return List.of(new SqlType.Array(new SqlType.Struct(List.of(new SqlType.Field("VALUE", arg),
            new SqlType.Field("COUNT", SqlType.BIGINT)))));
      case COLLECT_LIST:
      case COLLECT_SET:
      case TOPK:
      case TOPKDISTINCT:
      case "HISTOGRAM":
      case "SUM_LIST":
        return List.of(result);
      default:
        return List.of(arg);
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
