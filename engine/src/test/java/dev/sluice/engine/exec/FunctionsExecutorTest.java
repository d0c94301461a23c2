package dev.sluice.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.engine.api.KsqlEntity;
import dev.sluice.engine.api.StatementFailedException;
import dev.sluice.planner.function.FunctionRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SHOW FUNCTIONS and DESCRIBE FUNCTION through the statement executor, as the wire JSON they answer with. */
class FunctionsExecutorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The functions statements read only the registry, so the rest of the context is not needed. */
  private final StatementExecutor executor = new StatementExecutor(
      new EngineContext(null, null, null, null, null, null, null, null, FunctionRegistry.builtIn()));

  private JsonNode run(String sql) {
    List<KsqlEntity> entities = executor.execute(sql, Map.of(), Map.of());
    assertThat(entities).hasSize(1);
    JsonNode json = JSON.valueToTree(entities.get(0));
    if (Boolean.getBoolean("sluice.print.entities")) {
      System.out.println(json.toPrettyString());
    }
    return json;
  }

  @Test
  void showFunctionsListsEveryFunctionWithTypeAndCategory() {
    JsonNode list = run("SHOW FUNCTIONS;");
    assertThat(list.path("@type").asText()).isEqualTo("function_names");
    assertThat(list.path("statementText").asText()).isEqualTo("SHOW FUNCTIONS;");
    assertThat(list.path("warnings").isArray()).isTrue();
    JsonNode functions = list.path("functions");
    assertThat(functions.size()).isGreaterThan(100);
    String previous = "";
    boolean sawSubstring = false;
    boolean sawCount = false;
    for (JsonNode f : functions) {
      String name = f.path("name").asText();
      assertThat(name).isGreaterThan(previous);
      previous = name;
      if (name.equals("SUBSTRING")) {
        sawSubstring = true;
        assertThat(f.path("type").asText()).isEqualTo("SCALAR");
        assertThat(f.path("category").asText()).isEqualTo("STRING");
      }
      if (name.equals("COUNT")) {
        sawCount = true;
        assertThat(f.path("type").asText()).isEqualTo("AGGREGATE");
      }
    }
    assertThat(sawSubstring).isTrue();
    assertThat(sawCount).isTrue();
  }

  @Test
  void describeFunctionGivesEveryOverloadWithParameterNamesTypesAndDocs() {
    JsonNode d = run("DESCRIBE FUNCTION timestampadd;");
    assertThat(d.path("@type").asText()).isEqualTo("describe_function");
    assertThat(d.path("name").asText()).isEqualTo("TIMESTAMPADD");
    assertThat(d.path("type").asText()).isEqualTo("SCALAR");
    assertThat(d.path("path").asText()).isEqualTo("internal");
    assertThat(d.path("author").asText()).isEqualTo("Sluice");
    JsonNode overload = d.path("functions").get(0);
    assertThat(overload.path("returnType").asText()).isEqualTo("TIMESTAMP");
    assertThat(overload.path("argumentTypes").toString()).isEqualTo("[\"STRING\",\"BIGINT\",\"TIMESTAMP\"]");
    JsonNode unit = overload.path("arguments").get(0);
    assertThat(unit.path("name").asText()).isEqualTo("unit");
    assertThat(unit.path("description").asText()).contains("MILLISECONDS");
    assertThat(unit.path("isVariadic").asBoolean()).isFalse();
  }

  @Test
  void describeFunctionOfAnAggregateGivesItsForms() {
    JsonNode d = run("DESCRIBE FUNCTION latest_by_offset;");
    assertThat(d.path("name").asText()).isEqualTo("LATEST_BY_OFFSET");
    assertThat(d.path("type").asText()).isEqualTo("AGGREGATE");
    JsonNode forms = d.path("functions");
    assertThat(forms.size()).isEqualTo(4);
    assertThat(forms.get(3).path("argumentTypes").toString()).isEqualTo("[\"T\",\"INT\",\"BOOLEAN\"]");
    assertThat(forms.get(3).path("returnType").asText()).isEqualTo("ARRAY<T>");
    JsonNode names = run("SHOW FUNCTIONS;").path("functions");
    List<String> aggregates = new java.util.ArrayList<>();
    names.forEach(f -> {
      if (f.path("type").asText().equals("AGGREGATE")) {
        aggregates.add(f.path("name").asText());
      }
    });
    assertThat(aggregates).contains("COLLECT_LIST", "COLLECT_SET", "TOPK", "TOPKDISTINCT", "EARLIEST_BY_OFFSET",
        "HISTOGRAM", "COUNT_DISTINCT", "STDDEV_SAMP", "STDDEV_SAMPLE", "CORRELATION", "ATTR", "SUM_LIST");
  }

  @Test
  void describeFunctionMarksVariadicParameters() {
    JsonNode d = run("DESCRIBE FUNCTION CONCAT;");
    assertThat(d.path("functions").size()).isEqualTo(2);
    for (JsonNode overload : d.path("functions")) {
      assertThat(overload.path("arguments").get(0).path("isVariadic").asBoolean()).isTrue();
    }
  }

  @Test
  void tableFunctionsAreListedAndDescribedAsTable() {
    JsonNode list = run("SHOW FUNCTIONS;");
    boolean sawExplode = false;
    for (JsonNode f : list.path("functions")) {
      if (f.path("name").asText().equals("EXPLODE")) {
        sawExplode = true;
        assertThat(f.path("type").asText()).isEqualTo("TABLE");
      }
    }
    assertThat(sawExplode).isTrue();
    JsonNode d = run("DESCRIBE FUNCTION cube_explode;");
    assertThat(d.path("type").asText()).isEqualTo("TABLE");
    JsonNode overload = d.path("functions").get(0);
    // The type of one row's value, not the list the implementation returns.
    assertThat(overload.path("returnType").asText()).isEqualTo("ARRAY<T>");
    assertThat(overload.path("argumentTypes").toString()).isEqualTo("[\"ARRAY<T>\"]");
  }

  @Test
  void describeAnUnknownFunctionFails() {
    assertThatThrownBy(() -> executor.execute("DESCRIBE FUNCTION no_such_fn;", Map.of(), Map.of()))
        .isInstanceOf(StatementFailedException.class)
        .hasMessageContaining("Can't find any functions with the name 'NO_SUCH_FN'");
  }
}
