package dev.sluice.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.sluice.error.SluiceException;
import dev.sluice.parser.SqlParser;
import dev.sluice.parser.ast.SourceKind;
import dev.sluice.parser.ast.Statement;
import dev.sluice.planner.catalog.Catalog;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.function.FunctionRegistry;
import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.schema.SqlType;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhysicalPlannerTest {
  private static final DataSource PAGEVIEWS = new DataSource("PAGEVIEWS", SourceKind.STREAM,
      LogicalSchema.builder().key("USER_ID", SqlType.STRING).value("PAGE", SqlType.STRING)
          .value("DURATION_MS", SqlType.BIGINT).build(),
      "pageviews", "KAFKA", "JSON", Map.of(), "CREATE STREAM ...", false);
  private static final Catalog CATALOG = name -> name.equals("PAGEVIEWS") ? Optional.of(PAGEVIEWS) : Optional.empty();

  private static PhysicalPlanner.PlannedQuery plan(String sql, boolean persistent) {
    Statement statement = SqlParser.parse(sql).get(0).statement();
    var query = statement instanceof Statement.CreateAsSelect c ? c.query()
        : ((Statement.QueryStatement) statement).query();
    return new PhysicalPlanner(CATALOG, FunctionRegistry.builtIn()).plan(query, persistent);
  }

  @Test
  void fusesFilterAndProjectionIntoOneCalcWithKsqlTypes() {
    var planned = plan("CREATE STREAM slow_views AS SELECT user_id, UCASE(page) AS page, duration_ms / 1000.0 AS"
        + " secs FROM pageviews WHERE duration_ms > 100 EMIT CHANGES;", true);

    assertThat(planned.root()).isInstanceOf(StreamCalc.class);
    StreamCalc calc = (StreamCalc) planned.root();
    assertThat(calc.filter()).contains("(`DURATION_MS` > CAST(100 AS BIGINT))");
    assertThat(calc.projections()).extracting(StreamCalc.Projection::expression)
        .containsExactly("`USER_ID`", "UCASE(`PAGE`)", "(`DURATION_MS` / 1000.0)");
    assertThat(planned.schema().toSql())
        .isEqualTo("`USER_ID` STRING KEY, `PAGE` STRING, `SECS` DECIMAL(26, 6)");
    assertThat(planned.optimizedPlan()).contains("LogicalCalc");
  }

  @Test
  void planSurvivesJsonRoundTripAndRecompilesToTheSameTypes() throws Exception {
    var planned = plan("SELECT user_id, LEN(page) + 1, duration_ms * 2 FROM pageviews EMIT CHANGES;", false);
    ObjectMapper mapper = new ObjectMapper().registerModule(new Jdk8Module());
    String json = mapper.writeValueAsString(planned.root());
    ExecStep back = mapper.readValue(json, ExecStep.class);

    assertThat(back).isEqualTo(planned.root());
    assertThat(json).contains("\"@type\":\"streamCalcV1\"").contains("\"@type\":\"streamSourceV1\"");
    assertThat(planned.schema().columns()).extracting(c -> c.name())
        .containsExactly("USER_ID", "KSQL_COL_0", "KSQL_COL_1");
    var program = CalcPrograms.of((StreamCalc) back, FunctionRegistry.builtIn());
    assertThat(program.program().getOutputRowType().getFieldCount()).isEqualTo(3);
  }

  @Test
  void unknownColumnNamesTheColumnAndPosition() {
    assertThatThrownBy(() -> plan("SELECT nope FROM pageviews EMIT CHANGES;", false))
        .isInstanceOf(SluiceException.class)
        .hasMessage("line 1:8: Column 'NOPE' cannot be resolved.");
  }

  @Test
  void persistentQueryMustKeepTheKey() {
    assertThatThrownBy(() -> plan("CREATE STREAM s AS SELECT page FROM pageviews;", true))
        .hasMessageEndingWith("The query used to build this source must include the key column USER_ID in its"
            + " projection (eg, SELECT USER_ID...).");
  }

  @Test
  void selectStarHidesPseudoColumnsButTheyCanBeSelected() {
    var star = plan("SELECT * FROM pageviews EMIT CHANGES;", false);
    assertThat(star.schema().columns()).extracting(c -> c.name())
        .containsExactly("USER_ID", "PAGE", "DURATION_MS");
    var pseudo = plan("SELECT ROWTIME, ROWPARTITION, ROWOFFSET FROM pageviews EMIT CHANGES;", false);
    assertThat(pseudo.schema().toSql()).isEqualTo("`ROWTIME` BIGINT, `ROWPARTITION` INTEGER, `ROWOFFSET` BIGINT");
  }
}
