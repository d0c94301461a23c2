package dev.sluice.planner.plan;

import dev.sluice.error.SluiceException;
import dev.sluice.parser.SqlFormatter;
import dev.sluice.parser.ast.Expression;
import dev.sluice.parser.ast.Position;
import dev.sluice.parser.ast.Query;
import dev.sluice.parser.ast.Relation;
import dev.sluice.parser.ast.SelectItem;
import dev.sluice.parser.ast.SourceKind;
import dev.sluice.parser.ast.WindowSpec;
import dev.sluice.planner.aggregate.AggregateFunctions;
import dev.sluice.planner.calcite.ColumnNames;
import dev.sluice.planner.calcite.QueryConverter;
import dev.sluice.planner.catalog.Catalog;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.function.FunctionRegistry;
import dev.sluice.planner.function.UdafOverload;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.schema.SqlType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Plans GROUP BY, aggregate functions, HAVING and WINDOW. Like {@link PartitionByPlanner}, two passes through
 * Calcite around a stateful step: the first filters (WHERE) and computes the group key and every aggregate's
 * argument, an {@link Aggregate} groups and aggregates them, and the second computes the projection and
 * HAVING over the aggregated rows, where each aggregate call and each grouping expression has been replaced
 * by a reference to its column. The window comes from the AST straight into the step.
 */
final class AggregatePlanner {
  static final String KEY_PREFIX = "__K";
  static final String AGG_PREFIX = "__AGG";
  private static final String ARG_PREFIX = "__ARG";
  private static final String AGGREGATED = "__AGGREGATED";
  static final String WINDOWSTART = "WINDOWSTART";
  static final String WINDOWEND = "WINDOWEND";

  private final Catalog catalog;
  private final FunctionRegistry functions;
  private final PhysicalPlanner planner;

  AggregatePlanner(Catalog catalog, FunctionRegistry functions, PhysicalPlanner planner) {
    this.catalog = catalog;
    this.functions = functions;
    this.planner = planner;
  }

  /** Whether the query aggregates: a GROUP BY, a WINDOW, or an aggregate call in SELECT or HAVING. */
  static boolean aggregates(Query query, FunctionRegistry functions) {
    if (!query.groupBy().isEmpty() || query.window().isPresent() || query.having().isPresent()) {
      return true;
    }
    for (SelectItem item : query.select()) {
      if (item instanceof SelectItem.SingleColumn s && !calls(s.expression(), functions).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  PhysicalPlanner.PlannedQuery plan(Query query, boolean persistent, Optional<String> sinkName) {
    if (!(query.from() instanceof Relation.Source from)) {
      throw SluiceException.statement(query.from().pos(), "Aggregations over joins are planned by the join"
          + " planner.");
    }
    DataSource ds = catalog.source(from.name()).orElseThrow(() ->
        SluiceException.statement(from.pos(), from.name() + " does not exist."));
    PhysicalPlanner.checkNotWindowed(ds, from);
    ExecStep source = ds.isStream() ? PhysicalPlanner.source(ds) : PhysicalPlanner.tableSource(ds, true);
    return plan(AggregateCalls.expandStar(query, ds), persistent, sinkName,
        new PartitionByPlanner.Input(from, ds, source, catalog, true, List.of(ds)));
  }

  /**
   * Plans the aggregation of {@code input}'s rows: a source of the catalog, or the joined rows of a join,
   * whose planner has already qualified the query's names and expanded {@code *}.
   */
  PhysicalPlanner.PlannedQuery plan(Query query, boolean persistent, Optional<String> sinkName,
      PartitionByPlanner.Input input) {
    if (!query.partitionBy().isEmpty()) {
      throw SluiceException.statement(query.pos(), "PARTITION BY and GROUP BY in the same query are not supported.");
    }
    Relation.Source from = input.from();
    DataSource ds = input.source();
    Position pos = query.pos();
    List<Expression> keys = query.groupBy();
    if (keys.isEmpty()) {
      List<String> plain = new ArrayList<>();
      for (SelectItem item : query.select()) {
        if (item instanceof SelectItem.SingleColumn s
            && !freeColumns(rewrite(s.expression(), List.of(), List.of(), functions), Set.of()).isEmpty()) {
          plain.add(text(s.expression()));
        }
      }
      if (!plain.isEmpty()) {
        throw SluiceException.statement(pos, "Non-aggregate SELECT expression(s) not part of GROUP BY: "
            + String.join(", ", plain) + "\nEither add the column(s) to the GROUP BY or remove them from the"
            + " SELECT.");
      }
      String first = query.select().stream().filter(i -> i instanceof SelectItem.SingleColumn)
          .flatMap(i -> calls(((SelectItem.SingleColumn) i).expression(), functions).stream()).findFirst()
          .map(c -> c.star() || c.args().isEmpty() ? c.name().toUpperCase(Locale.ROOT) + "(ROWTIME)" : text(c))
          .orElse("");
      throw SluiceException.statement(pos, "CREATE TABLE AS SELECT statement does not support aggregate function ["
          + first + "] without a GROUP BY clause.");
    }
    List<String> canonicalKeys = new ArrayList<>();
    for (Expression key : keys) {
      if (!calls(key, functions).isEmpty()) {
        throw SluiceException.statement(key.pos(), "GROUP BY does not support aggregate functions: "
            + calls(key, functions).get(0).name().toUpperCase(Locale.ROOT) + " is an aggregate function.");
      }
      String c = canonical(key);
      if (canonicalKeys.contains(c)) {
        throw SluiceException.statement(key.pos(), "Duplicate GROUP BY expression: " + text(key));
      }
      canonicalKeys.add(c);
    }

    // The aggregate calls of SELECT and HAVING, each once.
    List<Expression.FunctionCall> aggregates = new ArrayList<>();
    List<String> canonicalAggregates = new ArrayList<>();
    List<Expression> scanned = new ArrayList<>();
    for (SelectItem item : query.select()) {
      if (item instanceof SelectItem.SingleColumn s) {
        scanned.add(s.expression());
      }
    }
    query.having().ifPresent(scanned::add);
    for (Expression e : scanned) {
      for (Expression.FunctionCall call : calls(e, functions)) {
        for (Expression arg : call.args()) {
          if (!calls(arg, functions).isEmpty()) {
            throw SluiceException.statement(call.pos(), "Aggregate functions can not be nested: " + text(call));
          }
        }
        if (call.distinct()) {
          throw SluiceException.statement(call.pos(), "DISTINCT in aggregate functions is not supported."
              + (call.name().equalsIgnoreCase("COUNT") && call.args().size() == 1
                  ? " COUNT_DISTINCT(" + text(call.args().get(0)) + ") counts distinct values, estimated as ksqlDB"
                      + " does (exact for small counts)." : ""));
        }
        String c = canonical(call);
        if (!canonicalAggregates.contains(c)) {
          canonicalAggregates.add(c);
          aggregates.add(call);
        }
      }
    }
    // Window bounds exist only after the aggregation: ksqlDB allows them in the SELECT clause only.
    List<Expression> boundsNotAllowed = new ArrayList<>(keys);
    for (SelectItem item : query.select()) {
      for (Expression.FunctionCall call : calls(((SelectItem.SingleColumn) item).expression(), functions)) {
        boundsNotAllowed.addAll(call.args());
      }
    }
    query.having().ifPresent(boundsNotAllowed::add);
    for (Expression e : boundsNotAllowed) {
      Optional<String> bound = windowBound(e);
      if (bound.isPresent()) {
        throw SluiceException.statement(e.pos(), "Window bounds column " + bound.get() + " can only be used in the"
            + " SELECT clause of windowed aggregations");
      }
    }
    if (!ds.isStream() && query.window().isPresent()) {
      // A table's rows have no event times to window: an update replaces a row, whatever its time.
      throw SluiceException.statement(query.window().get().pos(), "Windowing not supported for table aggregations.");
    }
    if (!ds.isStream()) {
      Set<String> notUndoable = new LinkedHashSet<>(); // in order of appearance, as ksqlDB
      for (Expression.FunctionCall call : aggregates) {
        String name = call.name().toUpperCase(Locale.ROOT);
        if (AggregateFunctions.NOT_UNDOABLE.contains(name) || functions.isUserAggregate(name)
            && functions.aggregates().get(name).stream().noneMatch(UdafOverload::undoable)) {
          notUndoable.add(name);
        }
      }
      checkUndoable(notUndoable, pos);
    }

    // Pass 1: WHERE, then the key columns and every aggregate's argument.
    List<SelectItem> first = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      first.add(new SelectItem.SingleColumn(keys.get(i).pos(), keys.get(i), Optional.of(KEY_PREFIX + i)));
    }
    List<List<Integer>> argumentColumns = new ArrayList<>();
    List<List<Object>> literals = new ArrayList<>();
    for (int i = 0; i < aggregates.size(); i++) {
      Expression.FunctionCall call = aggregates.get(i);
      String name = call.name().toUpperCase(Locale.ROOT);
      List<Expression> args = call.star() ? List.of() : call.args();
      if (args.isEmpty() && !name.equals("COUNT")) {
        throw SluiceException.statement(call.pos(), "Function " + name + " requires an argument.");
      }
      // A user-defined aggregate takes its columns, then the literals its factory method takes.
      int literalCount = functions.isUserAggregate(name) ? AggregateCalls.userLiteralCount(name, args, functions)
          : AggregateFunctions.literalCount(name, args.size());
      List<Integer> columns = new ArrayList<>();
      for (int j = 0; j < args.size() - literalCount; j++) {
        columns.add(first.size());
        first.add(new SelectItem.SingleColumn(args.get(j).pos(), args.get(j),
            Optional.of(ARG_PREFIX + i + (j == 0 ? "" : "_" + j))));
      }
      List<Object> values = new ArrayList<>();
      for (int j = args.size() - literalCount; j < args.size(); j++) {
        values.add(functions.isUserAggregate(name) ? AggregateCalls.userLiteral(name, j, args.get(j))
            : AggregateCalls.literal(name, j, args.get(j)));
      }
      argumentColumns.add(columns);
      literals.add(values);
    }
    Query prepare = new Query(pos, first, query.from(), Optional.empty(), query.where(), List.of(), List.of(),
        Optional.empty(), Optional.empty(), OptionalInt.empty());
    QueryConverter.Converted pass1 = new QueryConverter(input.catalog(), functions, input.pseudoColumns())
        .convert(prepare);
    ExecStep source = input.step();
    ExecStep prepared = planner.toStep(pass1.optimized(), source, pass1.outputNames(), "Aggregate-Prepare");
    if (!ds.isStream()) {
      prepared = TableCalc.overTable(prepared);
    }
    LogicalSchema preparedSchema = prepared.schema();

    boolean repartition = !ds.isStream() || !sameKey(prepared, keys.size(), ds);

    // The aggregated rows: key, one column per call, window bounds.
    List<Column> aggregated = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      Column c = preparedSchema.columns().get(i);
      KeyColumns.checkNotMap(KeyColumns.userName(keys.get(i), i), c.type(), keys.get(i).pos());
      aggregated.add(new Column(KEY_PREFIX + i, c.type(), Column.Namespace.KEY));
    }
    List<Aggregate.Call> calls = new ArrayList<>();
    for (int i = 0; i < aggregates.size(); i++) {
      calls.add(AggregateCalls.call(aggregates.get(i), argumentColumns.get(i), literals.get(i), preparedSchema,
          functions));
      aggregated.add(new Column(AGG_PREFIX + i, calls.get(i).resultType(), Column.Namespace.VALUE));
    }
    if (!ds.isStream()) {
      // A user-defined aggregate with overloads of both kinds: the chosen one must be able to undo.
      Set<String> notUndoable = new LinkedHashSet<>();
      for (Aggregate.Call call : calls) {
        if (functions.isUserAggregate(call.function()) && !AggregateCalls.udaf(call, functions).undoable()) {
          notUndoable.add(call.function());
        }
      }
      checkUndoable(notUndoable, pos);
    }
    if (input.sources().stream().anyMatch(d -> d.valueFormat().equalsIgnoreCase("DELIMITED"))
        && calls.stream().anyMatch(c -> AggregateFunctions.COMPLEX_INTERMEDIATE.contains(c.function())
            || functions.isUserAggregate(c.function()) && complex(AggregateCalls.udafTypes(c, functions)
                .aggregate()))) {
      throw SluiceException.statement(pos, "One of the functions used in the statement has an intermediate type"
          + " that the value format can not handle. Please remove the function or change the format.");
    }
    Optional<Aggregate.Window> window = query.window().map(AggregatePlanner::window);
    if (window.isPresent()) {
      aggregated.add(new Column(WINDOWSTART, SqlType.BIGINT, Column.Namespace.VALUE));
      aggregated.add(new Column(WINDOWEND, SqlType.BIGINT, Column.Namespace.VALUE));
    }
    boolean emitFinal = query.emit().isPresent() && query.emit().get() == Query.Emit.FINAL;
    if (emitFinal && window.isEmpty()) {
      throw SluiceException.statement(query.pos(), "EMIT FINAL is only supported for windowed aggregations.");
    }
    Aggregate aggregate = new Aggregate("Aggregate", prepared, keys.size(), repartition, calls, window, emitFinal,
        new LogicalSchema(aggregated));

    // Pass 2: HAVING and the projection over the aggregated rows, key columns first in GROUP BY order.
    ColumnNames naming = new ColumnNames(query.select(), ds.schema());
    SelectItem[] keyItems = new SelectItem[keys.size()];
    String[] keyNames = new String[keys.size()];
    List<SelectItem> values = new ArrayList<>();
    Set<String> windowColumns = window.isPresent() ? Set.of(WINDOWSTART, WINDOWEND) : Set.of();
    List<String> nonAggregate = new ArrayList<>();
    for (SelectItem item : query.select()) {
      SelectItem.SingleColumn s = (SelectItem.SingleColumn) item;
      String name = naming.next(s);
      int key = canonicalKeys.indexOf(canonical(s.expression()));
      if (key >= 0) {
        if (keyItems[key] != null) {
          throw SluiceException.statement(s.pos(), "The projection contains a key column more than once: `"
              + keyNames[key] + "` and `" + name + "`.");
        }
        keyNames[key] = name;
        keyItems[key] = ref(s.pos(), KEY_PREFIX + key, name);
        continue;
      }
      Expression rewritten = rewrite(s.expression(), canonicalKeys, canonicalAggregates, functions);
      if (!freeColumns(rewritten, windowColumns).isEmpty()) {
        // An unknown function is the better message (ksqlDB resolves functions first).
        Optional<String> unknown = unknownFunction(s.expression());
        if (unknown.isPresent()) {
          throw SluiceException.statement(s.pos(), "Can't find any functions with the name '" + unknown.get()
              + "'");
        }
        nonAggregate.add(text(s.expression()));
      }
      values.add(new SelectItem.SingleColumn(s.pos(), rewritten, Optional.of(name)));
    }
    if (!nonAggregate.isEmpty()) {
      throw SluiceException.statement(query.pos(), "Non-aggregate SELECT expression(s) not part of GROUP BY: "
          + String.join(", ", nonAggregate) + "\nEither add the column(s) to the GROUP BY or remove them from the"
          + " SELECT.");
    }
    Optional<Expression> having = query.having().map(h -> rewrite(h, canonicalKeys, canonicalAggregates,
        functions));
    if (having.isPresent() && !freeColumns(having.get(), windowColumns).isEmpty()) {
      throw SluiceException.statement(query.having().get().pos(), "Non-aggregate HAVING expression not part of"
          + " GROUP BY: " + String.join(", ", freeColumns(having.get(), windowColumns)));
    }
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      if (keyItems[i] == null) {
        if (persistent) {
          missing.add(text(keys.get(i)));
        } else {
          String name = keys.get(i) instanceof Expression.ColumnRef ref ? ref.name() : naming.generated();
          keyItems[i] = ref(keys.get(i).pos(), KEY_PREFIX + i, name);
        }
      }
    }
    if (!missing.isEmpty()) {
      throw SluiceException.statement(query.pos(), "The query used to build "
          + sinkName.map(n -> "`" + n + "`").orElse("the table") + " must include the grouping expression"
          + (missing.size() > 1 ? "s " : " ") + String.join(" and ", missing) + " in its projection (eg, SELECT "
          + String.join(", ", missing) + "...).");
    }
    if (values.isEmpty() && persistent) {
      throw SluiceException.statement(query.pos(), "The projection contains no value columns.");
    }
    List<SelectItem> second = new ArrayList<>(List.of(keyItems));
    second.addAll(values);
    DataSource aggregatedRows = new DataSource(AGGREGATED, SourceKind.TABLE, aggregate.schema(), "", "NONE",
        "NONE", Map.of(), "", false);
    Query projection = new Query(pos, second, new Relation.Source(from.pos(), AGGREGATED,
        Optional.of(from.alias().orElse(ds.name()))), Optional.empty(), having, List.of(), List.of(),
        Optional.empty(), Optional.empty(), OptionalInt.empty());
    QueryConverter.Converted pass2;
    try {
      pass2 = new QueryConverter(
          name -> name.equals(AGGREGATED) ? Optional.of(aggregatedRows) : Optional.empty(), functions, false)
          .convert(projection);
    } catch (SluiceException e) {
      throw query.having().isPresent() ? havingError(e, query.having().get(), keys, aggregates) : e;
    }
    ExecStep projected = planner.toStep(pass2.optimized(), aggregate, pass2.outputNames(), "Project");
    ExecStep root = TableCalc.overTable(projected);
    return new PhysicalPlanner.PlannedQuery(root, input.sources().get(0), input.sources(),
        pass1.explainLogical() + "-- aggregated, then:\n" + pass2.explainLogical(),
        pass1.explainOptimized() + "-- aggregated, then:\n" + pass2.explainOptimized());
  }

  private static void checkUndoable(Set<String> notUndoable, Position pos) {
    if (!notUndoable.isEmpty()) {
      throw SluiceException.statement(pos, "The aggregation functions " + String.join(" and ",
          joinAllButLast(new ArrayList<>(notUndoable))) + " cannot be applied to a table source, only to a stream"
          + " source.");
    }
  }

  private static boolean complex(SqlType type) {
    return type instanceof SqlType.Array || type instanceof SqlType.Map || type instanceof SqlType.Struct;
  }

  private static List<String> joinAllButLast(List<String> names) {
    if (names.size() <= 2) {
      return names;
    }
    return List.of(String.join(", ", names.subList(0, names.size() - 1)), names.get(names.size() - 1));
  }

  /** Whether the first {@code keyCount} prepared columns are the source's key columns, in order. */
  private static boolean sameKey(ExecStep prepared, int keyCount, DataSource ds) {
    List<Column> sourceKeys = ds.schema().keyColumns();
    if (keyCount != sourceKeys.size()) {
      return false;
    }
    if (!(prepared instanceof StreamCalc calc)) {
      return false;
    }
    for (int i = 0; i < keyCount; i++) {
      if (!calc.projections().get(i).expression().equals("`" + sourceKeys.get(i).name().replace("`", "``") + "`")) {
        return false;
      }
    }
    return true;
  }

  private static Aggregate.Window window(WindowSpec spec) {
    if (spec instanceof WindowSpec.Tumbling t) {
      return new Aggregate.Window("TUMBLING", t.sizeMs(), t.sizeMs(), t.retentionMs(), t.graceMs());
    } else if (spec instanceof WindowSpec.Hopping h) {
      if (h.advanceMs() <= 0 || h.advanceMs() > h.sizeMs()) {
        throw SluiceException.statement(h.pos(), "Window advance must be positive and no more than the window"
            + " size.");
      }
      return new Aggregate.Window("HOPPING", h.sizeMs(), h.advanceMs(), h.retentionMs(), h.graceMs());
    }
    WindowSpec.Session s = (WindowSpec.Session) spec;
    return new Aggregate.Window("SESSION", s.gapMs(), 0, s.retentionMs(), s.graceMs());
  }

  private static SelectItem ref(Position pos, String column, String alias) {
    return new SelectItem.SingleColumn(pos, new Expression.ColumnRef(pos, Optional.empty(), column),
        Optional.of(alias));
  }

  /** The expression as text, column qualifiers dropped, so that {@code S.ID} and {@code ID} match. */
  static String canonical(Expression e) {
    return e instanceof Expression.ColumnRef ref ? "`" + ref.name() + "`"
        : SqlFormatter.format(e).replaceAll("`[^`]*`\\.", "").replaceAll("(?i)^COUNT\\(\\*\\)$", "COUNT()");
  }

  /** The expression as ksqlDB prints it in messages: no quotes. */
  static String text(Expression e) {
    return SqlFormatter.format(e).replace("`", "");
  }

  /** The aggregate calls in {@code e}, outermost first. */
  static List<Expression.FunctionCall> calls(Expression e, FunctionRegistry functions) {
    List<Expression.FunctionCall> out = new ArrayList<>();
    walk(e, out, functions);
    return out;
  }

  private static void walk(Object node, List<Expression.FunctionCall> out, FunctionRegistry functions) {
    if (node instanceof Expression.FunctionCall call && functions.isAggregate(call.name())) {
      out.add(call);
    }
    for (Object child : ExpressionTrees.children(node)) {
      walk(child, out, functions);
    }
  }

  /** The first function {@code node} calls that is neither an aggregate nor a known scalar function. */
  private Optional<String> unknownFunction(Object node) {
    if (node instanceof Expression.FunctionCall call && !functions.isAggregate(call.name())
        && functions.overloads(call.name().toUpperCase(Locale.ROOT)).isEmpty()) {
      return Optional.of(call.name().toUpperCase(Locale.ROOT));
    }
    for (Object child : ExpressionTrees.children(node)) {
      Optional<String> found = unknownFunction(child);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** The first WINDOWSTART or WINDOWEND column {@code node} references. */
  private static Optional<String> windowBound(Object node) {
    if (node instanceof Expression.ColumnRef ref) {
      return ref.name().equals(WINDOWSTART) || ref.name().equals(WINDOWEND) ? Optional.of(ref.name())
          : Optional.empty();
    }
    if (node instanceof Expression.Lambda) {
      return Optional.empty();
    }
    for (Object child : ExpressionTrees.children(node)) {
      Optional<String> found = windowBound(child);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** Column references left after rewriting, other than the aggregated rows' own columns. */
  private static List<String> freeColumns(Expression e, Set<String> windowColumns) {
    Set<String> out = new LinkedHashSet<>();
    free(e, windowColumns, out);
    return new ArrayList<>(out);
  }

  private static void free(Object node, Set<String> windowColumns, Set<String> out) {
    if (node instanceof Expression.ColumnRef ref) {
      if (!ref.name().startsWith(KEY_PREFIX) && !ref.name().startsWith(AGG_PREFIX)
          && !windowColumns.contains(ref.name())) {
        out.add(ref.name());
      }
      return;
    }
    if (node instanceof Expression.Lambda) {
      return; // lambda parameters are not columns
    }
    for (Object child : ExpressionTrees.children(node)) {
      free(child, windowColumns, out);
    }
  }

  /**
   * An error the second pass found in HAVING, as ksqlDB words it: prefixed {@code Error in HAVING expression},
   * with the aggregate calls and grouping expressions the pass saw as internal columns written out again.
   */
  private static SluiceException havingError(SluiceException e, Expression having, List<Expression> keys,
      List<Expression.FunctionCall> aggregates) {
    Position at = e.position().orElse(null);
    // An operator's position is its own, not its first operand's: the clause starts at its leftmost node.
    Position start = leftmost(having, having.pos());
    if (at == null || at.line() < start.line() || (at.line() == start.line() && at.column() < start.column())) {
      return e;
    }
    String message = e.getMessage().replaceFirst("^line \\d+:\\d+: ", "");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(" + AGG_PREFIX + "|" + KEY_PREFIX + ")(\\d+)")
        .matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int i = Integer.parseInt(m.group(2));
      List<? extends Expression> named = m.group(1).equals(AGG_PREFIX) ? aggregates : keys;
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(
          i < named.size() ? text(named.get(i)) : m.group()));
    }
    m.appendTail(out);
    return SluiceException.statement(at, "Error in HAVING expression: " + out);
  }

  private static Position leftmost(Object node, Position best) {
    if (node instanceof Expression e && e.pos().line() > 0 && (e.pos().line() < best.line()
        || (e.pos().line() == best.line() && e.pos().column() < best.column()))) {
      best = e.pos();
    }
    for (Object child : ExpressionTrees.children(node)) {
      best = leftmost(child, best);
    }
    return best;
  }

  /** Replaces grouping expressions and aggregate calls by references to their columns. */
  private static Expression rewrite(Expression e, List<String> keys, List<String> aggregates,
      FunctionRegistry functions) {
    String c = canonical(e);
    int key = keys.indexOf(c);
    if (key >= 0) {
      return new Expression.ColumnRef(e.pos(), Optional.empty(), KEY_PREFIX + key);
    }
    if (e instanceof Expression.FunctionCall call && functions.isAggregate(call.name())) {
      return new Expression.ColumnRef(e.pos(), Optional.empty(), AGG_PREFIX + aggregates.indexOf(c));
    }
    return (Expression) ExpressionTrees.map(e, child -> rewrite(child, keys, aggregates, functions));
  }
}
