package dev.sluice.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.sluice.parser.SqlParser;
import dev.sluice.parser.ast.SourceKind;
import dev.sluice.parser.ast.Statement;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.function.FunctionRegistry;
import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.schema.SqlType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Table functions: the Calc / FlatMap / Project shape, the columns' names and types, and the errors. */
class TableFunctionPlannerTest {
  private static final DataSource INPUT = new DataSource("INPUT", SourceKind.STREAM,
      LogicalSchema.builder().key("ID", SqlType.STRING).value("XS", new SqlType.Array(SqlType.BIGINT))
          .value("N", SqlType.INTEGER).build(), "input", "KAFKA", "JSON", Map.of(), "", false);
  private static final DataSource TABLE = new DataSource("T", SourceKind.TABLE, INPUT.schema(), "t", "KAFKA",
      "JSON", Map.of(), "", false);

  private static PhysicalPlanner.PlannedQuery plan(String select) {
    var stmt = (Statement.CreateAsSelect) SqlParser.parse("CREATE STREAM OUTPUT AS " + select).get(0).statement();
    return new PhysicalPlanner(n -> n.equals("INPUT") ? Optional.of(INPUT)
        : n.equals("T") ? Optional.of(TABLE) : Optional.empty(), FunctionRegistry.builtIn()).plan(stmt.query(), true);
  }

  @Test
  void filtersAndComputesTheListsThenFlattensThenProjects() {
    var planned = plan("select ID, ABS(EXPLODE(XS)), N, EXPLODE(XS) AS X from INPUT where N > 0;");
    StreamCalc project = (StreamCalc) planned.root();
    StreamFlatMap flatMap = (StreamFlatMap) project.input();
    StreamCalc lists = (StreamCalc) flatMap.input();

    assertThat(lists.name()).isEqualTo("TableFunctions");
    assertThat(lists.filter()).contains("(`N` > 0)");
    // The same call twice is computed once, after the input's columns and pseudo-columns.
    assertThat(lists.projections()).last().extracting(StreamCalc.Projection::expression)
        .isEqualTo("EXPLODE(`XS`)");
    assertThat(flatMap.listColumns()).containsExactly(6);
    assertThat(flatMap.schema().columns().get(6).type()).isEqualTo(SqlType.BIGINT);
    assertThat(project.name()).isEqualTo("Project");
    assertThat(planned.schema().toSql()).isEqualTo("`ID` STRING KEY, `KSQL_COL_0` BIGINT, `N` INTEGER, `X` BIGINT");
  }

  @Test
  void planSurvivesJsonRoundTrip() throws Exception {
    var planned = plan("select ID, CUBE_EXPLODE(ARRAY[N, 1]) AS C from INPUT;");
    ObjectMapper mapper = new ObjectMapper().registerModule(new Jdk8Module());
    String json = mapper.writeValueAsString(planned.root());

    assertThat(mapper.readValue(json, ExecStep.class)).isEqualTo(planned.root());
    assertThat(json).contains("\"@type\":\"streamFlatMapV1\"");
    assertThat(planned.schema().columns().get(1).type()).isEqualTo(new SqlType.Array(SqlType.INTEGER));
  }

  @Test
  void rejectedWhereKsqlDbRejectsThem() {
    assertThatThrownBy(() -> plan("select ID, EXPLODE(XS) from T;"))
        .hasMessageContaining("Table source is not supported with table functions");
    assertThatThrownBy(() -> plan("select ID, EXPLODE(XS), COUNT(*) from INPUT group by ID;"))
        .hasMessageContaining("Table functions cannot be used with aggregations.");
    assertThatThrownBy(() -> plan("select ID, EXPLODE(N) from INPUT;"))
        .hasMessageContaining("Function 'explode' does not accept parameters (INTEGER).\nValid alternatives are:\n"
            + "explode(ARRAY<DECIMAL> input)\nexplode(ARRAY<T> list)");
    assertThatThrownBy(() -> plan("select ID from INPUT partition by EXPLODE(XS);"))
        .hasMessageContaining("Table functions can only be used in the SELECT list: EXPLODE(XS).");
  }

  @Test
  void registryListsThemApartFromScalars() {
    FunctionRegistry registry = FunctionRegistry.builtIn();
    assertThat(registry.tables().keySet()).containsExactly("CUBE_EXPLODE", "EXPLODE");
    assertThat(registry.scalars()).doesNotContainKey("EXPLODE");
    assertThat(registry.isTableFunction("EXPLODE")).isTrue();
    assertThat(registry.isTableFunction("ABS")).isFalse();
  }

  @Test
  void cubeExplodeGivesEveryCombinationOnce() {
    assertThat(dev.sluice.planner.function.TableFunctions.cubeExplode(java.util.Arrays.asList(1, null)))
        .isEqualTo(List.of(java.util.Arrays.asList(null, null), java.util.Arrays.asList(1, null)));
    assertThat(dev.sluice.planner.function.TableFunctions.cubeExplode(List.of())).isEqualTo(List.of(List.of()));
    assertThat(dev.sluice.planner.function.TableFunctions.cubeExplode(null)).isNull();
  }
}
