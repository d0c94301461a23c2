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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PARTITION BY: key columns, their names and order, and the errors, as ksqlDB defines them. */
class PartitionByPlannerTest {
  private static final DataSource INPUT = new DataSource("INPUT", SourceKind.STREAM,
      LogicalSchema.builder().key("ID", SqlType.INTEGER).value("NAME", SqlType.STRING)
          .value("AGE", SqlType.INTEGER).build(), "input", "KAFKA", "JSON", Map.of(), "", false);

  private static PhysicalPlanner.PlannedQuery plan(String select) {
    var stmt = (Statement.CreateAsSelect) SqlParser.parse("CREATE STREAM OUTPUT AS " + select).get(0).statement();
    return new PhysicalPlanner(n -> n.equals("INPUT") ? Optional.of(INPUT) : Optional.empty(),
        FunctionRegistry.builtIn()).plan(stmt.query(), true);
  }

  /** The result schema with key columns first, as the sink writes it. */
  private static String schema(String select) {
    LogicalSchema s = plan(select).schema();
    return new LogicalSchema(java.util.stream.Stream.concat(s.keyColumns().stream(), s.valueColumns().stream())
        .toList()).toSql().replace("`", "");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "select * from INPUT partition by NAME | NAME STRING KEY, AGE INTEGER, ID INTEGER",
      "select ID, NAME, AGE from INPUT partition by NAME | NAME STRING KEY, ID INTEGER, AGE INTEGER",
      "select * from INPUT partition by ABS(ID) | KSQL_COL_0 INTEGER KEY, NAME STRING, AGE INTEGER, ID INTEGER",
      "select NAME, ID, LEN(NAME) from INPUT partition by LEN(NAME) | KSQL_COL_0 INTEGER KEY, NAME STRING, ID INTEGER",
      "select NAME AS NEW_KEY, ID, AGE from INPUT partition by NAME | NEW_KEY STRING KEY, ID INTEGER, AGE INTEGER",
      "select NAME AS ID, AGE, ID AS OLD from INPUT partition by NAME | ID STRING KEY, AGE INTEGER, OLD INTEGER",
      "select ID, AGE, NAME from INPUT partition by AGE, ID | AGE INTEGER KEY, ID INTEGER KEY, NAME STRING",
      "select ID, NAME from INPUT partition by null | ID INTEGER, NAME STRING",
      "select 1 AS K, ID, NAME from INPUT partition by 1 | K INTEGER KEY, ID INTEGER, NAME STRING",
      "select INPUT.NAME, ID from INPUT partition by NAME | NAME STRING KEY, ID INTEGER",
  })
  void keyColumnsAreNamedAndOrderedAsKsqlDb(String select, String expected) {
    assertThat(schema(select)).isEqualTo(expected);
  }

  @Test
  void rekeysThroughANamedRepartitionAfterTheFilter() {
    var planned = plan("select NAME, ID from INPUT where AGE > 18 partition by NAME;");
    StreamCalc project = (StreamCalc) planned.root();
    StreamSelectKey selectKey = (StreamSelectKey) project.input();
    StreamCalc keys = (StreamCalc) selectKey.input();
    assertThat(selectKey.name()).isEqualTo("PartitionBy");
    assertThat(selectKey.keyCount()).isEqualTo(1);
    assertThat(keys.filter()).contains("(`AGE` > 18)");
    assertThat(keys.name()).isEqualTo("PartitionBy.Keys");
  }

  @Test
  void partitioningExpressionMustBeSelected() {
    assertThatThrownBy(() -> plan("select NAME, ID from INPUT partition by ABS(ID);"))
        .hasMessageContaining("must include the partitioning expression ABS(INPUT.ID) in its projection");
  }

  @Test
  void keySelectedTwiceIsAnError() {
    assertThatThrownBy(() -> plan("select NAME, NAME AS NAME2, ID from INPUT partition by NAME;"))
        .hasMessageContaining("The projection contains a key column (`NAME`) more than once, aliased as: NAME and NAME2.");
  }

  @Test
  void partitionByAnOutputAliasSaysItAppliesToTheInput() {
    assertThatThrownBy(() -> plan("select ID, AGE, NAME AS something from INPUT partition by something;"))
        .hasMessageContaining("PARTITION BY column 'SOMETHING' cannot be resolved. 'SOMETHING' must be a column in"
            + " the source schema since PARTITION BY is applied on the input.");
  }
}
