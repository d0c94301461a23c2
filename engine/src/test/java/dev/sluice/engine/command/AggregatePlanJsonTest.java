package dev.sluice.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.parser.SqlParser;
import dev.sluice.parser.ast.SourceKind;
import dev.sluice.parser.ast.Statement;
import dev.sluice.planner.catalog.Catalog;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.function.FunctionRegistry;
import dev.sluice.planner.plan.Aggregate;
import dev.sluice.planner.plan.ExecStep;
import dev.sluice.planner.plan.PhysicalPlanner;
import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.schema.SqlType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Aggregate steps in the command log's JSON: new call fields round-trip, and plans written before them read. */
class AggregatePlanJsonTest {
  private static final DataSource S = new DataSource("S", SourceKind.STREAM,
      LogicalSchema.builder().key("ID", SqlType.STRING).value("V", SqlType.INTEGER).value("W", SqlType.DOUBLE)
          .build(), "s", "KAFKA", "JSON", Map.of(), "", false);
  private static final Catalog CATALOG = n -> n.equals("S") ? Optional.of(S) : Optional.empty();

  private static Aggregate aggregate(ExecStep step) {
    return step instanceof Aggregate a ? a : aggregate(step.inputs().get(0));
  }

  private static Aggregate plan(String sql) {
    var stmt = (Statement.CreateAsSelect) SqlParser.parse(sql).get(0).statement();
    return aggregate(new PhysicalPlanner(CATALOG, FunctionRegistry.builtIn()).plan(stmt.query(), true).root());
  }

  @Test
  void callsWithLiteralsAndMoreArgumentsRoundTrip() throws Exception {
    Aggregate step = plan("CREATE TABLE T AS SELECT ID, LATEST_BY_OFFSET(V, 2, false) AS L, TOPK(V, W, 3) AS K,"
        + " CORRELATION(V, W) AS C FROM S GROUP BY ID;");
    String json = PlanJson.MAPPER.writeValueAsString(step);
    Aggregate read = (Aggregate) PlanJson.MAPPER.readValue(json, ExecStep.class);
    assertThat(read.calls()).isEqualTo(step.calls());
    assertThat(read.calls().get(0).literals()).containsExactly(2, false);
    assertThat(read.calls().get(1).moreArguments()).hasSize(1);
    assertThat(read.calls().get(1).resultType().sql()).isEqualTo("ARRAY<STRUCT<`sort_col` INTEGER, `col0` DOUBLE>>");
  }

  @Test
  void planWrittenBeforeTheNewCallFieldsStillReads() throws Exception {
    Aggregate step = plan("CREATE TABLE T AS SELECT ID, COUNT(*) AS N, SUM(V) AS TOTAL FROM S GROUP BY ID;");
    JsonNode tree = PlanJson.MAPPER.valueToTree(step);
    for (JsonNode call : tree.get("calls")) {
      ((ObjectNode) call).remove(List.of("moreArguments", "moreArgumentTypes", "literals"));
      assertThat(call.size()).isEqualTo(4); // function, argument, argumentType, resultType: the old shape
    }
    Aggregate read = (Aggregate) PlanJson.MAPPER.treeToValue(tree, ExecStep.class);
    assertThat(read.calls()).isEqualTo(step.calls());
    assertThat(read.calls().get(1).literals()).isEmpty();
    assertThat(read.calls().get(1).moreArguments()).isEmpty();
  }
}
