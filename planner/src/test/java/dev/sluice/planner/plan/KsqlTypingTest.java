package dev.sluice.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.parser.SqlParser;
import dev.sluice.parser.ast.SourceKind;
import dev.sluice.parser.ast.Statement;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.function.FunctionRegistry;
import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.schema.SqlType;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Result types and type errors where ksqlDB's rules differ from Calcite's defaults. */
class KsqlTypingTest {
  private static final DataSource INPUT = new DataSource("INPUT", SourceKind.STREAM,
      LogicalSchema.builder().key("ID", SqlType.STRING).value("A", SqlType.INTEGER).value("B", SqlType.BIGINT)
          .value("S", SqlType.STRING).build(), "input", "KAFKA", "JSON", Map.of(), "", false);

  private static PhysicalPlanner.PlannedQuery plan(String select) {
    var query = ((Statement.QueryStatement) SqlParser.parse(select).get(0).statement()).query();
    return new PhysicalPlanner(n -> n.equals("INPUT") ? Optional.of(INPUT) : Optional.empty(),
        FunctionRegistry.builtIn()).plan(query, false);
  }

  @Test
  void remainderHasTheWiderOperandType() {
    assertThat(plan("SELECT B % A AS R, A % A AS I FROM INPUT EMIT CHANGES;").schema().toSql())
        .isEqualTo("`R` BIGINT, `I` INTEGER");
  }

  @Test
  void stringsDoNotCompareWithNumbers() {
    assertThatThrownBy(() -> plan("SELECT ID FROM INPUT WHERE S > 1 EMIT CHANGES;"))
        .hasMessageContaining("line 1:28: Cannot compare S (STRING) to 1 (INTEGER) with GREATER_THAN.").hasMessageContaining("STRING").hasMessageContaining("INTEGER");
  }

  @Test
  void simpleCaseComparesItsOperand() {
    assertThat(plan("SELECT CASE A WHEN 1 THEN 'one' ELSE 'many' END AS W FROM INPUT EMIT CHANGES;").schema().toSql())
        .isEqualTo("`W` STRING");
  }
}
