package dev.sluice.engine.exec;

import dev.sluice.engine.codegen.CalcCompiler;
import dev.sluice.engine.codegen.RowFunction;
import dev.sluice.engine.runtime.StreamDataContext;
import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.Expression;
import dev.sluice.parser.ast.Position;
import dev.sluice.parser.ast.Query;
import dev.sluice.parser.ast.Relation;
import dev.sluice.parser.ast.SelectItem;
import dev.sluice.parser.ast.SourceKind;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.function.FunctionRegistry;
import dev.sluice.planner.plan.ExecStep;
import dev.sluice.planner.plan.PhysicalPlanner;
import dev.sluice.planner.plan.StreamCalc;
import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.schema.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The values of {@code INSERT ... VALUES} that are expressions rather than literals ({@code ARRAY[1, 2]},
 * {@code STRUCT(x := 1)}, {@code MAP('a' := 1)}, {@code UCASE('x')}, {@code 1 + 2}, {@code CAST('3' AS INT)}):
 * planned as the projection of a one-row query over a source without columns and run once by the same
 * compiled code as queries, so every function, constructor and cast means what it means in a SELECT. A value
 * must have its column's type, or one ksqlDB converts implicitly (a wider number, element-wise inside arrays,
 * maps and structs, whose fields match by name; a string for a TIMESTAMP, DATE or TIME).
 */
final class ValueExpressions {
  /** The source the values are selected from; a name no user source can take (it is not an identifier). */
  private static final String NO_SOURCE = "INSERT VALUES";

  private ValueExpressions() {}

  /**
   * Evaluates {@code values}, each converted to the type of the column of the same index.
   *
   * @throws SluiceException naming the column when a value has a type the column does not take, or when
   *     evaluating it fails
   */
  static Object[] evaluate(CalcCompiler compiler, FunctionRegistry functions, List<Expression> values,
      List<SqlType> types, List<String> columns, String target) {
    PhysicalPlanner planner = new PhysicalPlanner(ValueExpressions::noSource, functions);
    // Planned once as written, for the values' own types, then once converted to the columns' types.
    List<SelectItem> written = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      written.add(item(values.get(i), "V" + i));
    }
    List<dev.sluice.planner.schema.Column> typed = planner.plan(query(written), false).schema().columns();
    List<SelectItem> items = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Expression value = values.get(i);
      SqlType type = typed.get(i).type();
      if (!assignable(type, types.get(i))) {
        throw SluiceException.statement(value.pos(), "Expected type " + types.get(i).sql() + " for field "
            + columns.get(i) + " but got " + type.sql() + ": " + dev.sluice.parser.SqlFormatter.format(value));
      }
      items.add(item(converted(value, types.get(i)), "V" + i));
    }
    ExecStep root = planner.plan(query(items), false).root();
    if (!(root instanceof StreamCalc calc)) {
      throw new IllegalStateException("INSERT VALUES planned as " + root.getClass().getSimpleName());
    }
    RowFunction function = compiler.compile(calc).newInstance();
    Object[] out = new Object[values.size()];
    function.apply(new StreamDataContext(), new Object[calc.input().schema().columns().size()], out);
    RuntimeException failed = function.takeError();
    if (failed != null) {
      int column = function.errorColumn();
      throw SluiceException.statement(values.get(column).pos(), "Failed to insert values into '" + target
          + "'. Could not evaluate the value of " + columns.get(column) + ": " + failed.getMessage());
    }
    return out;
  }

  /**
   * Whether ksqlDB stores a value of type {@code from} in a column of type {@code to} without an explicit
   * CAST: the same type, a wider number, a STRING for a time type, and so element-wise inside ARRAY, MAP and
   * STRUCT, where a value's fields are matched by name and a field it leaves out is NULL.
   */
  static boolean assignable(SqlType from, SqlType to) {
    if (from.equals(to) || InsertCasts.widens(from, to)) {
      return true;
    }
    if (from.base() == SqlType.BaseType.STRING) {
      return to.base() == SqlType.BaseType.TIMESTAMP || to.base() == SqlType.BaseType.DATE
          || to.base() == SqlType.BaseType.TIME;
    }
    if (from instanceof SqlType.Array a && to instanceof SqlType.Array b) {
      return assignable(a.element(), b.element());
    }
    if (from instanceof SqlType.Map a && to instanceof SqlType.Map b) {
      return assignable(a.key(), b.key()) && assignable(a.value(), b.value());
    }
    if (from instanceof SqlType.Struct a && to instanceof SqlType.Struct b) {
      for (SqlType.Field f : a.fields()) {
        Optional<SqlType.Field> g = b.fields().stream().filter(x -> x.name().equals(f.name())).findFirst();
        if (g.isEmpty() || !assignable(f.type(), g.get().type())) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * {@code value} as {@code type}: a CAST, except that constructors are rebuilt element by element, so that a
   * STRUCT(...) naming some of the fields gets the others as NULLs, in the column's field order.
   */
  private static Expression converted(Expression value, SqlType type) {
    Position pos = value.pos();
    if (value instanceof Expression.StructConstructor struct && type instanceof SqlType.Struct target) {
      List<Expression> fields = new ArrayList<>();
      for (SqlType.Field f : target.fields()) {
        int i = struct.names().indexOf(f.name());
        fields.add(i < 0 ? new Expression.Cast(pos, new Expression.NullLiteral(pos), NamedTypes.toAst(f.type(), pos))
            : converted(struct.values().get(i), f.type()));
      }
      return new Expression.StructConstructor(pos, target.fields().stream().map(SqlType.Field::name).toList(),
          fields);
    }
    if (value instanceof Expression.ArrayConstructor array && type instanceof SqlType.Array target) {
      return new Expression.ArrayConstructor(pos,
          array.elements().stream().map(e -> converted(e, target.element())).toList());
    }
    if (value instanceof Expression.MapConstructor map && type instanceof SqlType.Map target) {
      return new Expression.MapConstructor(pos, map.keys().stream().map(k -> converted(k, target.key())).toList(),
          map.values().stream().map(v -> converted(v, target.value())).toList());
    }
    return new Expression.Cast(pos, value, NamedTypes.toAst(type, pos));
  }

  private static SelectItem item(Expression value, String name) {
    return new SelectItem.SingleColumn(value.pos(), value, Optional.of(name));
  }

  private static Query query(List<SelectItem> items) {
    Position pos = items.get(0).pos();
    return new Query(pos, items, new Relation.Source(pos, NO_SOURCE, Optional.empty()), Optional.empty(),
        Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.of(Query.Emit.CHANGES),
        OptionalInt.empty());
  }

  private static Optional<DataSource> noSource(String name) {
    return name.equals(NO_SOURCE)
        ? Optional.of(new DataSource(NO_SOURCE, SourceKind.STREAM, LogicalSchema.builder().build(), "", "NONE",
            "JSON", Map.of(), "", false))
        : Optional.empty();
  }
}
