package dev.sluice.planner.plan;

import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.Expression;
import dev.sluice.parser.ast.Position;
import dev.sluice.parser.ast.Query;
import dev.sluice.parser.ast.Relation;
import dev.sluice.parser.ast.SelectItem;
import dev.sluice.parser.ast.SourceKind;
import dev.sluice.planner.calcite.QueryConverter;
import dev.sluice.planner.catalog.Catalog;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.function.FunctionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * Plans a SELECT over a join: the join tree through {@link JoinPlanner}, then WHERE and the projection as
 * one compiled Calc over the joined rows. The query is first rewritten onto the joined row's column names
 * ({@code t.id} becomes {@code T_ID}), and every output column named as ksqlDB names it: a qualified column
 * keeps its bare name when no other source has one like it, {@code *} prefixes every column with its
 * source's alias. The key of the result is the join key, selected through one of the join's columns, or
 * through the synthetic {@code ROWKEY} when no column is equal to it (a full outer join, or expressions on
 * both sides).
 */
final class JoinQueryPlanner {
  static final String JOINED = "__JOINED";

  private final Catalog catalog;
  private final FunctionRegistry functions;
  private final PhysicalPlanner planner;

  JoinQueryPlanner(Catalog catalog, FunctionRegistry functions, PhysicalPlanner planner) {
    this.catalog = catalog;
    this.functions = functions;
    this.planner = planner;
  }

  PhysicalPlanner.PlannedQuery plan(Query query, boolean persistent, Optional<String> sinkName) {
    Relation.Join from = (Relation.Join) query.from();
    JoinPlanner joins = new JoinPlanner(catalog, functions, planner);
    List<JoinScope.Alias> aliases = joins.aliases(from);
    JoinPlanner.Planned join = joins.plan(from, aliases, "", false);
    JoinScope scope = new JoinScope(aliases);

    Optional<String> synthetic = !join.foreignKey() && join.keyNames().isEmpty()
        ? Optional.of(JoinPlanner.syntheticKeyName(aliases)) : Optional.empty();
    Map<String, String> extra = synthetic.map(s -> Map.of(s, join.keyColumn())).orElse(Map.of());

    boolean partitioned = !query.partitionBy().isEmpty();
    boolean aggregated = AggregatePlanner.aggregates(query, functions);
    List<SelectItem> items = items(query, scope, join, synthetic, extra, partitioned);
    if (persistent && !aggregated) {
      for (SelectItem item : items) {
        Optional<String> name = item instanceof SelectItem.SingleColumn c ? c.alias() : Optional.empty();
        if (name.isPresent() && (dev.sluice.planner.catalog.PseudoColumns.isPseudo(name.get())
            || dev.sluice.planner.catalog.PseudoColumns.isWindowBound(name.get()))) {
          throw SluiceException.statement(item.pos(), "Reserved column name in select: `" + name.get() + "`."
              + " Please remove or alias the column.");
        }
      }
    }
    Optional<Expression> where = query.where().map(w -> scope.qualify(w, extra));
    ExecStep step = join.step();
    boolean table = PhysicalPlanner.isTable(step);
    DataSource joined = new DataSource(JOINED, table ? SourceKind.TABLE : SourceKind.STREAM, step.schema(), "",
        "NONE", "NONE", Map.of(), "", false);
    Catalog joinedCatalog = name -> name.equals(JOINED) ? Optional.of(joined) : Optional.empty();
    List<DataSource> sources = aliases.stream().map(JoinScope.Alias::source).toList();
    Relation.Source joinedFrom = new Relation.Source(from.pos(), JOINED, Optional.empty());

    boolean flattened = TableFunctionPlanner.usesTableFunctions(query, functions);
    if (flattened && aggregated) {
      throw SluiceException.statement(query.pos(), "Table functions cannot be used with aggregations.");
    }
    if (aggregated) {
      // GROUP BY applies to the joined rows; the aggregation planner names the key from the projection.
      Query rewritten = new Query(query.pos(), items, joinedFrom, query.window(), where,
          query.groupBy().stream().map(k -> scope.qualify(k, extra)).toList(), query.partitionBy(),
          query.having().map(h -> scope.qualify(h, extra)), query.emit(), query.limit());
      return new AggregatePlanner(joinedCatalog, functions, planner).plan(rewritten, persistent, sinkName,
          new PartitionByPlanner.Input(joinedFrom, joined, step, joinedCatalog, false, sources));
    }
    if (partitioned) {
      // PARTITION BY applies to the joined rows; its planner names the key from the projection.
      if (table) {
        throw SluiceException.statement(query.partitionBy().get(0).pos(), "Invalid use of PARTITION BY: the join"
            + " produces a TABLE, and a table cannot be re-partitioned.");
      }
      List<Expression> keys = query.partitionBy().stream().map(k -> scope.qualify(k, extra)).toList();
      Query rewritten = new Query(query.pos(), items, joinedFrom, Optional.empty(), where, List.of(), keys,
          Optional.empty(), query.emit(), query.limit());
      return new PartitionByPlanner(joinedCatalog, functions, planner).plan(rewritten, persistent,
          new PartitionByPlanner.Input(joinedFrom, joined, step, joinedCatalog, false, sources), sinkName);
    }
    items = selectKey(items, join, synthetic, persistent, sinkName, query.pos());
    if (flattened) {
      // Each joined row becomes as many rows as its table functions give, as over a single stream.
      Query rewritten = new Query(query.pos(), items, joinedFrom, Optional.empty(), where, List.of(), List.of(),
          Optional.empty(), query.emit(), query.limit());
      return new TableFunctionPlanner(joinedCatalog, functions, planner).plan(rewritten,
          new PartitionByPlanner.Input(joinedFrom, joined, step, joinedCatalog, false, sources));
    }
    Query projection = new Query(query.pos(), items, joinedFrom, Optional.empty(), where, List.of(), List.of(),
        Optional.empty(), Optional.empty(), OptionalInt.empty());
    QueryConverter.Converted converted = new QueryConverter(joinedCatalog, functions, false).convert(projection);
    ExecStep root = planner.toStep(converted.optimized(), step, converted.outputNames(), "Project");
    if (table) {
      root = TableCalc.overTable(root);
    }
    return new PhysicalPlanner.PlannedQuery(root, sources.get(0), sources, converted.explainLogical(),
        converted.explainOptimized());
  }

  /**
   * The select list over the joined rows, each item named as ksqlDB names it. With PARTITION BY, {@code *}
   * lists each source's columns as ksqlDB's joined rows hold them: value columns, pseudo-columns, then keys.
   */
  private static List<SelectItem> items(Query query, JoinScope scope, JoinPlanner.Planned join,
      Optional<String> synthetic, Map<String, String> extra, boolean partitioned) {
    List<SelectItem> items = new ArrayList<>();
    for (SelectItem item : query.select()) {
      if (item instanceof SelectItem.AllColumns all) {
        if (all.source().isPresent() && scope.alias(all.source().get()).isEmpty()) {
          throw SluiceException.statement(all.pos(), "'" + all.source().get() + "' is not a valid stream/table"
              + " name or alias.");
        }
        if (all.source().isEmpty() && synthetic.isPresent()) {
          items.add(column(all.pos(), join.keyColumn(), synthetic.get()));
        }
        for (String[] c : partitioned ? scope.joinedRowColumns(all.source()) : scope.allColumns(all.source())) {
          String name = JoinScope.column(c[0], c[1]);
          items.add(column(all.pos(), name, name));
        }
      } else if (item instanceof SelectItem.SingleColumn single) {
        Expression rewritten = scope.qualify(single.expression(), extra);
        Optional<String> alias = single.alias();
        if (alias.isEmpty() && single.expression() instanceof Expression.ColumnRef ref) {
          alias = Optional.of(ref.qualifier().isEmpty() || scope.unique(ref.name()) ? ref.name()
              : JoinScope.column(ref.qualifier().get(), ref.name()));
        }
        items.add(new SelectItem.SingleColumn(single.pos(), rewritten, alias));
      } else {
        SelectItem.StructAll s = (SelectItem.StructAll) item;
        items.add(new SelectItem.StructAll(s.pos(), scope.qualify(s.base(), extra)));
      }
    }
    return items;
  }

  /**
   * Points the item that selects the join's key at the join-key column, so that it becomes the result's key;
   * checks that a persistent query selects it exactly once, with ksqlDB's messages.
   */
  private static List<SelectItem> selectKey(List<SelectItem> items, JoinPlanner.Planned join,
      Optional<String> synthetic, boolean persistent, Optional<String> sinkName, Position pos) {
    String sink = sinkName.map(n -> "`" + n + "`").orElse("the result");
    if (join.foreignKey()) {
      List<String> missing = new ArrayList<>();
      for (JoinPlanner.KeyName key : join.keyNames()) {
        List<Integer> found = selecting(items, key.column());
        checkOnce(items, found, key.column());
        if (found.isEmpty()) {
          missing.add(key.display().substring(key.display().indexOf('.') + 1));
        }
      }
      if (!missing.isEmpty() && persistent) {
        String table = join.aliases().get(0).name();
        throw SluiceException.statement(pos, "Primary key column" + (missing.size() > 1 ? "s" : "") + " missing in"
            + " projection. For foreign-key table-table joins, the projection must include all primary key columns"
            + " from the left input table (`" + table + "`). Missing column" + (missing.size() > 1 ? "s" : "")
            + ": `" + String.join("`, `", missing) + "`.");
      }
      return items;
    }
    List<String> candidates = synthetic.isPresent() ? List.of(join.keyColumn())
        : join.keyNames().stream().map(JoinPlanner.KeyName::column).toList();
    for (String candidate : candidates) {
      List<Integer> found = selecting(items, candidate);
      if (!found.isEmpty()) {
        checkOnce(items, found, synthetic.isPresent() ? synthetic.get() : candidate);
        SelectItem.SingleColumn s = (SelectItem.SingleColumn) items.get(found.get(0));
        List<SelectItem> out = new ArrayList<>(items);
        out.set(found.get(0), new SelectItem.SingleColumn(s.pos(),
            new Expression.ColumnRef(s.expression().pos(), Optional.empty(), join.keyColumn()), s.alias()));
        return out;
      }
    }
    if (!persistent) {
      return items;
    }
    if (synthetic.isPresent()) {
      String name = synthetic.get();
      String message = "The query used to build " + sink + " must include the join expression " + name
          + " in its projection (eg, SELECT " + name + "...).\n" + name + " was added as a synthetic key column"
          + " because the join criteria did not match any source column.";
      throw SluiceException.statement(pos, join.type() == JoinType.OUTER ? message
          : "Key missing from projection (ie, SELECT). See https://cnfl.io/2LV7ouS.\n" + message
              + " This expression must be included in the projection and may be aliased.");
    }
    List<String> names = join.keyNames().stream().map(JoinPlanner.KeyName::display).toList();
    String listed = names.size() == 1 ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    throw SluiceException.statement(pos, "The query used to build " + sink + " must include the join expression"
        + (names.size() > 1 ? "s " : " ") + listed + " in its projection (eg, SELECT " + names.get(0) + "...).");
  }

  /** The items that select exactly the column {@code column}. */
  private static List<Integer> selecting(List<SelectItem> items, String column) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof SelectItem.SingleColumn s && s.expression() instanceof Expression.ColumnRef ref
          && ref.qualifier().isEmpty() && ref.name().equals(column)) {
        out.add(i);
      }
    }
    return out;
  }

  private static void checkOnce(List<SelectItem> items, List<Integer> found, String column) {
    if (found.size() > 1) {
      TreeSet<String> names = new TreeSet<>();
      for (int i : found) {
        SelectItem.SingleColumn s = (SelectItem.SingleColumn) items.get(i);
        names.add(s.alias().orElse(column));
      }
      throw SluiceException.statement(items.get(found.get(1)).pos(), "The projection contains a key column (`"
          + column + "`) more than once, aliased as: " + String.join(" and ", names) + ".");
    }
  }

  private static SelectItem column(Position pos, String column, String name) {
    return new SelectItem.SingleColumn(pos, new Expression.ColumnRef(pos, Optional.empty(), column),
        Optional.of(name));
  }
}
