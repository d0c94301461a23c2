package dev.sluice.planner.plan;

import dev.sluice.error.SluiceException;
import dev.sluice.parser.SqlFormatter;
import dev.sluice.parser.ast.BinaryOperator;
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
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.schema.SqlType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Plans the join tree of a FROM clause into join steps, left-deep, one level at a time. For each join it
 * decides which side must be re-keyed (a stream joined on anything but its key is re-partitioned on the
 * join expression; a table never is: a table joined on a non-key column to another table's key is a
 * foreign-key join, anything else an error), and which Kafka Streams join implements it (stream-stream
 * windowed, stream-table, table-table, foreign-key). The result is one joined row per output, over which
 * {@link JoinQueryPlanner} plans the rest of the query.
 */
final class JoinPlanner {
  /** The partitioning of sides that are both re-keyed: the internal key format. */
  private static final Formats INTERNAL = new Formats("JSON", "JSON", Map.of());

  private final Catalog catalog;
  private final FunctionRegistry functions;
  private final PhysicalPlanner planner;

  JoinPlanner(Catalog catalog, FunctionRegistry functions, PhysicalPlanner planner) {
    this.catalog = catalog;
    this.functions = functions;
    this.planner = planner;
  }

  /**
   * A column the user may select as the join's key, in order of preference.
   *
   * @param display the column as messages show it ({@code T.ID})
   * @param column its column in the joined row
   */
  record KeyName(String display, String column) {}

  /**
   * A planned join, or a source of one.
   *
   * @param keyColumns the columns of the step's rows that equal its record key
   * @param keyExpressions the join expressions equal to the key, alias-qualified, as text
   * @param keyNames the columns a user may select as the key, for a join
   * @param keyColumn the joined row's join-key column (null for a source or a foreign-key join)
   * @param partitioning the key format by whose bytes the step's records are partitioned
   */
  record Planned(ExecStep step, List<JoinScope.Alias> aliases, boolean leaf, List<String> keyColumns,
      Set<String> keyExpressions, List<KeyName> keyNames, String keyColumn, boolean foreignKey, JoinType type,
      Formats partitioning) {
    boolean table() {
      return PhysicalPlanner.isTable(step);
    }
  }

  /** The sources of {@code from}, left to right, each under its alias. */
  List<JoinScope.Alias> aliases(Relation from) {
    List<Relation.Source> sources = new ArrayList<>();
    collect(from, sources);
    List<JoinScope.Alias> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> seen = new HashSet<>();
    for (Relation.Source s : sources) {
      DataSource ds = catalog.source(s.name()).orElseThrow(() ->
          SluiceException.statement(s.pos(), s.name() + " does not exist."));
      if (!seen.add(ds.name())) {
        if (sources.size() == 2) {
          throw SluiceException.statement(s.pos(), "Can not join '" + ds.name() + "' to '" + ds.name()
              + "': self joins are not yet supported.");
        }
        throw SluiceException.statement(s.pos(), "N-way joins do not support multiple occurrences of the same"
            + " source. Source: '" + ds.name() + "'");
      }
      String alias = s.alias().orElse(ds.name());
      if (!names.add(alias)) {
        throw SluiceException.statement(s.pos(), "Duplicate source alias: " + alias);
      }
      out.add(new JoinScope.Alias(alias, ds));
    }
    List<String> kafka = out.stream().filter(a -> a.source().valueFormat().equals("KAFKA"))
        .map(a -> a.source().name()).toList();
    if (!kafka.isEmpty()) {
      throw SluiceException.statement(from.pos(), "Source(s) " + String.join(", ", kafka)
          + " are using the 'KAFKA' value format. This format does not yet support JOIN.");
    }
    return out;
  }

  private static void collect(Relation r, List<Relation.Source> out) {
    if (r instanceof Relation.Source s) {
      out.add(s);
    } else {
      Relation.Join j = (Relation.Join) r;
      collect(j.left(), out);
      collect(j.right(), out);
    }
  }

  /** Plans {@code join}; {@code prefix} names its steps apart from those of the joins above it. */
  Planned plan(Relation.Join join, List<JoinScope.Alias> all, String prefix, boolean nested) {
    Planned left = side(join.left(), all, prefix, "Left");
    if (!(join.right() instanceof Relation.Source)) {
      throw SluiceException.statement(join.right().pos(), "The right side of a join must be a stream or a table;"
          + " write n-way joins left to right.");
    }
    Planned right = side(join.right(), all, prefix, "Right");
    JoinScope local = new JoinScope(concat(left.aliases(), right.aliases()));

    // The condition: one equality, each side over exactly one of the two inputs.
    Expression condition = join.condition();
    if (condition instanceof Expression.Binary b && b.op() == BinaryOperator.AND) {
      throw SluiceException.statement(condition.pos(), "Invalid join condition: joins on multiple conditions are"
          + " not yet supported. Got " + text(condition) + ".");
    }
    if (!(condition instanceof Expression.Binary eq) || eq.op() != BinaryOperator.EQUAL) {
      throw SluiceException.statement(condition.pos(), "Unsupported join expression: " + text(condition)
          + ". Joins must be on the equality of an expression of each side.");
    }
    Set<String> leftNames = new HashSet<>(left.aliases().stream().map(JoinScope.Alias::name).toList());
    Set<String> a = local.referencedAliases(eq.left(), "JOIN ON ");
    Set<String> b = local.referencedAliases(eq.right(), "JOIN ON ");
    for (Expression operand : List.of(eq.left(), eq.right())) {
      Set<String> refs = operand == eq.left() ? a : b;
      if (refs.size() != 1) {
        throw SluiceException.statement(operand.pos(), "Invalid comparison expression '" + text(operand)
            + "' in join '" + text(condition) + "'. Each side of the join comparision must contain references"
            + " from exactly one source.");
      }
    }
    Expression leftExpr;
    Expression rightExpr;
    if (leftNames.containsAll(a) && !leftNames.containsAll(b)) {
      leftExpr = eq.left();
      rightExpr = eq.right();
    } else if (leftNames.containsAll(b) && !leftNames.containsAll(a)) {
      leftExpr = eq.right();
      rightExpr = eq.left();
    } else {
      throw SluiceException.statement(condition.pos(), "Invalid comparison expression '" + text(eq.right())
          + "' in join '" + text(condition) + "'. Each side of the join comparision must contain references"
          + " from exactly one source.");
    }
    String got = qualifiedText(local, eq.left()) + " = " + qualifiedText(local, eq.right());
    Expression leftOver = over(local, leftExpr, left.leaf());
    Expression rightOver = over(local, rightExpr, true);
    String leftColumn = leftOver instanceof Expression.ColumnRef r ? r.name() : null;
    String rightColumn = rightOver instanceof Expression.ColumnRef r ? r.name() : null;

    Relation.JoinType syntax = join.type();
    JoinType type = syntax == Relation.JoinType.INNER ? JoinType.INNER : syntax == Relation.JoinType.LEFT
        ? JoinType.LEFT : syntax == Relation.JoinType.RIGHT ? JoinType.RIGHT : JoinType.OUTER;
    String leftName = name(left);
    String rightName = name(right);
    String described = leftName + " " + describe(syntax) + " " + rightName;
    boolean leftTable = left.table();
    boolean rightTable = right.table();
    if (leftTable && !rightTable) {
      throw SluiceException.statement(join.pos(), "Invalid join order: table-stream joins are not supported;"
          + " only stream-table joins. Got " + described + ".");
    }
    if (!leftTable && !rightTable && join.within().isEmpty()) {
      throw SluiceException.statement(join.pos(), "Stream-Stream joins must have a WITHIN clause specified. None"
          + " was provided. To learn about how to specify a WITHIN clause with a stream-stream join, please visit:"
          + " https://docs.ksqldb.io/en/latest/developer-guide/joins/join-streams-and-tables/");
    }
    if (rightTable && join.within().isPresent()) {
      throw SluiceException.statement(join.within().get().pos(), "A window definition was provided for a "
          + (leftTable ? "Table-Table" : "Stream-Table") + " join. These joins are not windowed. Please drop the"
          + " window definition (ie. the WITHIN clause) and try to execute your join again.");
    }
    if (!leftTable && rightTable && (type == JoinType.OUTER || type == JoinType.RIGHT)) {
      throw SluiceException.statement(join.pos(), "Invalid join type: " + (type == JoinType.OUTER
          ? "full-outer" : "right") + " join not supported for stream-table join. Got " + described + ".");
    }
    if (rightTable && (rightColumn == null || !right.keyColumns().contains(rightColumn))) {
      throw SluiceException.statement(condition.pos(), "Invalid join condition: " + (leftTable
          ? "table-table joins require to join on the primary key of the right input table"
          : "stream-table joins require to join on the table's primary key") + ". Got " + got + ".");
    }

    checkWindows(join, left, right);
    boolean foreignKey = leftTable && (leftColumn == null || !left.keyColumns().contains(leftColumn));
    if (foreignKey) {
      return foreignKey(join, left, right, leftOver, rightOver, type, got, prefix);
    }

    // Re-key streams whose key is not the join expression; the key is then the row's first column. A side
    // re-keyed against one that is not is partitioned in the other side's key format, as its topic is.
    ExecStep leftStep = left.step();
    String leftText = qualifiedText(local, leftExpr);
    boolean leftRekeyed = !(leftColumn != null && left.keyColumns().contains(leftColumn))
        && !left.keyExpressions().contains(leftText);
    boolean rightRekeyed = rightColumn == null || !right.keyColumns().contains(rightColumn);
    Formats partitioning = !leftRekeyed ? left.partitioning() : !rightRekeyed ? right.partitioning() : INTERNAL;
    if ((leftRekeyed || rightRekeyed) && window(left) != null) {
      throw SluiceException.statement(condition.pos(), "Implicit repartitioning of windowed sources is not"
          + " supported. See https://github.com/confluentinc/ksql/issues/4385.");
    }
    if (leftRekeyed) {
      leftStep = rekey(left.step(), leftOver, prefix, "Left", partitioning);
    }
    ExecStep rightStep = right.step();
    if (rightRekeyed) {
      rightStep = rekey(right.step(), rightOver, prefix, "Right", partitioning);
    }
    SqlType leftType = keyType(leftStep, leftRekeyed, leftColumn != null ? leftColumn : left.keyColumn());
    SqlType rightType = keyType(rightStep, rightStep != right.step(), rightColumn);
    if (!leftType.equals(rightType)) {
      throw SluiceException.statement(condition.pos(), "Invalid join condition: types don't match. Got "
          + qualifiedText(local, leftExpr) + "{" + leftType.sql() + "} = " + qualifiedText(local, rightExpr)
          + "{" + rightType.sql() + "}.");
    }
    KeyColumns.checkNotMap(leftExpr instanceof Expression.ColumnRef ref
        ? JoinScope.column(local.resolve(ref, "").orElseThrow().name(), ref.name()) : "ROWKEY", leftType,
        condition.pos());

    String keyColumn = "__" + prefix + "JOINKEY";
    List<Column> columns = new ArrayList<>();
    columns.add(new Column(keyColumn, leftType, Column.Namespace.KEY));
    columns.addAll(renamed(leftStep, left, prefix + "Left", false));
    columns.addAll(renamed(rightStep, right, prefix + "Right", false));
    LogicalSchema schema = new LogicalSchema(columns);
    String stepName = prefix + "Join";
    ExecStep step;
    if (!leftTable && !rightTable) {
      Relation.WithinClause within = join.within().get();
      step = new StreamStreamJoin(stepName, type, leftStep, rightStep, within.beforeMs(), within.afterMs(),
          within.graceMs(), schema);
    } else if (!leftTable) {
      step = new StreamTableJoin(stepName, type, leftStep, rightStep, schema);
    } else {
      step = new TableTableJoin(stepName, type, leftStep, rightStep, schema);
    }

    // Which columns name the key: the join columns of each side (and, when the left side was not re-keyed,
    // the ones that named its own key), unless a full outer join makes the key either side's.
    List<KeyName> keyNames = new ArrayList<>();
    if (type != JoinType.OUTER) {
      if (!leftRekeyed && !left.leaf()) {
        keyNames.addAll(left.keyNames());
      }
      if (leftExpr instanceof Expression.ColumnRef ref) {
        addKeyName(keyNames, local, ref);
      }
      if (rightExpr instanceof Expression.ColumnRef ref) {
        addKeyName(keyNames, local, ref);
      }
    }
    List<String> keyColumns = new ArrayList<>(List.of(keyColumn));
    keyNames.forEach(k -> keyColumns.add(k.column()));
    Set<String> keyExpressions = new HashSet<>();
    if (type != JoinType.OUTER) {
      if (!leftRekeyed) {
        keyExpressions.addAll(left.keyExpressions());
      }
      keyExpressions.add(leftText);
      keyExpressions.add(qualifiedText(local, rightExpr));
    }
    return new Planned(step, local.aliases(), false, keyColumns, keyExpressions, keyNames, keyColumn, false,
        type, partitioning);
  }

  private Planned foreignKey(Relation.Join join, Planned left, Planned right, Expression leftOver,
      Expression rightOver, JoinType type, String got, String prefix) {
    if (!left.leaf()) {
      throw SluiceException.statement(join.condition().pos(), "Invalid join condition: foreign-key table-table"
          + " joins are not supported as part of n-way joins. Got " + got + ".");
    }
    if (type == JoinType.RIGHT) {
      throw SluiceException.statement(join.pos(), "RIGHT OUTER JOIN on a foreign key is not supported");
    }
    if (type == JoinType.OUTER) {
      throw SluiceException.statement(join.pos(), "FULL OUTER JOIN on a foreign key is not supported");
    }
    // The foreign key is computed into the left rows' last column, which the join step reads.
    List<SelectItem> items = new ArrayList<>();
    Position p = join.pos();
    for (Column c : left.step().schema().columns()) {
      items.add(new SelectItem.SingleColumn(p, new Expression.ColumnRef(p, Optional.empty(), c.name()),
          Optional.of(c.name())));
    }
    String fk = "__" + prefix + "FOREIGN_KEY";
    items.add(new SelectItem.SingleColumn(leftOver.pos(), leftOver, Optional.of(fk)));
    ExecStep calc = calc(left.step(), items, prefix + "Join-ForeignKey");
    TableCalc leftStep = calc instanceof StreamCalc c ? new TableCalc(c.name(), c.input(), c.filter(),
        c.projections(), keepKeys(c.schema(), left.step().schema())) : (TableCalc) calc;
    SqlType fkType = leftStep.schema().columns().get(leftStep.schema().columns().size() - 1).type();
    SqlType keyType = right.step().schema().find(((Expression.ColumnRef) rightOver).name()).orElseThrow().type();
    if (!fkType.equals(keyType)) {
      String[] sides = got.split(" = ", 2);
      throw SluiceException.statement(join.condition().pos(), "Invalid join condition: types don't match. Got "
          + sides[0] + "{" + fkType.sql() + "} = " + sides[1] + "{" + keyType.sql() + "}.");
    }
    List<Column> columns = new ArrayList<>();
    columns.addAll(renamed(leftStep, left, prefix + "Left", true));
    columns.addAll(renamed(right.step(), right, prefix + "Right", false));
    ForeignKeyTableJoin step = new ForeignKeyTableJoin(prefix + "Join", type, leftStep, right.step(),
        leftStep.schema().columns().size() - 1, new LogicalSchema(columns));
    JoinScope.Alias alias = left.aliases().get(0);
    List<KeyName> keyNames = alias.source().schema().keyColumns().stream()
        .map(c -> new KeyName(alias.name() + "." + c.name(), JoinScope.column(alias.name(), c.name()))).toList();
    return new Planned(step, concat(left.aliases(), right.aliases()), false,
        keyNames.stream().map(KeyName::column).toList(), Set.of(), keyNames, null, true, type,
        left.partitioning());
  }

  /**
   * Windowed sources join only windowed sources of the same kind: their keys, window included, must be
   * equal, which a session window never is to a time window.
   */
  private static void checkWindows(Relation.Join join, Planned left, Planned right) {
    String l = window(left);
    String r = window(right);
    if ((l == null) != (r == null)) {
      Planned windowed = l != null ? left : right;
      Planned plain = l != null ? right : left;
      throw SluiceException.statement(join.pos(), "Can not join windowed source to non-windowed source.\n`"
          + name(windowed) + "` is " + (l != null ? l : r) + " windowed\n`" + name(plain) + "` is not windowed");
    }
    if (l != null && (l.equals("SESSION") != r.equals("SESSION"))) {
      throw SluiceException.statement(join.pos(), "Incompatible windowed sources.\nLeft source: " + l
          + "\nRight source: " + r + "\nSession windowed sources can only be joined to other session windowed"
          + " sources, and may still not result in expected behaviour as session bounds must be an exact match for"
          + " the join to work\nHopping and tumbling windowed sources can only be joined to other hopping and"
          + " tumbling windowed sources");
    }
  }

  /** The window type of a side's keys (SESSION, TUMBLING, HOPPING), or null. */
  private static String window(Planned side) {
    return side.leaf() ? side.aliases().get(0).source().formatProperties().get("WINDOW_TYPE")
        : side.aliases().stream().map(a -> a.source().formatProperties().get("WINDOW_TYPE"))
            .filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  /** A source of a join, or the join below. */
  private Planned side(Relation r, List<JoinScope.Alias> all, String prefix, String role) {
    if (r instanceof Relation.Join j) {
      return plan(j, all, prefix + "L_", true);
    }
    Relation.Source s = (Relation.Source) r;
    JoinScope.Alias alias = all.stream().filter(a -> a.name().equals(s.alias().orElse(
        catalog.source(s.name()).map(DataSource::name).orElse(s.name())))).findFirst().orElseThrow();
    DataSource ds = alias.source();
    StreamSource source = PhysicalPlanner.source(ds);
    String name = prefix + "KafkaTopic_" + role;
    ExecStep step = ds.isStream()
        ? new StreamSource(name, source.sourceName(), source.topic(), source.formats(), source.sourceSchema(),
            source.schema(), source.timestamp())
        : new TableSource(name, source.sourceName(), source.topic(), source.formats(), source.sourceSchema(),
            source.schema(), source.timestamp(), true);
    List<Column> keys = ds.schema().keyColumns();
    List<String> keyColumns = keys.size() == 1 ? List.of(keys.get(0).name()) : List.of();
    Formats formats = source.formats();
    Map<String, String> keyOptions = new java.util.HashMap<>(formats.properties());
    keyOptions.keySet().removeIf(option -> !option.startsWith("KEY_"));
    Formats partitioning = new Formats(formats.keyFormat(), "JSON", keyOptions);
    return new Planned(step, List.of(alias), true, keyColumns, Set.of(), List.of(), null, false, null,
        partitioning);
  }

  /**
   * {@code e} over the rows of a side: a source's rows use its own column names, a join's rows the joined
   * names.
   */
  private static Expression over(JoinScope scope, Expression e, boolean leaf) {
    return JoinScope.rewrite(e, new HashSet<>(), ref -> {
      JoinScope.Alias a = scope.resolve(ref, "JOIN ON ").orElseThrow(() -> SluiceException.statement(ref.pos(),
          "JOIN ON column '" + ref.name() + "' cannot be resolved."));
      return new Expression.ColumnRef(ref.pos(), Optional.empty(),
          leaf ? ref.name() : JoinScope.column(a.name(), ref.name()));
    });
  }

  /** A stream re-keyed on {@code key}: a Calc puts the key first, then a repartition makes it the key. */
  private ExecStep rekey(ExecStep input, Expression key, String prefix, String role, Formats partitioning) {
    List<SelectItem> items = new ArrayList<>();
    Position p = key.pos();
    items.add(new SelectItem.SingleColumn(p, key, Optional.of("__" + prefix + role + "_KEY")));
    for (Column c : input.schema().columns()) {
      items.add(new SelectItem.SingleColumn(p, new Expression.ColumnRef(p, Optional.empty(), c.name()),
          Optional.of(c.name())));
    }
    ExecStep keyed = calc(input, items, prefix + role + "SourceKeyed");
    List<Column> columns = new ArrayList<>();
    List<Column> in = keyed.schema().columns();
    for (int i = 0; i < in.size(); i++) {
      Column c = in.get(i);
      columns.add(new Column(c.name(), c.type(), i == 0 ? Column.Namespace.KEY : Column.Namespace.VALUE));
    }
    return new StreamSelectKey(prefix + "Join-" + role.toLowerCase(java.util.Locale.ROOT), keyed, 1,
        new LogicalSchema(columns), partitioning);
  }

  /** The Calc of {@code items} over the rows of {@code input}, typed and checked by Calcite. */
  private ExecStep calc(ExecStep input, List<SelectItem> items, String name) {
    String virtual = "__SIDE";
    DataSource ds = new DataSource(virtual, SourceKind.STREAM, input.schema(), "", "NONE", "NONE", Map.of(), "",
        false);
    Position p = items.get(0).pos();
    Query query = new Query(p, items, new Relation.Source(p, virtual, Optional.empty()), Optional.empty(),
        Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty(), OptionalInt.empty());
    QueryConverter.Converted converted = new QueryConverter(
        n -> n.equals(virtual) ? Optional.of(ds) : Optional.empty(), functions, false).convert(query);
    return planner.toStep(converted.optimized(), input, converted.outputNames(), name);
  }

  private static LogicalSchema keepKeys(LogicalSchema schema, LogicalSchema input) {
    List<Column> out = new ArrayList<>();
    for (Column c : schema.columns()) {
      boolean key = input.find(c.name()).map(Column::isKey).orElse(false);
      out.add(new Column(c.name(), c.type(), key ? Column.Namespace.KEY : Column.Namespace.VALUE));
    }
    return new LogicalSchema(out);
  }

  private static SqlType keyType(ExecStep step, boolean rekeyed, String column) {
    return rekeyed ? step.schema().columns().get(0).type() : step.schema().find(column).orElseThrow().type();
  }

  /**
   * The columns of a side's rows in the joined row: a source's columns prefixed with its alias, columns the
   * planner added (a re-keying's key) under hidden names, a join's columns as they are. Only the left keys of
   * a foreign-key join stay keys.
   */
  private static List<Column> renamed(ExecStep step, Planned side, String hiddenPrefix, boolean keepKeys) {
    List<Column> out = new ArrayList<>();
    String alias = side.leaf() ? side.aliases().get(0).name() : null;
    for (Column c : step.schema().columns()) {
      String name = c.name().startsWith("__") || alias == null ? c.name() : JoinScope.column(alias, c.name());
      boolean key = keepKeys && c.isKey();
      out.add(new Column(name, c.type(), key ? Column.Namespace.KEY : Column.Namespace.VALUE));
    }
    return out;
  }

  private static void addKeyName(List<KeyName> names, JoinScope scope, Expression.ColumnRef ref) {
    JoinScope.Alias a = scope.resolve(ref, "JOIN ON ").orElseThrow();
    KeyName name = new KeyName(a.name() + "." + ref.name(), JoinScope.column(a.name(), ref.name()));
    if (!names.contains(name)) {
      names.add(name);
    }
  }

  /** The source a side is named by in messages: the source itself, or the first source of a join. */
  private static String name(Planned side) {
    return side.aliases().get(0).source().name();
  }

  private static String describe(Relation.JoinType type) {
    switch (type) {
      case LEFT:
        return "LEFT [OUTER] JOIN";
      case RIGHT:
        return "RIGHT [OUTER] JOIN";
      case FULL:
        return "[FULL] OUTER JOIN";
      default:
        return "[INNER] JOIN";
    }
  }

  /** {@code e} as ksqlDB prints it in messages, each column qualified by its source's alias. */
  private static String qualifiedText(JoinScope scope, Expression e) {
    Expression qualified = JoinScope.rewrite(e, new HashSet<>(), ref -> scope.resolve(ref, "JOIN ON ")
        .<Expression>map(a -> new Expression.ColumnRef(ref.pos(), Optional.of(a.name()), ref.name())).orElse(ref));
    String text = text(qualified);
    return text.startsWith("(") && text.endsWith(")") && qualified instanceof Expression.Binary
        ? text.substring(1, text.length() - 1) : text;
  }

  static String text(Expression e) {
    return SqlFormatter.format(e).replace("`", "");
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** Unused names: the synthetic key column is {@code ROWKEY}, or {@code ROWKEY_n} when a source has one. */
  static String syntheticKeyName(List<JoinScope.Alias> aliases) {
    Set<String> taken = new LinkedHashSet<>();
    for (JoinScope.Alias a : aliases) {
      a.source().schema().columns().forEach(c -> taken.add(c.name()));
    }
    if (!taken.contains("ROWKEY")) {
      return "ROWKEY";
    }
    int n = 1;
    while (taken.contains("ROWKEY_" + n)) {
      n++;
    }
    return "ROWKEY_" + n;
  }
}
