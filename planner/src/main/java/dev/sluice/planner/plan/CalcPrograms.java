package dev.sluice.planner.plan;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.parser.SqlParser;
import dev.sluice.parser.ast.Expression;
import dev.sluice.parser.ast.Position;
import dev.sluice.parser.ast.Query;
import dev.sluice.parser.ast.Relation;
import dev.sluice.parser.ast.SelectItem;
import dev.sluice.parser.ast.SourceKind;
import dev.sluice.planner.calcite.QueryConverter;
import dev.sluice.planner.calcite.TypeConverter;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.function.FunctionRegistry;
import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.schema.SqlType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rex.RexProgram;

/**
 * Rebuilds the Calcite program of a persisted {@link StreamCalc} from its SQL text, through the same
 * pipeline that planned it, for code generation. The result is checked against the step's schema, so a
 * change in typing can never silently change what a running query writes.
 */
public final class CalcPrograms {
  private static final String INPUT = "__INPUT";

  private CalcPrograms() {}

  /** A program over {@code Object[]} rows of the input schema, and the factory its types belong to. */
  public record CalcProgram(RexProgram program, JavaTypeFactory typeFactory) {}

  public static CalcProgram of(StreamCalc calc, FunctionRegistry functions) {
    LogicalSchema input = calc.input().schema();
    DataSource ds = new DataSource(INPUT, SourceKind.STREAM, input, "", "NONE", "NONE", Map.of(), "", false);
    Position p = Position.UNKNOWN;
    List<SelectItem> items = calc.projections().stream()
        .<SelectItem>map(pr -> new SelectItem.SingleColumn(p, SqlParser.parseExpression(pr.expression()),
            Optional.of(pr.name())))
        .toList();
    Optional<Expression> where = calc.filter().map(SqlParser::parseExpression);
    Query query = new Query(p, items, new Relation.Source(p, INPUT, Optional.empty()), Optional.empty(), where,
        List.of(), List.of(), Optional.empty(), Optional.empty(), OptionalInt.empty());
    QueryConverter converter = new QueryConverter(name -> name.equals(INPUT) ? Optional.of(ds) : Optional.empty(),
        functions, false);
    RelNode rel = converter.convert(query).optimized();
    RexProgram program = rel instanceof LogicalCalc c ? c.getProgram()
        : RexProgram.createIdentity(rel.getRowType());
    List<SqlType> actual = program.getOutputRowType().getFieldList().stream()
        .map(f -> TypeConverter.fromRel(f.getType())).toList();
    List<SqlType> expected = calc.schema().columns().stream().map(c -> c.type()).toList();
    if (!actual.equals(expected)) {
      throw new SluiceException(ErrorCode.SERVER_ERROR, "Step " + calc.name()
          + " compiles to different types than it was planned with: " + actual + " vs " + expected);
    }
    return new CalcProgram(program, converter.typeFactory());
  }
}
