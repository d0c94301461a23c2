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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Plans {@code PARTITION BY}, which ksqlDB applies to the input, before the projection. Two passes through
 * Calcite: the first filters (WHERE) and computes the new key columns in front of the input's columns, a
 * {@link StreamSelectKey} makes them the record key through a repartition topic, and the second computes
 * the projection over the re-keyed rows, where a select item equal to a partitioning expression reads the
 * key. Key columns come first in PARTITION BY order and are named as ksqlDB names them: the item's alias,
 * the column's name, or {@code KSQL_COL_n}.
 */
final class PartitionByPlanner {
  private static final String KEY_PREFIX = "__PARTITION_KEY_";
  private static final String REPARTITIONED = "__REPARTITIONED";

  private final Catalog catalog;
  private final FunctionRegistry functions;
  private final PhysicalPlanner planner;

  PartitionByPlanner(Catalog catalog, FunctionRegistry functions, PhysicalPlanner planner) {
    this.catalog = catalog;
    this.functions = functions;
    this.planner = planner;
  }

  /**
   * What PARTITION BY re-keys: a source of the catalog, or the joined rows of a join (a virtual source whose
   * schema is the join step's, pseudo-columns included).
   *
   * @param pseudoColumns whether the converter must add ROWTIME and its kin to {@code source}'s columns
   */
  record Input(Relation.Source from, DataSource source, ExecStep step, Catalog catalog, boolean pseudoColumns,
      List<DataSource> sources) {}

  PhysicalPlanner.PlannedQuery plan(Query query, boolean persistent, Optional<String> sinkName) {
    if (!(query.from() instanceof Relation.Source from)) {
      throw SluiceException.statement(query.from().pos(), "PARTITION BY over joins is planned by the join planner.");
    }
    DataSource ds = catalog.source(from.name()).orElseThrow(() ->
        SluiceException.statement(from.pos(), from.name() + " does not exist."));
    if (!ds.isStream()) {
      // A table's rows are keyed by its PRIMARY KEY: a new key is a new table, which GROUP BY builds.
      throw SluiceException.statement(query.partitionBy().get(0).pos(), "Cannot PARTITION BY a TABLE: " + ds.name()
          + " is a table, keyed by its PRIMARY KEY. Re-key a stream instead, or GROUP BY the new key to build a"
          + " table keyed by it.");
    }
    PhysicalPlanner.checkNotWindowed(ds, from);
    return plan(query, persistent, new Input(from, ds, PhysicalPlanner.source(ds), catalog, true, List.of(ds)),
        sinkName);
  }

  PhysicalPlanner.PlannedQuery plan(Query query, boolean persistent, Input input, Optional<String> sinkName) {
    Relation.Source from = input.from();
    DataSource ds = input.source();
    List<Expression> keys = query.partitionBy();
    if (keys.size() == 1 && keys.get(0) instanceof Expression.NullLiteral) {
      keys = List.of();
    }
    Position pos = query.pos();

    // Pass 1: WHERE, then the new key columns in front of every input column.
    List<SelectItem> first = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      first.add(new SelectItem.SingleColumn(keys.get(i).pos(), keys.get(i), Optional.of(KEY_PREFIX + i)));
    }
    ExecStep source = input.step();
    for (Column c : source.schema().columns()) {
      first.add(new SelectItem.SingleColumn(pos, new Expression.ColumnRef(pos, Optional.empty(), c.name()),
          Optional.of(c.name())));
    }
    Query keyQuery = new Query(pos, first, query.from(), Optional.empty(), query.where(), List.of(), List.of(),
        Optional.empty(), Optional.empty(), OptionalInt.empty());
    QueryConverter.Converted pass1;
    try {
      pass1 = new QueryConverter(input.catalog(), functions, input.pseudoColumns()).convert(keyQuery);
    } catch (SluiceException e) {
      throw partitionByError(e, keys, query);
    }
    ExecStep keysStep = planner.toStep(pass1.optimized(), source, pass1.outputNames(), "PartitionBy.Keys");
    List<Column> rekeyed = new ArrayList<>();
    for (int i = 0; i < keysStep.schema().columns().size(); i++) {
      Column c = keysStep.schema().columns().get(i);
      if (i < keys.size()) {
        KeyColumns.checkNotMap(KeyColumns.userName(keys.get(i), i), c.type(), keys.get(i).pos());
      }
      rekeyed.add(new Column(c.name(), c.type(), i < keys.size() ? Column.Namespace.KEY : Column.Namespace.VALUE));
    }
    StreamSelectKey selectKey = new StreamSelectKey("PartitionBy", keysStep, keys.size(), new LogicalSchema(rekeyed));

    // Pass 2: the projection over the re-keyed rows.
    List<SelectItem> second = projection(query, keys, ds, persistent, from.alias().orElse(ds.name()), sinkName);
    DataSource rekeyedRows = new DataSource(REPARTITIONED, SourceKind.STREAM, selectKey.schema(), "", "NONE",
        "NONE", Map.of(), "", false);
    Relation.Source rekeyedFrom = new Relation.Source(from.pos(), REPARTITIONED,
        Optional.of(from.alias().orElse(ds.name())));
    Catalog rekeyedCatalog = name -> name.equals(REPARTITIONED) ? Optional.of(rekeyedRows) : Optional.empty();
    Query projection = new Query(pos, second, rekeyedFrom, Optional.empty(), Optional.empty(), List.of(), List.of(),
        Optional.empty(), Optional.empty(), OptionalInt.empty());
    if (TableFunctionPlanner.usesTableFunctions(projection, functions)) {
      // Table functions flatten the re-keyed rows.
      PhysicalPlanner.PlannedQuery flattened = new TableFunctionPlanner(rekeyedCatalog, functions, planner)
          .plan(projection, new Input(rekeyedFrom, rekeyedRows, selectKey, rekeyedCatalog, false, input.sources()));
      return new PhysicalPlanner.PlannedQuery(flattened.root(), input.sources().get(0), input.sources(),
          pass1.explainLogical() + "-- re-keyed by PARTITION BY, then:\n" + flattened.logicalPlan(),
          pass1.explainOptimized() + "-- re-keyed by PARTITION BY, then:\n" + flattened.optimizedPlan());
    }
    QueryConverter.Converted pass2 = new QueryConverter(rekeyedCatalog, functions, false).convert(projection);
    ExecStep root = planner.toStep(pass2.optimized(), selectKey, pass2.outputNames(), "Project");
    return new PhysicalPlanner.PlannedQuery(root, input.sources().get(0), input.sources(),
        pass1.explainLogical() + "-- re-keyed by PARTITION BY, then:\n" + pass2.explainLogical(),
        pass1.explainOptimized() + "-- re-keyed by PARTITION BY, then:\n" + pass2.explainOptimized());
  }

  /**
   * The select list over the re-keyed rows: key items first, in PARTITION BY order, then the others in
   * their order; {@code *} expands to the keys, the input's value columns, then its key columns, leaving out
   * columns that moved into the key.
   */
  private static List<SelectItem> projection(Query query, List<Expression> keys, DataSource ds, boolean persistent,
      String qualifier, Optional<String> sinkName) {
    List<String> canonicalKeys = keys.stream().map(PartitionByPlanner::canonical).toList();
    Set<String> moved = new HashSet<>();
    for (Expression key : keys) {
      if (key instanceof Expression.ColumnRef ref) {
        moved.add(ref.name());
      }
    }
    ColumnNames naming = new ColumnNames(query.select(), ds.schema());
    SelectItem[] keyItems = new SelectItem[keys.size()];
    String[] keyAliases = new String[keys.size()];
    List<SelectItem> values = new ArrayList<>();
    boolean star = false;
    for (SelectItem item : query.select()) {
      if (item instanceof SelectItem.AllColumns) {
        star = true;
        for (Column c : ds.schema().valueColumns()) {
          if (!moved.contains(c.name())) {
            values.add(ref(item.pos(), c.name(), c.name()));
            naming.reserve(c.name());
          }
        }
        for (Column c : ds.schema().keyColumns()) {
          if (!moved.contains(c.name())) {
            values.add(ref(item.pos(), c.name(), c.name()));
            naming.reserve(c.name());
          }
        }
        continue;
      }
      if (!(item instanceof SelectItem.SingleColumn single)) {
        values.add(item);
        continue;
      }
      String name = naming.next(single);
      int key = canonicalKeys.indexOf(canonical(single.expression()));
      if (key < 0) {
        values.add(new SelectItem.SingleColumn(single.pos(), single.expression(), Optional.of(name)));
        continue;
      }
      if (keyItems[key] != null) {
        throw SluiceException.statement(single.pos(), "The projection contains a key column (`"
            + keyAliases[key] + "`) more than once, aliased as: " + keyAliases[key] + " and " + name + ".");
      }
      keyAliases[key] = name;
      keyItems[key] = ref(single.pos(), KEY_PREFIX + key, name);
    }
    boolean missing = false;
    for (int i = 0; i < keys.size(); i++) {
      if (keyItems[i] == null) {
        if (star || !persistent) {
          String name = keys.get(i) instanceof Expression.ColumnRef ref ? ref.name() : naming.generated();
          keyItems[i] = ref(keys.get(i).pos(), KEY_PREFIX + i, name);
        } else {
          missing = true;
        }
      }
    }
    if (missing) {
      // As ksqlDB's, the message lists every partitioning expression, qualified by the source.
      List<String> all = keys.stream().map(k -> SqlFormatter.format(JoinScope.rewrite(k, Set.of(),
          ref -> ref.qualifier().isPresent() ? ref
              : new Expression.ColumnRef(ref.pos(), Optional.of(qualifier), ref.name()))).replace("`", "")).toList();
      throw SluiceException.statement(query.pos(), "The query used to build "
          + sinkName.map(n -> "`" + n + "`").orElse("this source") + " must include the partitioning expression"
          + (all.size() > 1 ? "s " : " ") + String.join(" and ", all) + " in its projection (eg, SELECT "
          + String.join(", ", all) + "...).");
    }
    List<SelectItem> items = new ArrayList<>(List.of(keyItems));
    items.addAll(values);
    return items;
  }


  private static SelectItem ref(Position pos, String column, String alias) {
    return new SelectItem.SingleColumn(pos, new Expression.ColumnRef(pos, Optional.empty(), column),
        Optional.of(alias));
  }

  /** The expression as text, column qualifiers dropped, so that {@code S.ID} and {@code ID} match. */
  private static String canonical(Expression e) {
    return e instanceof Expression.ColumnRef ref ? "`" + ref.name() + "`"
        : SqlFormatter.format(e).replaceAll("`[^`]*`\\.", "");
  }

  /** Unresolvable names inside PARTITION BY are named as such: it applies to the input, not the output. */
  private static SluiceException partitionByError(SluiceException e, List<Expression> keys, Query query) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("Column '([^']*)' cannot be resolved\\.")
        .matcher(e.getMessage());
    if (m.find() && e.position().isPresent() && !keys.isEmpty()
        && !before(e.position().get(), keys.get(0).pos())) {
      String column = m.group(1);
      boolean isOutput = query.select().stream().anyMatch(i -> i instanceof SelectItem.SingleColumn s
          && s.alias().map(column::equals).orElse(false));
      return SluiceException.statement(e.position().get(), "PARTITION BY column '" + column + "' cannot be resolved."
          + (isOutput ? " '" + column + "' must be a column in the source schema since PARTITION BY is applied on"
          + " the input." : ""));
    }
    return e;
  }

  private static boolean before(Position a, Position b) {
    return a.line() < b.line() || (a.line() == b.line() && a.column() < b.column());
  }
}
