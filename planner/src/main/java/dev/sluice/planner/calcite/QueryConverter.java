package dev.sluice.planner.calcite;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.parser.SqlFormatter;
import dev.sluice.parser.ast.Expression;
import dev.sluice.parser.ast.Position;
import dev.sluice.parser.ast.Query;
import dev.sluice.parser.ast.Relation;
import dev.sluice.planner.catalog.Catalog;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.function.FunctionRegistry;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Takes a SELECT of the dialect through Calcite: {@link AstToSqlNode}, the case-sensitive validator with
 * Sluice's operator table and type system, {@link SqlToRelConverter} (wired directly: {@code Frameworks}
 * and {@code PlannerImpl} are avoided, see the architecture research, P12) and the rule program. One
 * instance per statement; not thread-safe.
 */
public final class QueryConverter {
  /** The type factory every planning step shares; Calcite types are only comparable within one factory. */
  private final JavaTypeFactory typeFactory = new JavaTypeFactoryImpl(SluiceTypeSystem.INSTANCE);
  private final Catalog catalog;
  private final FunctionRegistry functions;
  private final boolean pseudoColumns;

  /**
   * @param pseudoColumns whether sources expose ROWTIME, ROWPARTITION and ROWOFFSET (false when the
   *     source's schema already has them, as for the input of a compiled Calc)
   */
  public QueryConverter(Catalog catalog, FunctionRegistry functions, boolean pseudoColumns) {
    this.catalog = catalog;
    this.functions = functions;
    this.pseudoColumns = pseudoColumns;
  }

  /** The query before and after the rule program, with the output column names. */
  public record Converted(RelNode logical, RelNode optimized, List<String> outputNames, DataSource source) {
    public String explainLogical() {
      return RelOptUtil.toString(logical);
    }

    public String explainOptimized() {
      return RelOptUtil.toString(optimized);
    }
  }

  public JavaTypeFactory typeFactory() {
    return typeFactory;
  }

  public Converted convert(Query query) {
    AstToSqlNode.Converted sql = new AstToSqlNode(catalog).convert(query);
    DataSource source = catalog.source(((Relation.Source) query.from()).name()).orElseThrow();

    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    root.add(source.name(), new SourceTable(source.schema(), pseudoColumns, source.isWindowed()));
    Properties props = new Properties();
    props.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
    CalciteCatalogReader reader = new CalciteCatalogReader(root, List.of(), typeFactory,
        new CalciteConnectionConfigImpl(props));
    SqlOperatorTable operators = SqlOperatorTables.chain(SluiceOperatorTable.create(functions, typeFactory), reader);
    SqlValidator validator = SqlValidatorUtil.newValidator(operators, reader, typeFactory,
        SqlValidator.Config.DEFAULT.withIdentifierExpansion(true).withTypeCoercionFactory(SluiceTypeCoercion::new));

    SqlNode validated;
    try {
      validated = validator.validate(sql.select());
      ComparisonTypes.check(validator, validated);
      CastTypes.check(validator, validated);
    } catch (CalciteContextException e) {
      String message = e.getCause() != null && e.getCause().getMessage() != null
          ? e.getCause().getMessage() : e.getMessage();
      if (message.equals("WHERE clause must be a condition") && query.where().isPresent()) {
        message = whereTypeError(validator, sql.select(), query.where().get());
      }
      throw new SluiceException(ErrorCode.BAD_STATEMENT, new Position(e.getPosLine(), e.getPosColumn()),
          userMessage(message));
    }

    RelOptCluster cluster = RelOptCluster.create(new HepPlanner(HepProgram.builder().build()),
        new RexBuilder(typeFactory));
    SqlToRelConverter converter = new SqlToRelConverter((type, text, schema, path) -> {
      throw new UnsupportedOperationException("views are not part of the dialect");
    }, validator, reader, cluster, new SluiceConvertlets(StandardConvertletTable.INSTANCE),
        SqlToRelConverter.config().withTrimUnusedFields(false).withExpand(false));
    RelNode logical = converter.convertQuery(validated, false, true).project();

    HepPlanner hep = new HepPlanner(RulePrograms.v1());
    hep.setRoot(logical);
    RelNode optimized = hep.findBestExp();
    return new Converted(logical, optimized, sql.outputNames(), source);
  }

  /** ksqlDB's message for a WHERE expression that is not a BOOLEAN, with the expression and its type. */
  private static String whereTypeError(SqlValidator validator, SqlNode select, Expression where) {
    SqlNode condition = select instanceof SqlSelect s ? s.getWhere() : null;
    RelDataType type = condition == null ? null : validator.getValidatedNodeTypeIfKnown(condition);
    return "Type error in WHERE expression: Should evaluate to boolean but is "
        + SqlFormatter.format(where).replace("`", "")
        + (type == null ? "" : " (" + TypeConverter.fromRel(type).sql() + ")") + " instead.";
  }

  /** A Calcite type name as the dialect names it. */
  private static String ksqlType(String calcite) {
    return calcite.replaceAll("VARCHAR(\\(\\d+\\))?|CHAR(\\(\\d+\\))?", "STRING").replace("INTEGER", "INTEGER")
        .replaceAll("VARBINARY(\\(\\d+\\))?", "BYTES");
  }

  /** Calcite's wording where it differs from ksqlDB's, which users' scripts and docs expect. */
  private static String userMessage(String calcite) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("Column '([^']*)' not found in any table").matcher(calcite);
    if (m.matches()) {
      return "Column '" + m.group(1) + "' cannot be resolved.";
    }
    java.util.regex.Matcher apply = java.util.regex.Pattern
        .compile("Cannot apply '(.*)' to arguments of type '<(.*)> .* <(.*)>'\\..*", java.util.regex.Pattern.DOTALL)
        .matcher(calcite);
    if (apply.matches()) {
      return "Cannot apply '" + apply.group(1) + "' to " + ksqlType(apply.group(2)) + " and "
          + ksqlType(apply.group(3)) + ".";
    }
    return calcite;
  }
}
