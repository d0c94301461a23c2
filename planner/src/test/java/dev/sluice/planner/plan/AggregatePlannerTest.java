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

/** GROUP BY: result schemas, key names, windows, and the errors, as ksqlDB defines them. */
class AggregatePlannerTest {
  private static final DataSource INPUT = new DataSource("INPUT", SourceKind.STREAM,
      LogicalSchema.builder().key("ID", SqlType.STRING).value("REGION", SqlType.STRING)
          .value("I", SqlType.INTEGER).value("B", SqlType.BIGINT).value("D", SqlType.DOUBLE)
          .value("M", new SqlType.Decimal(6, 2)).build(), "input", "KAFKA", "JSON", Map.of(), "", false);
  private static final DataSource TBL = new DataSource("TBL", SourceKind.TABLE,
      LogicalSchema.builder().key("ID", SqlType.STRING).value("REGION", SqlType.STRING)
          .value("I", SqlType.INTEGER).build(), "tbl", "KAFKA", "JSON", Map.of(), "", false);

  private static PhysicalPlanner.PlannedQuery plan(String select) {
    var stmt = (Statement.CreateAsSelect) SqlParser.parse("CREATE TABLE OUTPUT AS " + select).get(0).statement();
    return new PhysicalPlanner(n -> n.equals("INPUT") ? Optional.of(INPUT)
        : n.equals("TBL") ? Optional.of(TBL) : Optional.empty(), FunctionRegistry.builtIn())
        .plan(stmt.query(), true, Optional.of("OUTPUT"));
  }

  private static String schema(String select) {
    LogicalSchema s = plan(select).schema();
    return new LogicalSchema(java.util.stream.Stream.concat(s.keyColumns().stream(), s.valueColumns().stream())
        .toList()).toSql().replace("`", "");
  }

  private static Aggregate aggregate(ExecStep step) {
    while (!(step instanceof Aggregate)) {
      step = step.inputs().get(0);
    }
    return (Aggregate) step;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT ID, COUNT(*) AS C FROM INPUT GROUP BY ID | ID STRING KEY, C BIGINT",
      "SELECT REGION AS R, COUNT(I) AS C FROM INPUT GROUP BY REGION | R STRING KEY, C BIGINT",
      "SELECT ID, SUM(I) AS SI, SUM(B) AS SB, SUM(D) AS SD, SUM(M) AS SM FROM INPUT GROUP BY ID"
          + " | ID STRING KEY, SI INTEGER, SB BIGINT, SD DOUBLE, SM DECIMAL(6, 2)",
      "SELECT ID, AVG(I) AS A, MIN(M) AS LO, MAX(REGION) AS HI FROM INPUT GROUP BY ID"
          + " | ID STRING KEY, A DOUBLE, LO DECIMAL(6, 2), HI STRING",
      "SELECT I, REGION, COUNT(*) AS C FROM INPUT GROUP BY REGION, I | REGION STRING KEY, I INTEGER KEY, C BIGINT",
      "SELECT ID, COUNT(*) FROM INPUT GROUP BY ID | ID STRING KEY, KSQL_COL_0 BIGINT",
      "SELECT ID, COUNT(*) * 2 AS C2 FROM INPUT GROUP BY ID HAVING SUM(I) > 3 | ID STRING KEY, C2 BIGINT",
      "SELECT ID, WINDOWSTART AS WS, WINDOWEND AS WE, COUNT(*) AS C FROM INPUT WINDOW TUMBLING (SIZE 1 SECOND)"
          + " GROUP BY ID | ID STRING KEY, WS BIGINT, WE BIGINT, C BIGINT",
      "SELECT REGION, SUM(I) AS S FROM TBL GROUP BY REGION | REGION STRING KEY, S INTEGER",
  })
  void resultSchema(String select, String expected) {
    assertThat(schema(select)).isEqualTo(expected);
  }

  @Test
  void groupingByTheKeyDoesNotRepartition() {
    assertThat(aggregate(plan("SELECT ID, COUNT(*) AS C FROM INPUT GROUP BY ID").root()).repartition()).isFalse();
    assertThat(aggregate(plan("SELECT REGION, COUNT(*) AS C FROM INPUT GROUP BY REGION").root()).repartition())
        .isTrue();
  }

  @Test
  void windowsAndEmitFinalReachTheStep() {
    Aggregate a = aggregate(plan("SELECT ID, COUNT(*) AS C FROM INPUT WINDOW HOPPING (SIZE 10 SECONDS,"
        + " ADVANCE BY 5 SECONDS, GRACE PERIOD 1 SECOND) GROUP BY ID EMIT FINAL").root());
    assertThat(a.window()).isPresent();
    assertThat(a.window().get().type()).isEqualTo("HOPPING");
    assertThat(a.window().get().sizeMs()).isEqualTo(10_000);
    assertThat(a.window().get().advanceMs()).isEqualTo(5_000);
    assertThat(a.window().get().graceMs()).contains(1_000L);
    assertThat(a.emitFinal()).isTrue();
    assertThat(aggregate(plan("SELECT ID, COUNT(*) AS C FROM INPUT WINDOW SESSION (5 SECONDS) GROUP BY ID")
        .root()).window().get().session()).isTrue();
  }

  @Test
  void sameAggregateIsComputedOnce() {
    Aggregate a = aggregate(plan("SELECT ID, SUM(I) AS S, SUM(I) + 1 AS S1 FROM INPUT GROUP BY ID"
        + " HAVING SUM(I) > 0").root());
    assertThat(a.calls()).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT ID, REGION, COUNT(*) AS C FROM INPUT GROUP BY ID | Non-aggregate SELECT expression(s) not part of GROUP BY: REGION",
      "SELECT ID, COUNT(*) AS C FROM INPUT GROUP BY ID EMIT FINAL | EMIT FINAL is only supported for windowed aggregations.",
      "SELECT COUNT(*) AS C FROM INPUT GROUP BY REGION | must include the grouping expression REGION in its projection",
      "SELECT ID, COUNT(*) AS C FROM INPUT GROUP BY ID, ID | Duplicate GROUP BY expression: ID",
      "SELECT ID, SUM(COUNT(*)) AS C FROM INPUT GROUP BY ID | Aggregate functions can not be nested",
      "SELECT REGION, MIN(I) AS M FROM TBL GROUP BY REGION | The aggregation functions MIN cannot be applied to a table source",
      "SELECT ID, SUM(REGION) AS S FROM INPUT GROUP BY ID | Function 'SUM' does not accept parameters (STRING).",
      "SELECT ID, COUNT(*) AS C FROM INPUT GROUP BY ID HAVING REGION = 'x' | Non-aggregate HAVING expression not part of GROUP BY: REGION",
      "SELECT REGION, COUNT(*) AS C FROM INPUT | Non-aggregate SELECT expression(s) not part of GROUP BY: REGION",
      "SELECT REGION, NO_SUCH_FN(I) AS X, COUNT(*) AS C FROM INPUT GROUP BY REGION | Can't find any functions with the name 'NO_SUCH_FN'",
      "SELECT ID, COUNT(*) AS C FROM INPUT WINDOW TUMBLING (SIZE 1 SECOND) GROUP BY ID, WINDOWSTART | Window bounds column WINDOWSTART can only be used in the SELECT clause",
      "SELECT ID, MIN(WINDOWEND) AS C FROM INPUT WINDOW TUMBLING (SIZE 1 SECOND) GROUP BY ID | Window bounds column WINDOWEND can only be used in the SELECT clause",
      "SELECT COUNT(*) AS C FROM INPUT | does not support aggregate function [COUNT(ROWTIME)] without a GROUP BY clause.",
  })
  void errors(String select, String message) {
    assertThatThrownBy(() -> plan(select)).hasMessageContaining(message);
  }

  @Test
  void havingOrAggregateInWhereWithoutGroupByIsRejected() {
    assertThatThrownBy(() -> plan("SELECT ID, I FROM INPUT HAVING COUNT(*) > 1"));
    assertThatThrownBy(() -> plan("SELECT ID, COUNT(*) AS C FROM INPUT WHERE SUM(I) > 1 GROUP BY ID"));
  }
}
