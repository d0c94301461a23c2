package dev.sluice.planner.plan;

import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.Expression;
import dev.sluice.parser.ast.Query;
import dev.sluice.parser.ast.SelectItem;
import dev.sluice.parser.ast.UnaryOperator;
import dev.sluice.planner.aggregate.AggregateFunctions;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.function.FunctionRegistry;
import dev.sluice.planner.function.UdafOverload;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.schema.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The parts of {@link AggregatePlanner} that turn an aggregate call of the AST into the step's
 * {@link Aggregate.Call}: literal parameters (which ksqlDB requires to be literal constants), type checks
 * with ksqlDB's messages, and the expansion of {@code SELECT *} before the projection is checked.
 */
final class AggregateCalls {
  private AggregateCalls() {}

  /**
   * The query with {@code *} replaced by the source's columns, keys first, as ksqlDB expands it before it
   * checks the projection against GROUP BY.
   */
  static Query expandStar(Query query, DataSource ds) {
    if (query.select().stream().noneMatch(i -> i instanceof SelectItem.AllColumns)) {
      return query;
    }
    List<SelectItem> select = new ArrayList<>();
    for (SelectItem item : query.select()) {
      if (item instanceof SelectItem.AllColumns all) {
        for (Column c : ds.schema().columns()) {
          select.add(new SelectItem.SingleColumn(all.pos(), new Expression.ColumnRef(all.pos(), all.source(),
              c.name()), Optional.empty()));
        }
      } else {
        select.add(item);
      }
    }
    return new Query(query.pos(), select, query.from(), query.window(), query.where(), query.groupBy(),
        query.partitionBy(), query.having(), query.emit(), query.limit());
  }

  /** The step's call of {@code call}, whose column arguments are the prepared columns {@code columns}. */
  static Aggregate.Call call(Expression.FunctionCall call, List<Integer> columns, List<Object> literals,
      LogicalSchema prepared, FunctionRegistry functions) {
    String name = call.name().toUpperCase(Locale.ROOT);
    List<SqlType> types = new ArrayList<>();
    for (int column : columns) {
      types.add(prepared.columns().get(column).type());
    }
    Optional<SqlType> result = functions.isUserAggregate(name) ? userResultType(call, name, types, literals,
        functions) : AggregateFunctions.resultType(name, types, literals);
    if (result.isEmpty()) {
      List<String> shown = new ArrayList<>();
      types.forEach(t -> shown.add(t.sql()));
      literals.forEach(l -> shown.add(literalType(l)));
      throw SluiceException.statement(call.pos(), "Function '" + name + "' does not accept parameters ("
          + String.join(", ", shown) + ").");
    }
    Optional<Integer> n = name.equals(AggregateFunctions.EARLIEST) || name.equals(AggregateFunctions.LATEST)
        ? AggregateFunctions.offsetCount(literals)
        : name.equals(AggregateFunctions.TOPK) || name.equals(AggregateFunctions.TOPKDISTINCT)
        ? Optional.of((Integer) literals.get(0)) : Optional.empty();
    if (n.isPresent() && n.get() <= 0) {
      throw SluiceException.statement(call.pos(), name.equals(AggregateFunctions.EARLIEST)
          || name.equals(AggregateFunctions.LATEST) ? (name.equals(AggregateFunctions.EARLIEST) ? "earliestN"
          : "latestN") + " must be 1 or greater" : "Function " + name + " requires k to be 1 or greater.");
    }
    return new Aggregate.Call(name, columns.isEmpty() ? -1 : columns.get(0), types.isEmpty() ? null : types.get(0),
        result.get(), columns.isEmpty() ? List.of() : columns.subList(1, columns.size()),
        types.isEmpty() ? List.of() : types.subList(1, types.size()), literals);
  }

  /**
   * The result type of a call of the user-defined aggregate {@code name}, or empty when no overload takes
   * its arguments.
   */
  private static Optional<SqlType> userResultType(Expression.FunctionCall call, String name, List<SqlType> types,
      List<Object> literals, FunctionRegistry functions) {
    FunctionRegistry.AggregateResolution r = functions.resolveAggregate(name, types, literals);
    if (r == null) {
      return Optional.empty();
    }
    if (r.types().aggregate() == null || r.types().result() == null) {
      throw SluiceException.statement(call.pos(), "Function '" + name + "' over " + types.get(0).sql()
          + ": the precision and scale of its DECIMAL " + (r.types().aggregate() == null ? "aggregate" : "return")
          + " type are unknown; its author must declare it in @Udaf(aggregateType = ..., returnType = ...).");
    }
    return Optional.of(r.types().result());
  }

  /** The overload a planned call of a user-defined aggregate calls. */
  static UdafOverload udaf(Aggregate.Call call, FunctionRegistry functions) {
    return functions.resolveAggregate(call.function(), call.argumentTypes(), call.literals()).overload();
  }

  /** The types of a planned call of a user-defined aggregate. */
  static UdafOverload.Typed udafTypes(Aggregate.Call call, FunctionRegistry functions) {
    return functions.resolveAggregate(call.function(), call.argumentTypes(), call.literals()).types();
  }

  /**
   * How many of the {@code args} of a call of the user-defined aggregate {@code name} are literals: those of
   * the overloads with as many parameters. When overloads of that arity split them differently, the most
   * literals that the call's trailing arguments are; with no overload of that arity, none (the call then
   * fails with the types of all its arguments).
   */
  static int userLiteralCount(String name, List<Expression> args, FunctionRegistry functions) {
    TreeSet<Integer> counts = new TreeSet<>();
    for (UdafOverload o : functions.aggregates().get(name)) {
      if (o.arity() == args.size()) {
        counts.add(o.literalTypes().size());
      }
    }
    if (counts.size() <= 1) {
      return counts.isEmpty() ? 0 : counts.first();
    }
    for (int count : counts.descendingSet()) {
      if (args.subList(args.size() - count, args.size()).stream().allMatch(AggregateCalls::isLiteral)) {
        return count;
      }
    }
    return counts.first();
  }

  private static boolean isLiteral(Expression e) {
    return e instanceof Expression.IntegerLiteral || e instanceof Expression.BooleanLiteral
        || e instanceof Expression.DecimalLiteral || e instanceof Expression.DoubleLiteral
        || e instanceof Expression.StringLiteral || e instanceof Expression.Unary u && u.op() == UnaryOperator.MINUS
        && u.operand() instanceof Expression.IntegerLiteral;
  }

  /**
   * The value of literal parameter {@code index} (0-based) of aggregate {@code function}: ksqlDB requires
   * these to be literal constants.
   */
  static Object literal(String function, int index, Expression e) {
    if (e instanceof Expression.IntegerLiteral i) {
      return i.value() == (int) i.value() ? (Object) (int) i.value() : (Object) i.value();
    } else if (e instanceof Expression.Unary u && u.operand() instanceof Expression.IntegerLiteral i
        && u.op() == UnaryOperator.MINUS) {
      return -i.value() == (int) -i.value() ? (Object) (int) -i.value() : (Object) (-i.value());
    } else if (e instanceof Expression.BooleanLiteral b) {
      return b.value();
    } else if (e instanceof Expression.StringLiteral s) {
      return s.value();
    }
    throw SluiceException.statement(e.pos(), "Parameter " + (index + 1) + " passed to function " + function
        + " must be a literal constant, but was expression: '" + AggregatePlanner.text(e) + "'");
  }

  /**
   * The value of literal parameter {@code index} of the user-defined aggregate {@code function}: as for the
   * built-ins, and a number with a fraction ({@code 2.5}) as a Double, for a factory's Double parameter.
   */
  static Object userLiteral(String function, int index, Expression e) {
    if (e instanceof Expression.DecimalLiteral d) {
      return d.value().doubleValue();
    } else if (e instanceof Expression.DoubleLiteral d) {
      return d.value();
    }
    return literal(function, index, e);
  }

  private static String literalType(Object literal) {
    return literal instanceof Integer ? "INTEGER" : literal instanceof Long ? "BIGINT"
        : literal instanceof Double ? "DOUBLE" : literal instanceof Boolean ? "BOOLEAN" : "STRING";
  }
}
