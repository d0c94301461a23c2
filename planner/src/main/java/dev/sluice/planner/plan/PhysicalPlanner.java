package dev.sluice.planner.plan;

import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.Query;
import dev.sluice.planner.calcite.QueryConverter;
import dev.sluice.planner.calcite.RexToSql;
import dev.sluice.planner.calcite.TypeConverter;
import dev.sluice.planner.catalog.Catalog;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.catalog.PseudoColumns;
import dev.sluice.planner.function.FunctionRegistry;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.LogicalSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;

/**
 * Turns a SELECT into physical steps: converts it with Calcite, then walks the optimized relational plan
 * bottom-up, deciding for each node which step implements it. Stateful shapes have their own planners, which
 * plan the stateful step themselves and come back here for the Calcs around it: {@link JoinQueryPlanner},
 * {@link AggregatePlanner} and {@link PartitionByPlanner}. Anything else is rejected with a message rather
 * than planned wrongly.
 */
public final class PhysicalPlanner {
  private final Catalog catalog;
  private final FunctionRegistry functions;
  private final boolean keylessProjections;

  public PhysicalPlanner(Catalog catalog, FunctionRegistry functions) {
    this(catalog, functions, false);
  }

  private PhysicalPlanner(Catalog catalog, FunctionRegistry functions, boolean keylessProjections) {
    this.catalog = catalog;
    this.functions = functions;
    this.keylessProjections = keylessProjections;
  }

  /**
   * A planner that, with {@code enabled}, lets a persistent projection of a stream leave out every key column,
   * writing a keyless stream, as ksqlDB does with {@code ksql.new.query.planner.enabled=true}; by default
   * such a query is refused, as ksqlDB's default planner refuses it.
   */
  public PhysicalPlanner withKeylessProjections(boolean enabled) {
    return enabled == keylessProjections ? this : new PhysicalPlanner(catalog, functions, enabled);
  }

  /**
   * A planned SELECT without its sink, and every stage it went through for EXPLAIN.
   *
   * @param root the last step; its schema is the query's result schema
   */
  public record PlannedQuery(ExecStep root, DataSource source, List<DataSource> sources, String logicalPlan,
      String optimizedPlan) {
    /** A query over one source. */
    public PlannedQuery(ExecStep root, DataSource source, String logicalPlan, String optimizedPlan) {
      this(root, source, List.of(source), logicalPlan, optimizedPlan);
    }

    public LogicalSchema schema() {
      return root.schema();
    }
  }

  /**
   * Plans {@code query}. With {@code persistent}, the result must keep the source's key columns, as ksqlDB
   * requires of CREATE ... AS SELECT.
   */
  public PlannedQuery plan(Query query, boolean persistent) {
    return plan(query, persistent, Optional.empty());
  }

  /** Plans {@code query}, the body of a statement that creates {@code sinkName} (named in error messages). */
  public PlannedQuery plan(Query query, boolean persistent, Optional<String> sinkName) {
    query = MagicTimestamps.rewrite(query);
    if (query.from() instanceof dev.sluice.parser.ast.Relation.Join) {
      return new JoinQueryPlanner(catalog, functions, this).plan(query, persistent, sinkName);
    }
    if (persistent && !AggregatePlanner.aggregates(query, functions)) {
      checkNoReservedNames(query);
    }
    if (TableFunctionPlanner.usesTableFunctions(query, functions)) {
      return new TableFunctionPlanner(catalog, functions, this).plan(query, persistent, sinkName);
    }
    if (AggregatePlanner.aggregates(query, functions)) {
      return new AggregatePlanner(catalog, functions, this).plan(query, persistent, sinkName);
    }
    if (!query.partitionBy().isEmpty()) {
      return new PartitionByPlanner(catalog, functions, this).plan(query, persistent, sinkName);
    }
    // A push query shows its columns as listed; a persistent one writes its key in the source's order.
    if (persistent && query.from() instanceof dev.sluice.parser.ast.Relation.Source from) {
      Optional<DataSource> source = catalog.source(from.name());
      if (source.isPresent()) {
        query = keysInSourceOrder(query, source.get());
      }
    }
    QueryConverter.Converted converted = new QueryConverter(catalog, functions, true).convert(query);
    DataSource ds = converted.source();
    if (persistent && ds.isWindowed() && !ds.isStream()) {
      throw SluiceException.statement(query.from().pos(), "KSQL does not support persistent queries on windowed"
          + " tables.");
    }
    ExecStep root;
    if (ds.isStream()) {
      root = toStep(converted.optimized(), source(ds), converted.outputNames(), "Project");
    } else {
      root = TableCalc.overTable(toStep(converted.optimized(), tableSource(ds, ds.source()),
          converted.outputNames(), "Project"));
    }
    if (persistent && keylessProjections && ds.isStream() && root.schema().keyColumns().isEmpty()) {
      checkValueColumns(root.schema(), query);
    } else if (persistent) {
      checkKeyColumnsKept(ds, root.schema(), query, sinkName);
    }
    return new PlannedQuery(root, ds, converted.explainLogical(), converted.explainOptimized());
  }

  /**
   * A sink may not have a column named like a pseudo-column (ROWTIME, ROWPARTITION, ROWOFFSET) or a window
   * bound (WINDOWSTART, WINDOWEND): ksqlDB reserves the names, as the sink's own pseudo-columns.
   */
  private static void checkNoReservedNames(Query query) {
    for (dev.sluice.parser.ast.SelectItem item : query.select()) {
      if (!(item instanceof dev.sluice.parser.ast.SelectItem.SingleColumn single)) {
        continue;
      }
      if (single.alias().isPresent()) {
        String alias = single.alias().get();
        if (PseudoColumns.isPseudo(alias) || PseudoColumns.isWindowBound(alias)) {
          throw SluiceException.statement(single.pos(), "`" + alias + "` is a reserved column name. You cannot"
              + " use it as an alias for a column.");
        }
      } else if (single.expression() instanceof dev.sluice.parser.ast.Expression.ColumnRef ref
          && (PseudoColumns.isPseudo(ref.name()) || PseudoColumns.isWindowBound(ref.name()))) {
        throw SluiceException.statement(single.pos(), "Reserved column name in select: `" + ref.name() + "`."
            + " Please remove or alias the column.");
      }
    }
  }


  /** Re-keying and aggregating windowed sources (WINDOW_TYPE) are not supported yet. */
  static void checkNotWindowed(DataSource ds, dev.sluice.parser.ast.Relation.Source from) {
    if (ds.isWindowed()) {
      throw SluiceException.statement(from.pos(), "Aggregating or re-partitioning windowed sources is not"
          + " supported yet: " + ds.name() + " has windowed keys.");
    }
  }

  /** Whether the plan's result is a table (its rows are updates of their key) rather than a stream. */
  public static boolean isTable(ExecStep step) {
    if (step instanceof TableSource || step instanceof Aggregate || step instanceof TableTableJoin
        || step instanceof ForeignKeyTableJoin) {
      return true;
    }
    if (step instanceof StreamSource || step instanceof StreamStreamJoin || step instanceof StreamTableJoin) {
      return false;
    }
    return step.inputs().stream().anyMatch(PhysicalPlanner::isTable);
  }

  /** The window of the plan's result keys: that of a windowed aggregation, or of a windowed source's keys. */
  public static Optional<Aggregate.Window> window(ExecStep step) {
    if (step instanceof Aggregate a) {
      return a.window();
    }
    Formats sourceFormats = step instanceof StreamSource s ? s.formats()
        : step instanceof TableSource t ? t.formats() : null;
    if (sourceFormats != null && sourceFormats.properties().containsKey("WINDOW_TYPE")) {
      String size = sourceFormats.properties().get("WINDOW_SIZE");
      long sizeMs = size == null ? 0 : Long.parseLong(size);
      return Optional.of(new Aggregate.Window(sourceFormats.properties().get("WINDOW_TYPE"), sizeMs, sizeMs,
          Optional.empty(), Optional.empty()));
    }
    for (ExecStep input : step.inputs()) {
      Optional<Aggregate.Window> w = window(input);
      if (w.isPresent()) {
        return w;
      }
    }
    return Optional.empty();
  }

  static TableSource tableSource(DataSource ds, boolean materialized) {
    StreamSource s = source(ds);
    return new TableSource(s.name(), s.sourceName(), s.topic(), s.formats(), s.sourceSchema(), s.schema(),
        s.timestamp(), materialized);
  }

  static StreamSource source(DataSource ds) {
    List<Column> columns = new ArrayList<>(ds.schema().columns());
    for (int i = 0; i < PseudoColumns.NAMES.size(); i++) {
      columns.add(new Column(PseudoColumns.NAMES.get(i), PseudoColumns.TYPES.get(i), Column.Namespace.VALUE));
    }
    if (ds.isWindowed()) {
      for (String bound : PseudoColumns.WINDOW_NAMES) {
        columns.add(new Column(bound, dev.sluice.planner.schema.SqlType.BIGINT, Column.Namespace.VALUE));
      }
    }
    return new StreamSource("Source", ds.name(), ds.topic(),
        new Formats(ds.keyFormat(), ds.valueFormat(), ds.formatProperties()), ds.schema(), new LogicalSchema(columns),
        ds.timestampColumn());
  }

  /** The step of an optimized plan: a scan is its input itself, a Calc over a scan a {@link StreamCalc}. */
  ExecStep toStep(RelNode rel, ExecStep input, List<String> outputNames, String name) {
    if (rel instanceof LogicalCalc calc && calc.getInput() instanceof TableScan) {
      if (calc.getProgram().isTrivial() && calc.getProgram().getCondition() == null
          && outputNames.equals(input.schema().columns().stream().map(Column::name).toList())) {
        return input;
      }
      return calc(calc.getProgram(), calc.getCluster().getRexBuilder(), input, outputNames, name);
    }
    if (rel instanceof TableScan) {
      List<String> inputNames = input.schema().columns().stream().map(Column::name).toList();
      return inputNames.equals(outputNames) ? input : rename(input, outputNames, name);
    }
    throw new SluiceException(dev.sluice.error.ErrorCode.BAD_STATEMENT,
        "This query shape is not supported yet:\n" + org.apache.calcite.plan.RelOptUtil.toString(rel));
  }

  /**
   * A projection that only renames columns: Calcite removes it as trivial (names do not count), but the
   * names are what the user asked for.
   */
  private static StreamCalc rename(ExecStep input, List<String> outputNames, String stepName) {
    List<StreamCalc.Projection> projections = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < outputNames.size(); i++) {
      Column c = input.schema().columns().get(i);
      projections.add(new StreamCalc.Projection(outputNames.get(i), "`" + c.name().replace("`", "``") + "`"));
      columns.add(new Column(outputNames.get(i), c.type(), c.namespace()));
    }
    return new StreamCalc(stepName, input, Optional.empty(), projections, new LogicalSchema(columns));
  }

  private static StreamCalc calc(RexProgram program, RexBuilder rexBuilder, ExecStep input,
      List<String> outputNames, String stepName) {
    List<String> inputNames = input.schema().columns().stream().map(Column::name).toList();
    RexToSql printer = new RexToSql(inputNames);
    Optional<String> filter = Optional.ofNullable(program.getCondition())
        .map(c -> printer.print(RexUtil.expandSearch(rexBuilder, program, program.expandLocalRef(c))));
    List<StreamCalc.Projection> projections = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    List<RexLocalRef> projects = program.getProjectList();
    List<RelDataTypeField> fields = program.getOutputRowType().getFieldList();
    for (int i = 0; i < projects.size(); i++) {
      RexNode expr = RexUtil.expandSearch(rexBuilder, program, program.expandLocalRef(projects.get(i)));
      String name = outputNames.get(i);
      projections.add(new StreamCalc.Projection(name, printer.print(expr)));
      boolean key = expr instanceof RexInputRef ref && input.schema().columns().get(ref.getIndex()).isKey();
      columns.add(new Column(name, TypeConverter.fromRel(fields.get(i).getType()),
          key ? Column.Namespace.KEY : Column.Namespace.VALUE));
    }
    return new StreamCalc(stepName, input, filter, projections, new LogicalSchema(columns));
  }

  /**
   * The select list with the source's key columns in the source's key order, wherever they are listed: a
   * projection keeps its source's key as it is (ksqlDB's default planner; {@code SELECT AGE, ID} over a key
   * {@code (ID, AGE)} still has the key {@code (ID, AGE)}). Only the key items trade places.
   */
  private static Query keysInSourceOrder(Query query, DataSource ds) {
    List<String> keys = ds.schema().keyColumns().stream().map(Column::name).toList();
    if (keys.size() < 2) {
      return query;
    }
    List<Integer> positions = new ArrayList<>();
    List<dev.sluice.parser.ast.SelectItem> keyItems = new ArrayList<>();
    for (int i = 0; i < query.select().size(); i++) {
      if (query.select().get(i) instanceof dev.sluice.parser.ast.SelectItem.SingleColumn c
          && c.expression() instanceof dev.sluice.parser.ast.Expression.ColumnRef ref && keys.contains(ref.name())) {
        positions.add(i);
        keyItems.add(c);
      }
    }
    List<dev.sluice.parser.ast.SelectItem> sorted = new ArrayList<>(keyItems);
    sorted.sort(java.util.Comparator.comparingInt(item -> keys.indexOf(((dev.sluice.parser.ast.Expression.ColumnRef)
        ((dev.sluice.parser.ast.SelectItem.SingleColumn) item).expression()).name())));
    if (sorted.equals(keyItems)) {
      return query;
    }
    List<dev.sluice.parser.ast.SelectItem> select = new ArrayList<>(query.select());
    for (int i = 0; i < positions.size(); i++) {
      select.set(positions.get(i), sorted.get(i));
    }
    return new Query(query.pos(), select, query.from(), query.window(), query.where(), query.groupBy(),
        query.partitionBy(), query.having(), query.emit(), query.limit());
  }

  /**
   * A persistent query over a stream or table keeps every key column of its source (ksqlDB would otherwise
   * have to invent a key) and has at least one value column; the message names all the source's key columns,
   * as ksqlDB's does.
   */
  static void checkKeyColumnsKept(DataSource ds, LogicalSchema result, Query query, Optional<String> sinkName) {
    if (result.keyColumns().size() < ds.schema().keyColumns().size()) {
      List<String> keys = ds.schema().keyColumns().stream().map(Column::name).toList();
      throw SluiceException.statement(query.pos(), "The query used to build "
          + sinkName.map(n -> "`" + n + "`").orElse("this source") + " must include the key column"
          + (keys.size() > 1 ? "s " : " ") + String.join(" and ", keys) + " in its projection (eg, SELECT "
          + String.join(", ", keys) + "...).");
    }
    checkValueColumns(result, query);
  }

  private static void checkValueColumns(LogicalSchema result, Query query) {
    if (result.valueColumns().isEmpty()) {
      throw SluiceException.statement(query.pos(), "The projection contains no value columns.");
    }
  }
}
