package dev.sluice.planner.plan;

import dev.sluice.error.SluiceException;
import dev.sluice.parser.SqlFormatter;
import dev.sluice.parser.ast.Expression;
import dev.sluice.parser.ast.Position;
import dev.sluice.parser.ast.Query;
import dev.sluice.parser.ast.Relation;
import dev.sluice.parser.ast.SelectItem;
import dev.sluice.parser.ast.SourceKind;
import dev.sluice.planner.calcite.ColumnNames;
import dev.sluice.planner.calcite.QueryConverter;
import dev.sluice.planner.catalog.Catalog;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.function.FunctionRegistry;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.schema.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Plans a SELECT over a stream whose select list calls table functions (EXPLODE, CUBE_EXPLODE), as ksqlDB
 * does: WHERE applies to the input rows, then each row becomes as many rows as its longest table function
 * result, the results zipped. Two passes through Calcite around a {@link StreamFlatMap}: the first filters
 * and computes every distinct table function call (each returns the list of its rows' values, compiled like
 * a scalar call) after the input's columns; the FlatMap iterates the lists; the second computes the
 * projection over the flattened rows, where each table function call has become a reference to its column,
 * so that {@code ABS(EXPLODE(x))} and other expressions over table functions work. Output columns keep the
 * names the original select list gives them ({@code KSQL_COL_n} for unnamed expressions).
 */
final class TableFunctionPlanner {
  private static final String FUNCTION_PREFIX = "__TF";
  private static final String FLATTENED = "__FLATTENED";

  private final Catalog catalog;
  private final FunctionRegistry functions;
  private final PhysicalPlanner planner;

  TableFunctionPlanner(Catalog catalog, FunctionRegistry functions, PhysicalPlanner planner) {
    this.catalog = catalog;
    this.functions = functions;
    this.planner = planner;
  }

  /** Whether {@code query} calls a table function anywhere. */
  static boolean usesTableFunctions(Query query, FunctionRegistry functions) {
    List<Object> roots = new ArrayList<>(query.select());
    query.where().ifPresent(roots::add);
    roots.addAll(query.groupBy());
    roots.addAll(query.partitionBy());
    query.having().ifPresent(roots::add);
    return roots.stream().anyMatch(r -> !calls(r, functions).isEmpty());
  }

  private static List<Expression.FunctionCall> calls(Object root, FunctionRegistry functions) {
    return ExpressionTrees.find(root, Expression.FunctionCall.class,
        c -> functions.isTableFunction(c.name().toUpperCase(Locale.ROOT)));
  }

  PhysicalPlanner.PlannedQuery plan(Query query, boolean persistent, Optional<String> sinkName) {
    if (AggregatePlanner.aggregates(query, functions)) {
      throw SluiceException.statement(query.pos(), "Table functions cannot be used with aggregations.");
    }
    if (!(query.from() instanceof Relation.Source from)) {
      throw SluiceException.statement(query.from().pos(), "Table functions over joins are planned by the join"
          + " planner.");
    }
    if (!query.partitionBy().isEmpty()) {
      // Re-keyed first, then flattened, as in ksqlDB: the partitioning reads the input rows.
      checkOnlyInSelect(query);
      return new PartitionByPlanner(catalog, functions, planner).plan(query, persistent, sinkName);
    }
    DataSource ds = catalog.source(from.name()).orElseThrow(() ->
        SluiceException.statement(from.pos(), from.name() + " does not exist."));
    PhysicalPlanner.PlannedQuery planned = plan(query, new PartitionByPlanner.Input(from, ds,
        PhysicalPlanner.source(ds), catalog, true, List.of(ds)));
    if (persistent) {
      PhysicalPlanner.checkKeyColumnsKept(ds, planned.root().schema(), query, sinkName);
    }
    return planned;
  }

  /**
   * Plans {@code query} over {@code input}: a source of the catalog, or the joined rows of a stream join, whose
   * select list the join planner has already rewritten onto the joined row's columns (and checked for the key).
   */
  PhysicalPlanner.PlannedQuery plan(Query query, PartitionByPlanner.Input input) {
    checkOnlyInSelect(query);
    Relation.Source from = input.from();
    DataSource ds = input.source();
    if (!ds.isStream()) {
      throw SluiceException.statement(from.pos(), "Table source is not supported with table functions");
    }
    Position pos = query.pos();

    // The distinct table function calls of the select list, each computed once.
    List<Expression.FunctionCall> distinct = new ArrayList<>();
    List<String> canonical = new ArrayList<>();
    for (SelectItem item : query.select()) {
      if (item instanceof SelectItem.SingleColumn s) {
        for (Expression.FunctionCall call : calls(s.expression(), functions)) {
          for (Expression arg : call.args()) {
            if (!calls(arg, functions).isEmpty()) {
              throw SluiceException.statement(arg.pos(), "Table functions cannot be nested: "
                  + text(call) + ".");
            }
          }
          if (!canonical.contains(canonical(call))) {
            canonical.add(canonical(call));
            distinct.add(call);
          }
        }
      }
    }

    // Pass 1: WHERE, then every input column, then the table functions' lists.
    ExecStep source = input.step();
    List<SelectItem> first = new ArrayList<>();
    for (Column c : source.schema().columns()) {
      first.add(ref(pos, c.name(), c.name()));
    }
    for (int i = 0; i < distinct.size(); i++) {
      first.add(new SelectItem.SingleColumn(distinct.get(i).pos(), distinct.get(i),
          Optional.of(FUNCTION_PREFIX + i)));
    }
    Query functionQuery = new Query(pos, first, query.from(), Optional.empty(), query.where(), List.of(),
        List.of(), Optional.empty(), Optional.empty(), OptionalInt.empty());
    QueryConverter.Converted pass1 = new QueryConverter(input.catalog(), functions, input.pseudoColumns())
        .convert(functionQuery);
    ExecStep lists = planner.toStep(pass1.optimized(), source, pass1.outputNames(), "TableFunctions");

    int inputWidth = source.schema().columns().size();
    List<Column> flattened = new ArrayList<>();
    List<Integer> listColumns = new ArrayList<>();
    for (int i = 0; i < lists.schema().columns().size(); i++) {
      Column c = lists.schema().columns().get(i);
      if (i < inputWidth) {
        flattened.add(c);
        continue;
      }
      // Planned as the list of the rows' values; a row holds one element.
      SqlType element = ((SqlType.Array) c.type()).element();
      flattened.add(new Column(c.name(), element, Column.Namespace.VALUE));
      listColumns.add(i);
    }
    StreamFlatMap flatMap = new StreamFlatMap("FlatMap", lists, listColumns, new LogicalSchema(flattened));

    // Pass 2: the projection over the flattened rows, table function calls read from their columns.
    List<SelectItem> second = projection(query, ds, canonical);
    DataSource rows = new DataSource(FLATTENED, SourceKind.STREAM, flatMap.schema(), "", "NONE", "NONE",
        Map.of(), "", false);
    Query projection = new Query(pos, second, new Relation.Source(from.pos(), FLATTENED,
        Optional.of(from.alias().orElse(ds.name()))), Optional.empty(), Optional.empty(), List.of(), List.of(),
        Optional.empty(), Optional.empty(), OptionalInt.empty());
    QueryConverter.Converted pass2 = new QueryConverter(
        name -> name.equals(FLATTENED) ? Optional.of(rows) : Optional.empty(), functions, false)
        .convert(projection);
    ExecStep root = planner.toStep(pass2.optimized(), flatMap, pass2.outputNames(), "Project");
    return new PhysicalPlanner.PlannedQuery(root, input.sources().get(0), input.sources(),
        pass1.explainLogical() + "-- flattened by the table functions, then:\n" + pass2.explainLogical(),
        pass1.explainOptimized() + "-- flattened by the table functions, then:\n" + pass2.explainOptimized());
  }

  /** ksqlDB accepts table functions in the select list only. */
  private void checkOnlyInSelect(Query query) {
    List<Object> elsewhere = new ArrayList<>();
    query.where().ifPresent(elsewhere::add);
    elsewhere.addAll(query.partitionBy());
    for (Object root : elsewhere) {
      List<Expression.FunctionCall> found = calls(root, functions);
      if (!found.isEmpty()) {
        throw SluiceException.statement(found.get(0).pos(), "Table functions can only be used in the SELECT"
            + " list: " + text(found.get(0)) + ".");
      }
    }
  }

  /**
   * The select list over the flattened rows, every item with its final name: the alias, the column's or
   * field's name, or {@code KSQL_COL_n}, as {@link ColumnNames} names the original item.
   */
  private List<SelectItem> projection(Query query, DataSource ds, List<String> canonical) {
    ColumnNames naming = new ColumnNames(query.select(), ds.schema());
    List<SelectItem> items = new ArrayList<>();
    for (SelectItem item : query.select()) {
      if (item instanceof SelectItem.AllColumns all) {
        // Only the source's own columns: not the pseudo-columns, nor the table functions' columns.
        for (Column c : ds.schema().columns()) {
          items.add(new SelectItem.SingleColumn(all.pos(), new Expression.ColumnRef(all.pos(), all.source(),
              c.name()), Optional.of(c.name())));
          naming.reserve(c.name());
        }
        continue;
      }
      if (!(item instanceof SelectItem.SingleColumn single)) {
        items.add(item);
        continue;
      }
      String name = naming.next(single);
      Expression rewritten = ExpressionTrees.rewrite(single.expression(), e ->
          e instanceof Expression.FunctionCall call && functions.isTableFunction(call.name().toUpperCase(Locale.ROOT))
              ? new Expression.ColumnRef(e.pos(), Optional.empty(), FUNCTION_PREFIX + canonical.indexOf(canonical(e)))
              : e);
      items.add(new SelectItem.SingleColumn(single.pos(), rewritten, Optional.of(name)));
    }
    return items;
  }

  private static SelectItem ref(Position pos, String column, String alias) {
    return new SelectItem.SingleColumn(pos, new Expression.ColumnRef(pos, Optional.empty(), column),
        Optional.of(alias));
  }

  /** The expression as text, column qualifiers dropped, so that {@code S.X} and {@code X} match. */
  private static String canonical(Expression e) {
    return SqlFormatter.format(e).replaceAll("`[^`]*`\\.", "");
  }

  private static String text(Expression e) {
    return SqlFormatter.format(e).replace("`", "");
  }
}
