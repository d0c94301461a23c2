package dev.sluice.engine.runtime;

import dev.sluice.planner.function.Aggregator;
import dev.sluice.planner.function.FunctionRegistry;
import dev.sluice.planner.function.TableAggregator;
import dev.sluice.planner.plan.Aggregate;
import dev.sluice.planner.schema.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A call of a user-defined aggregate function: an {@link Accumulator} that calls the user's
 * {@link Aggregator}, made once per query by the function's factory. Its state is one slot holding the
 * aggregate value, of the aggregate's SQL type, so the store's serde writes it to the state store and its
 * changelog like a built-in's state (and reads it back after a restart).
 *
 * <p>User code is not trusted to be correct: an exception (or a value that is not of the declared SQL type)
 * on one record is reported to {@code errors}, for the processing log, and that record leaves the aggregate
 * as it was; a failing {@code map} gives a NULL result, a failing {@code merge} keeps the earlier window's
 * aggregate, a failing {@code initialize} starts from NULL. The query keeps running.
 */
final class UdafAccumulator extends Accumulator {
  private final String name;
  /** The prepared row's columns of the arguments, first to last. */
  private final int[] args;
  private final Aggregator<Object, Object, Object> aggregator;
  private final List<SqlType> columnTypes;
  /** The types the overload takes: a column's, or a wider number type. */
  private final List<SqlType> inputTypes;
  private final SqlType aggregateType;
  private final SqlType resultType;
  private final BiConsumer<String, RuntimeException> errors;

  /**
   * @param errors where a failure of the user's code goes: a message and the exception
   */
  UdafAccumulator(Aggregate.Call call, int at, FunctionRegistry functions,
      BiConsumer<String, RuntimeException> errors) {
    super(at);
    FunctionRegistry.AggregateResolution r = functions.resolveAggregate(call.function(), call.argumentTypes(),
        call.literals());
    if (r == null) {
      // The plan was made with a jar that is gone or changed since.
      throw new IllegalStateException("The user-defined aggregate function " + call.function() + " has no"
          + " overload for " + call.argumentTypes().stream().map(SqlType::sql).toList() + " with "
          + call.literals() + " any more: is its jar still in the extension directory?");
    }
    this.name = call.function();
    this.args = new int[1 + call.moreArguments().size()];
    args[0] = call.argument();
    for (int i = 1; i < args.length; i++) {
      args[i] = call.moreArguments().get(i - 1);
    }
    this.aggregator = r.overload().create(call.literals());
    this.columnTypes = call.argumentTypes();
    this.inputTypes = r.types().inputs();
    this.aggregateType = r.types().aggregate();
    this.resultType = r.types().result();
    this.errors = errors;
  }

  /** The type of the one state column: the aggregate's. */
  SqlType stateType() {
    return aggregateType;
  }

  @Override
  void init(Object[] state) {
    try {
      state[at] = conform(aggregator.initialize(), aggregateType);
    } catch (RuntimeException e) {
      errors.accept("Error in user-defined aggregate function " + name + " (initialize), starting from NULL: "
          + e, e);
      state[at] = null;
    }
  }

  @Override
  void add(Object[] row, Object[] state) {
    try {
      state[at] = conform(aggregator.aggregate(input(row), copy(state[at])), aggregateType);
    } catch (RuntimeException e) {
      errors.accept("Error in user-defined aggregate function " + name + " (aggregate), record skipped: " + e, e);
    }
  }

  @Override
  void undo(Object[] row, Object[] state) {
    if (!(aggregator instanceof TableAggregator<Object, Object, Object> table)) {
      // The planner refuses a table aggregation of such a function.
      throw new IllegalStateException(name + " cannot be applied to a table");
    }
    try {
      state[at] = conform(table.undo(input(row), copy(state[at])), aggregateType);
    } catch (RuntimeException e) {
      errors.accept("Error in user-defined aggregate function " + name + " (undo), record skipped: " + e, e);
    }
  }

  @Override
  void merge(Object[] a, Object[] b, Object[] out) {
    try {
      out[at] = conform(aggregator.merge(copy(a[at]), copy(b[at])), aggregateType);
    } catch (RuntimeException e) {
      errors.accept("Error in user-defined aggregate function " + name + " (merge), the earlier session's"
          + " aggregate kept: " + e, e);
      out[at] = a[at];
    }
  }

  @Override
  Object result(Object[] state) {
    try {
      return conform(aggregator.map(copy(state[at])), resultType);
    } catch (RuntimeException e) {
      errors.accept("Error in user-defined aggregate function " + name + " (map), result set to NULL: " + e, e);
      return null;
    }
  }

  /**
   * The row's arguments as the overload takes them: the column's value, or an {@code Object[]} of the
   * columns' values for a function of several; narrower numbers widened.
   */
  private Object input(Object[] row) {
    if (args.length == 1) {
      return input(row[args[0]], 0);
    }
    Object[] values = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      values[i] = input(row[args[i]], i);
    }
    return values;
  }

  private Object input(Object v, int i) {
    return v == null || inputTypes.get(i).equals(columnTypes.get(i)) ? v : conform(v, inputTypes.get(i));
  }

  /**
   * A top-level copy of a list, map or struct, so that user code changing the value it gets does not change
   * the state Kafka Streams may still hold as the previous value.
   */
  private static Object copy(Object v) {
    if (v instanceof List<?> list) {
      return new ArrayList<>(list);
    } else if (v instanceof Map<?, ?> map) {
      return new LinkedHashMap<>(map);
    } else if (v instanceof Object[] struct) {
      return struct.clone();
    }
    return v;
  }

  /**
   * {@code v} as the Java class the engine uses for {@code type} at the top level: numbers converted (an
   * Integer where a BIGINT is due, a DECIMAL scaled to the type's scale), anything else of the wrong class
   * refused with a {@link ClassCastException}, which the caller reports.
   */
  static Object conform(Object v, SqlType type) {
    if (v == null) {
      return null;
    }
    switch (type.base()) {
      case INTEGER:
      case DATE:
      case TIME:
        return v instanceof Integer ? v : Integer.valueOf(Math.toIntExact(number(v, type).longValue()));
      case BIGINT:
      case TIMESTAMP:
        return v instanceof Long ? v : Long.valueOf(number(v, type).longValue());
      case DOUBLE:
        return v instanceof Double ? v : Double.valueOf(number(v, type).doubleValue());
      case DECIMAL:
        BigDecimal d = v instanceof BigDecimal b ? b : v instanceof Double x ? BigDecimal.valueOf(x)
            : BigDecimal.valueOf(number(v, type).longValue());
        return d.setScale(((SqlType.Decimal) type).scale(), RoundingMode.HALF_UP);
      case STRING:
        return expect(v, String.class, type);
      case BOOLEAN:
        return expect(v, Boolean.class, type);
      case BYTES:
        return expect(v, org.apache.calcite.avatica.util.ByteString.class, type);
      case ARRAY:
        return expect(v, List.class, type);
      case MAP:
        return expect(v, Map.class, type);
      case STRUCT:
        Object[] struct = expect(v, Object[].class, type);
        if (struct.length != ((SqlType.Struct) type).fields().size()) {
          throw new ClassCastException("A value of " + type.sql() + " must be an Object[] of "
              + ((SqlType.Struct) type).fields().size() + " field values, not " + struct.length);
        }
        return struct;
      default:
        return v;
    }
  }

  private static Number number(Object v, SqlType type) {
    return expect(v, Number.class, type);
  }

  private static <T> T expect(Object v, Class<T> c, SqlType type) {
    if (!c.isInstance(v)) {
      throw new ClassCastException("A value of " + type.sql() + " must be a " + c.getSimpleName() + ", not a "
          + v.getClass().getName());
    }
    return c.cast(v);
  }
}
