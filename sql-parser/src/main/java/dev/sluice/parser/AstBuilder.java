package dev.sluice.parser;

import static dev.sluice.parser.Names.identifier;
import static dev.sluice.parser.Names.pos;
import static dev.sluice.parser.Names.string;

import dev.sluice.parser.SluiceParser.*;
import dev.sluice.parser.ast.ColumnDef;
import dev.sluice.parser.ast.Expression;
import dev.sluice.parser.ast.Literal;
import dev.sluice.parser.ast.Query;
import dev.sluice.parser.ast.Relation;
import dev.sluice.parser.ast.SelectItem;
import dev.sluice.parser.ast.SourceKind;
import dev.sluice.parser.ast.Statement;
import dev.sluice.parser.ast.TimeUnit;
import dev.sluice.parser.ast.WindowSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.antlr.v4.runtime.Token;

/**
 * Turns a parse tree into {@link Statement} records: the only code that knows both the generated parse tree
 * and the AST, so that the grammar can be reshaped without touching anything downstream. Checks the few
 * things the grammar does not (duplicate WITH properties or window options, number ranges).
 */
final class AstBuilder extends SluiceBaseVisitor<Statement> {
  private final ExpressionBuilder expressions = new ExpressionBuilder();

  Statement statement(StatementContext ctx) {
    return visit(ctx);
  }

  @Override
  public Statement visitQueryStatement(QueryStatementContext ctx) {
    return new Statement.QueryStatement(pos(ctx), query(ctx.query()));
  }

  @Override
  public Statement visitListStatement(ListStatementContext ctx) {
    ListTargetContext target = ctx.listTarget();
    boolean extended = ctx.EXTENDED() != null;
    if (target.CONNECTORS() != null) {
      Optional<Statement.ConnectorScope> scope = target.SOURCE() != null
          ? Optional.of(Statement.ConnectorScope.SOURCE)
          : target.SINK() != null ? Optional.of(Statement.ConnectorScope.SINK) : Optional.empty();
      return new Statement.ListConnectors(pos(ctx), scope);
    }
    if (target.PLUGINS() != null) {
      return new Statement.ListConnectorPlugins(pos(ctx));
    }
    Statement.ListKind kind;
    if (target.TOPICS() != null) {
      kind = target.ALL() != null ? Statement.ListKind.ALL_TOPICS : Statement.ListKind.TOPICS;
    } else {
      kind = Statement.ListKind.valueOf(target.getStart().getText().toUpperCase(Locale.ROOT));
    }
    return new Statement.ListStatement(pos(ctx), kind, extended);
  }

  @Override
  public Statement visitDescribeAll(DescribeAllContext ctx) {
    SourceKind kind = ctx.STREAMS() != null ? SourceKind.STREAM : SourceKind.TABLE;
    return new Statement.Describe(pos(ctx), Optional.empty(), Optional.of(kind), ctx.EXTENDED() != null);
  }

  @Override
  public Statement visitDescribeSource(DescribeSourceContext ctx) {
    return new Statement.Describe(pos(ctx), Optional.of(name(ctx.sourceName())), Optional.empty(),
        ctx.EXTENDED() != null);
  }

  @Override
  public Statement visitDescribeFunction(DescribeFunctionContext ctx) {
    return new Statement.DescribeFunction(pos(ctx), identifier(ctx.identifier()));
  }

  @Override
  public Statement visitDescribeConnector(DescribeConnectorContext ctx) {
    return new Statement.DescribeConnector(pos(ctx), identifier(ctx.identifier()));
  }

  @Override
  public Statement visitPrintTopic(PrintTopicContext ctx) {
    String topic = ctx.STRING() != null ? string(ctx.STRING().getSymbol()) : Names.caseSensitive(ctx.identifier());
    PrintClauseContext clause = ctx.printClause();
    Optional<Integer> interval = clause.INTEGER_VALUE() == null
        ? Optional.empty() : Optional.of(ExpressionBuilder.smallInt(clause.INTEGER_VALUE().getSymbol()));
    Optional<Integer> limit = clause.limitClause() == null
        ? Optional.empty() : Optional.of(ExpressionBuilder.smallInt(clause.limitClause().INTEGER_VALUE().getSymbol()));
    return new Statement.Print(pos(ctx), topic, clause.BEGINNING() != null, interval, limit);
  }

  @Override
  public Statement visitExplain(ExplainContext ctx) {
    if (ctx.statement() != null) {
      return new Statement.Explain(pos(ctx), Optional.of(visit(ctx.statement())), Optional.empty());
    }
    return new Statement.Explain(pos(ctx), Optional.empty(), Optional.of(identifier(ctx.identifier())));
  }

  @Override
  public Statement visitTerminateQuery(TerminateQueryContext ctx) {
    return new Statement.Terminate(pos(ctx), queryId(ctx.identifier()));
  }

  @Override
  public Statement visitPauseQuery(PauseQueryContext ctx) {
    return new Statement.PauseResume(pos(ctx), true, queryId(ctx.identifier()));
  }

  @Override
  public Statement visitResumeQuery(ResumeQueryContext ctx) {
    return new Statement.PauseResume(pos(ctx), false, queryId(ctx.identifier()));
  }

  private static Optional<String> queryId(IdentifierContext ctx) {
    return ctx == null ? Optional.empty() : Optional.of(identifier(ctx));
  }

  @Override
  public Statement visitSetProperty(SetPropertyContext ctx) {
    return new Statement.SetProperty(pos(ctx), string(ctx.STRING(0).getSymbol()), string(ctx.STRING(1).getSymbol()));
  }

  @Override
  public Statement visitUnsetProperty(UnsetPropertyContext ctx) {
    return new Statement.UnsetProperty(pos(ctx), string(ctx.STRING().getSymbol()));
  }

  @Override
  public Statement visitAlterSystemProperty(AlterSystemPropertyContext ctx) {
    return new Statement.AlterSystemProperty(pos(ctx), string(ctx.STRING(0).getSymbol()),
        string(ctx.STRING(1).getSymbol()));
  }

  @Override
  public Statement visitDefineVariable(DefineVariableContext ctx) {
    // A variable keeps the name as written (SHOW VARIABLES lists it so, as ksqlDB does); ${name} matches any case.
    return new Statement.DefineVariable(pos(ctx), Names.caseSensitive(ctx.identifier()),
        string(ctx.STRING().getSymbol()));
  }

  @Override
  public Statement visitUndefineVariable(UndefineVariableContext ctx) {
    return new Statement.UndefineVariable(pos(ctx), Names.caseSensitive(ctx.identifier()));
  }

  @Override
  public Statement visitCreateSource(CreateSourceContext ctx) {
    List<ColumnDef> columns = ctx.tableElements() == null ? List.of() : columns(ctx.tableElements().tableElement());
    return new Statement.CreateSource(pos(ctx), kind(ctx.sourceKind()), name(ctx.sourceName()), ctx.OR() != null,
        ctx.SOURCE() != null, ctx.IF() != null, columns, properties(ctx.tableProperties(), true));
  }

  @Override
  public Statement visitCreateAsSelect(CreateAsSelectContext ctx) {
    return new Statement.CreateAsSelect(pos(ctx), kind(ctx.sourceKind()), name(ctx.sourceName()), ctx.OR() != null,
        ctx.IF() != null, properties(ctx.tableProperties(), true), query(ctx.query()));
  }

  @Override
  public Statement visitCreateConnector(CreateConnectorContext ctx) {
    return new Statement.CreateConnector(pos(ctx), ctx.SOURCE() != null, identifier(ctx.identifier()),
        ctx.IF() != null, properties(ctx.tableProperties(), false));
  }

  @Override
  public Statement visitCreateType(CreateTypeContext ctx) {
    return new Statement.CreateType(pos(ctx), identifier(ctx.identifier()), ctx.IF() != null,
        expressions.type(ctx.type()));
  }

  @Override
  public Statement visitInsertValues(InsertValuesContext ctx) {
    List<String> columns = new ArrayList<>();
    if (ctx.columnList() != null) {
      for (IdentifierContext column : ctx.columnList().identifier()) {
        columns.add(identifier(column));
      }
    }
    return new Statement.InsertValues(pos(ctx), name(ctx.sourceName()), List.copyOf(columns),
        expressions.list(ctx.valueList().expression()));
  }

  @Override
  public Statement visitInsertInto(InsertIntoContext ctx) {
    return new Statement.InsertInto(pos(ctx), name(ctx.sourceName()), properties(ctx.tableProperties(), true),
        query(ctx.query()));
  }

  @Override
  public Statement visitDropSource(DropSourceContext ctx) {
    return new Statement.DropSource(pos(ctx), kind(ctx.sourceKind()), name(ctx.sourceName()), ctx.IF() != null,
        ctx.DELETE() != null);
  }

  @Override
  public Statement visitDropConnector(DropConnectorContext ctx) {
    return new Statement.DropConnector(pos(ctx), identifier(ctx.identifier()), ctx.IF() != null);
  }

  @Override
  public Statement visitDropType(DropTypeContext ctx) {
    return new Statement.DropType(pos(ctx), identifier(ctx.identifier()), ctx.IF() != null);
  }

  @Override
  public Statement visitAlterSource(AlterSourceContext ctx) {
    List<ColumnDef> columns = new ArrayList<>();
    for (AlterOptionContext option : ctx.alterOption()) {
      columns.add(new ColumnDef(pos(option.identifier()), identifier(option.identifier()),
          expressions.type(option.type()), ColumnDef.Constraint.NONE, Optional.empty()));
    }
    return new Statement.AlterSource(pos(ctx), kind(ctx.sourceKind()), name(ctx.sourceName()),
        List.copyOf(columns));
  }

  @Override
  public Statement visitAssertTopic(AssertTopicContext ctx) {
    String topic = ctx.STRING() != null ? string(ctx.STRING().getSymbol()) : Names.caseSensitive(ctx.identifier());
    return new Statement.AssertTopic(pos(ctx), topic, ctx.NOT() == null, properties(ctx.tableProperties(), true),
        timeout(ctx.timeoutClause()));
  }

  @Override
  public Statement visitAssertSchema(AssertSchemaContext ctx) {
    Optional<String> subject = Optional.empty();
    if (ctx.SUBJECT() != null) {
      subject = Optional.of(ctx.STRING() != null
          ? string(ctx.STRING().getSymbol()) : Names.caseSensitive(ctx.identifier()));
    }
    Optional<Integer> id = ctx.ID() == null
        ? Optional.empty() : Optional.of(ExpressionBuilder.smallInt(ctx.INTEGER_VALUE().getSymbol()));
    return new Statement.AssertSchema(pos(ctx), ctx.NOT() == null, subject, id, timeout(ctx.timeoutClause()));
  }

  private static Optional<Long> timeout(TimeoutClauseContext ctx) {
    return ctx == null ? Optional.empty() : Optional.of(millis(ctx.duration()));
  }

  @Override
  public Statement visitRunScript(RunScriptContext ctx) {
    return new Statement.RunScript(pos(ctx), string(ctx.STRING().getSymbol()));
  }

  // ------------------------------------------------------------------ parts of DDL

  private static SourceKind kind(SourceKindContext ctx) {
    return ctx.STREAM() != null ? SourceKind.STREAM : SourceKind.TABLE;
  }

  private static String name(SourceNameContext ctx) {
    return identifier(ctx.identifier());
  }

  private List<ColumnDef> columns(List<TableElementContext> elements) {
    List<ColumnDef> columns = new ArrayList<>();
    for (TableElementContext element : elements) {
      ColumnDef.Constraint constraint = ColumnDef.Constraint.NONE;
      Optional<String> headerKey = Optional.empty();
      ColumnConstraintContext c = element.columnConstraint();
      if (c instanceof PrimaryKeyConstraintContext) {
        constraint = ColumnDef.Constraint.PRIMARY_KEY;
      } else if (c instanceof KeyConstraintContext) {
        constraint = ColumnDef.Constraint.KEY;
      } else if (c instanceof HeadersConstraintContext) {
        constraint = ColumnDef.Constraint.HEADERS;
      } else if (c instanceof HeaderConstraintContext header) {
        constraint = ColumnDef.Constraint.HEADER;
        headerKey = Optional.of(string(header.STRING().getSymbol()));
      }
      columns.add(new ColumnDef(pos(element), identifier(element.identifier()), expressions.type(element.type()),
          constraint, headerKey));
    }
    return List.copyOf(columns);
  }

  /**
   * WITH properties in source order. Names of source properties are upper-cased (ksqlDB's are
   * case-insensitive); connector configuration keys written as strings keep their case.
   */
  private static Map<String, Literal> properties(TablePropertiesContext ctx, boolean upperCaseNames) {
    if (ctx == null) {
      return Map.of();
    }
    Map<String, Literal> properties = new LinkedHashMap<>();
    for (TablePropertyContext property : ctx.tableProperty()) {
      String name = property.STRING() != null ? string(property.STRING().getSymbol()) : identifier(property.identifier());
      if (upperCaseNames) {
        name = name.toUpperCase(Locale.ROOT);
      }
      PropertyValueContext value = property.propertyValue();
      Literal literal = value.STRING() != null
          ? new Literal(pos(value), string(value.STRING().getSymbol()), true)
          : new Literal(pos(value), value.getText(), false);
      if (properties.putIfAbsent(name, literal) != null) {
        throw new SqlParseException(pos(property), "Duplicate property: " + name);
      }
    }
    return Collections.unmodifiableMap(properties);
  }

  // ------------------------------------------------------------------ queries

  Query query(QueryContext ctx) {
    List<SelectItem> select = new ArrayList<>();
    for (SelectItemContext item : ctx.selectItem()) {
      select.add(selectItem(item));
    }
    Optional<WindowSpec> window = ctx.windowExpression() == null
        ? Optional.empty() : Optional.of(window(ctx.windowExpression()));
    Optional<Query.Emit> emit = ctx.EMIT() == null
        ? Optional.empty() : Optional.of(ctx.CHANGES() != null ? Query.Emit.CHANGES : Query.Emit.FINAL);
    OptionalInt limit = ctx.limitClause() == null
        ? OptionalInt.empty() : OptionalInt.of(ExpressionBuilder.smallInt(ctx.limitClause().INTEGER_VALUE().getSymbol()));
    return new Query(pos(ctx), List.copyOf(select), relation(ctx.relation()), window,
        expressions.optional(ctx.where), expressionList(ctx.groupBy), expressionList(ctx.partitionBy),
        expressions.optional(ctx.having), emit, limit);
  }

  private List<Expression> expressionList(ExpressionListContext ctx) {
    return ctx == null ? List.of() : expressions.list(ctx.expression());
  }

  private List<Expression> expressionList(ValueExpressionListContext ctx) {
    return ctx == null ? List.of() : expressions.list(ctx.valueExpression());
  }

  private SelectItem selectItem(SelectItemContext ctx) {
    if (ctx instanceof SelectAllContext) {
      return new SelectItem.AllColumns(pos(ctx), Optional.empty());
    }
    if (ctx instanceof SelectSourceAllContext all) {
      return new SelectItem.AllColumns(pos(ctx), Optional.of(identifier(all.identifier())));
    }
    if (ctx instanceof SelectStructAllContext struct) {
      return new SelectItem.StructAll(pos(ctx), expressions.expression(struct.primaryExpression()));
    }
    SelectSingleContext single = (SelectSingleContext) ctx;
    Optional<String> alias = single.identifier() == null ? Optional.empty() : Optional.of(identifier(single.identifier()));
    return new SelectItem.SingleColumn(pos(ctx), expressions.expression(single.expression()), alias);
  }

  private Relation relation(RelationContext ctx) {
    Relation result = source(ctx.aliasedRelation());
    for (JoinClauseContext join : ctx.joinClause()) {
      JoinTypeContext type = join.joinType();
      Relation.JoinType joinType = type.LEFT() != null ? Relation.JoinType.LEFT
          : type.RIGHT() != null ? Relation.JoinType.RIGHT
          : type.FULL() != null ? Relation.JoinType.FULL
          : Relation.JoinType.INNER;
      Optional<Relation.WithinClause> within = join.withinClause() == null
          ? Optional.empty() : Optional.of(within(join.withinClause()));
      result = new Relation.Join(pos(join), joinType, result, source(join.aliasedRelation()), within,
          expressions.expression(join.expression()));
    }
    return result;
  }

  private static Relation.Source source(AliasedRelationContext ctx) {
    Optional<String> alias = ctx.identifier() == null ? Optional.empty() : Optional.of(identifier(ctx.identifier()));
    return new Relation.Source(pos(ctx), name(ctx.sourceName()), alias);
  }

  private static Relation.WithinClause within(WithinClauseContext ctx) {
    long before;
    long after;
    if (ctx.before != null) {
      before = millis(ctx.before);
      after = millis(ctx.after);
    } else {
      before = millis(ctx.duration(0));
      after = before;
    }
    Optional<Long> grace = ctx.gracePeriod() == null ? Optional.empty() : Optional.of(millis(ctx.gracePeriod().duration()));
    return new Relation.WithinClause(pos(ctx), before, after, grace);
  }

  private static WindowSpec window(WindowExpressionContext ctx) {
    Optional<Long> retention = Optional.empty();
    Optional<Long> grace = Optional.empty();
    List<WindowOptionContext> options = ctx instanceof TumblingWindowContext t ? t.windowOption()
        : ctx instanceof HoppingWindowContext h ? h.windowOption() : ((SessionWindowContext) ctx).windowOption();
    for (WindowOptionContext option : options) {
      if (option instanceof RetentionOptionContext r) {
        if (retention.isPresent()) {
          throw new SqlParseException(pos(option), "Duplicate window option: RETENTION");
        }
        retention = Optional.of(millis(r.duration()));
      } else {
        if (grace.isPresent()) {
          throw new SqlParseException(pos(option), "Duplicate window option: GRACE PERIOD");
        }
        grace = Optional.of(millis(((GraceOptionContext) option).gracePeriod().duration()));
      }
    }
    if (ctx instanceof TumblingWindowContext t) {
      return new WindowSpec.Tumbling(pos(ctx), millis(t.duration()), retention, grace);
    }
    if (ctx instanceof HoppingWindowContext h) {
      return new WindowSpec.Hopping(pos(ctx), millis(h.size), millis(h.advance), retention, grace);
    }
    return new WindowSpec.Session(pos(ctx), millis(((SessionWindowContext) ctx).duration()), retention, grace);
  }

  static long millis(DurationContext ctx) {
    Token number = ctx.INTEGER_VALUE().getSymbol();
    long value;
    try {
      value = Long.parseLong(number.getText());
    } catch (NumberFormatException e) {
      throw new SqlParseException(pos(number), "Duration too large: " + number.getText());
    }
    return timeUnit(ctx.timeUnit()).toMillis(value);
  }

  static TimeUnit timeUnit(TimeUnitContext ctx) {
    return ExpressionBuilder.timeUnit(ctx.getText().toUpperCase(Locale.ROOT));
  }
}
