package dev.sluice.planner.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.parser.SqlParser;
import dev.sluice.parser.ast.SourceKind;
import dev.sluice.parser.ast.Statement;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.plan.Aggregate;
import dev.sluice.planner.plan.ExecStep;
import dev.sluice.planner.plan.PhysicalPlanner;
import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.schema.SqlType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Typing, overload resolution and validation of user-defined aggregate functions, and their planning. */
class UdafOverloadTest {

  /** A sum of any number column: exact for BIGINT and DECIMAL, INT widens. */
  public static final class Sums {
    @Udaf(name = "MY_SUM", description = "Sums BIGINTs.")
    public static TableAggregator<Long, Long, Long> longs() {
      return null;
    }

    @Udaf(name = "MY_SUM", description = "Sums DECIMALs.")
    public static TableAggregator<BigDecimal, BigDecimal, BigDecimal> decimals() {
      return null;
    }

    @Udaf(name = "MY_SUM", description = "Sums DOUBLEs.")
    public static Aggregator<Double, Double, Double> doubles() {
      return null;
    }

    @Udaf(name = "LAST_K", description = "The last k values.", aggregateType = "STRUCT<N INT, K INT>")
    public static <T> Aggregator<T, Object[], List<T>> lastK(@UdfParam("k") Integer k) {
      return null;
    }

    @Udaf(name = "COUNT_BY", description = "Counts by value.")
    public static <T> Aggregator<T, Map<String, Long>, Map<String, Long>> countBy() {
      return null;
    }

    @Udaf(name = "WEIGHTED_AVG", description = "The average weighted.", columns = {"value DOUBLE",
        "weight BIGINT"}, aggregateType = "STRUCT<SUM DOUBLE, WEIGHTS BIGINT>")
    public static TableAggregator<Object[], Object[], Double> weightedAvg() {
      return null;
    }

    @Udaf(name = "WEIGHTED_AVG", description = "The average weighted, at most k rows.", columns = {
        "value DOUBLE", "weight BIGINT"}, aggregateType = "STRUCT<SUM DOUBLE, WEIGHTS BIGINT>")
    public static Aggregator<Object[], Object[], Double> weightedAvg(@UdfParam("k") Integer k) {
      return null;
    }

    @Udaf(name = "CAPPED", description = "The sum, at most cap.")
    public static Aggregator<Double, Double, Double> capped(@UdfParam("cap") Double cap) {
      return null;
    }

    @Udaf(name = "TS_MAX", description = "The latest timestamp.", inputType = "TIMESTAMP",
        aggregateType = "TIMESTAMP", returnType = "TIMESTAMP")
    public static Aggregator<Long, Long, Long> tsMax() {
      return null;
    }
  }

  /** Invalid factories, one reason each. */
  public static final class Bad {
    @Udaf(name = "STRUCTY", description = "A struct the annotation does not declare.")
    public static Aggregator<String, Object[], String> undeclaredStruct() {
      return null;
    }

    @Udaf(name = "UNBOUND", description = "A type variable the input does not bind.")
    public static <T> Aggregator<String, List<T>, String> unbound() {
      return null;
    }

    @Udaf(name = "BAD_PARAM", description = "A list parameter is not a literal.")
    public static Aggregator<String, String, String> badParam(List<String> values) {
      return null;
    }

    @Udaf(name = "COLUMNS_NOT_ARRAY", description = "Several columns into a String.", columns = {"a INT", "b INT"})
    public static Aggregator<String, String, String> columnsNotArray() {
      return null;
    }

    @Udaf(name = "RAW", description = "No type arguments.")
    @SuppressWarnings("rawtypes")
    public static Aggregator raw() {
      return null;
    }

    @Udaf(name = "NOT_STATIC", description = "An instance method.")
    public Aggregator<String, String, String> notStatic() {
      return null;
    }

    @Udaf(name = "SUM", description = "A built-in's name.")
    public static Aggregator<String, String, String> sum() {
      return null;
    }
  }

  private static UdafOverload bad(String name) {
    for (var m : Bad.class.getMethods()) {
      Udaf udaf = m.getAnnotation(Udaf.class);
      if (udaf != null && udaf.name().equals(name)) {
        return UdafOverload.of(m, udaf);
      }
    }
    throw new AssertionError(name);
  }

  private final FunctionRegistry registry = FunctionRegistry.builtIn()
      .withExtensions(List.of(), FunctionRegistry.udafsOf(Sums.class), "sums.jar");

  @Test
  void columnTypesChooseTheOverloadExactTypesFirstThenTheLeastWidening() {
    var bigint = registry.resolveAggregate("MY_SUM", List.of(SqlType.BIGINT), List.of());
    assertThat(bigint.types()).isEqualTo(new UdafOverload.Typed(List.of(SqlType.BIGINT), SqlType.BIGINT,
        SqlType.BIGINT, 0));
    assertThat(bigint.overload().undoable()).isTrue();
    var integer = registry.resolveAggregate("MY_SUM", List.of(SqlType.INTEGER), List.of());
    assertThat(integer.types()).isEqualTo(new UdafOverload.Typed(List.of(SqlType.BIGINT), SqlType.BIGINT,
        SqlType.BIGINT, 1));
    var decimal = registry.resolveAggregate("MY_SUM", List.of(new SqlType.Decimal(6, 2)), List.of());
    assertThat(decimal.types().aggregate()).isEqualTo(new SqlType.Decimal(6, 2));
    var dbl = registry.resolveAggregate("MY_SUM", List.of(SqlType.DOUBLE), List.of());
    assertThat(dbl.overload().undoable()).isFalse();
    assertThat(registry.resolveAggregate("MY_SUM", List.of(SqlType.STRING), List.of())).isNull();
    assertThat(registry.resolveAggregate("MY_SUM", List.of(SqlType.BIGINT), List.of(1))).isNull();
  }

  @Test
  void typeVariablesDeclaredTypesAndLiterals() {
    var lastK = registry.resolveAggregate("LAST_K", List.of(new SqlType.Array(SqlType.STRING)), List.of(3));
    assertThat(lastK.types().result()).isEqualTo(new SqlType.Array(new SqlType.Array(SqlType.STRING)));
    assertThat(lastK.types().aggregate().sql()).isEqualTo("STRUCT<`N` INTEGER, `K` INTEGER>");
    assertThat(registry.resolveAggregate("LAST_K", List.of(SqlType.STRING), List.of("3"))).isNull();
    assertThat(registry.resolveAggregate("COUNT_BY", List.of(SqlType.DATE), List.of()).types().aggregate())
        .isEqualTo(new SqlType.Map(SqlType.STRING, SqlType.BIGINT));
    assertThat(registry.resolveAggregate("TS_MAX", List.of(SqlType.TIMESTAMP), List.of()).types().result())
        .isEqualTo(SqlType.TIMESTAMP);
    assertThat(registry.resolveAggregate("TS_MAX", List.of(SqlType.BIGINT), List.of())).isNull();
    assertThat(registry.isAggregate("my_sum")).isTrue();
    assertThat(registry.isUserAggregate("SUM")).isFalse();
  }

  @Test
  void severalColumnsEachWithItsTypeThenLiterals() {
    var weighted = registry.resolveAggregate("WEIGHTED_AVG", List.of(SqlType.INTEGER, SqlType.INTEGER), List.of());
    assertThat(weighted.types().inputs()).containsExactly(SqlType.DOUBLE, SqlType.BIGINT);
    assertThat(weighted.types().cost()).isEqualTo(4);
    assertThat(weighted.overload().undoable()).isTrue();
    assertThat(registry.resolveAggregate("WEIGHTED_AVG", List.of(SqlType.DOUBLE, SqlType.BIGINT), List.of(5))
        .overload().undoable()).isFalse();
    assertThat(registry.resolveAggregate("WEIGHTED_AVG", List.of(SqlType.DOUBLE), List.of())).isNull();
    assertThat(FunctionDocs.functions(registry).get("WEIGHTED_AVG").overloads()).extracting(o -> o.signature(
        "WEIGHTED_AVG")).containsExactly("WEIGHTED_AVG(value DOUBLE, weight BIGINT)",
        "WEIGHTED_AVG(value DOUBLE, weight BIGINT, k INT)");
  }

  @Test
  void describeListsEveryOverloadAsAnAggregate() {
    var f = FunctionDocs.functions(registry).get("MY_SUM");
    assertThat(f.type()).isEqualTo("AGGREGATE");
    assertThat(f.category()).isEqualTo("AGGREGATE");
    assertThat(f.overloads()).extracting(o -> o.signature("MY_SUM") + " " + o.returnType()).containsExactly(
        "MY_SUM(col1 BIGINT) BIGINT", "MY_SUM(col1 DECIMAL) DECIMAL", "MY_SUM(col1 DOUBLE) DOUBLE");
    assertThat(FunctionDocs.functions(registry).get("LAST_K").overloads().get(0).signature("LAST_K"))
        .isEqualTo("LAST_K(col1 T, k INT)");
    assertThat(registry.path("MY_SUM")).isEqualTo("sums.jar");
  }

  @Test
  void invalidFactoriesAreRejectedWithTheReason() {
    assertThatThrownBy(() -> bad("STRUCTY")).hasMessageContaining("a STRUCT aggregate type must be declared");
    assertThatThrownBy(() -> bad("UNBOUND")).hasMessageContaining("type variable T is not bound by the input");
    assertThatThrownBy(() -> bad("BAD_PARAM")).hasMessageContaining("parameter type List is not one of");
    assertThatThrownBy(() -> bad("COLUMNS_NOT_ARRAY")).hasMessageContaining("takes an Object[] of their values");
    assertThatThrownBy(() -> bad("RAW")).hasMessageContaining("with their type arguments");
    assertThatThrownBy(() -> bad("NOT_STATIC")).hasMessageContaining("must be a public static method");
    assertThatThrownBy(() -> FunctionRegistry.builtIn().withExtensions(List.of(), List.of(bad("SUM")), "x.jar"))
        .hasMessageContaining("User-defined function SUM").hasMessageContaining("has the name of a built-in");
    assertThatThrownBy(() -> registry.withExtensions(List.of(), FunctionRegistry.udafsOf(Sums.class), "again.jar"))
        .hasMessageContaining("a function already loaded from sums.jar");
  }

  private static final DataSource INPUT = new DataSource("INPUT", SourceKind.STREAM, LogicalSchema.builder()
      .key("ID", SqlType.STRING).value("A", SqlType.INTEGER).value("D", SqlType.DOUBLE).build(), "input", "KAFKA",
      "JSON", Map.of(), "", false);
  private static final DataSource TABLE = new DataSource("T", SourceKind.TABLE, LogicalSchema.builder()
      .key("ID", SqlType.STRING).value("A", SqlType.INTEGER).value("D", SqlType.DOUBLE).build(), "t", "KAFKA",
      "JSON", Map.of(), "", false);

  private PhysicalPlanner.PlannedQuery plan(String sql) {
    var stmt = (Statement.CreateAsSelect) SqlParser.parse(sql).get(0).statement();
    return new PhysicalPlanner(n -> n.equals("INPUT") ? Optional.of(INPUT) : n.equals("T") ? Optional.of(TABLE)
        : Optional.empty(), registry).plan(stmt.query(), true);
  }

  private static Aggregate aggregate(ExecStep step) {
    return step instanceof Aggregate a ? a : aggregate(step.inputs().get(0));
  }

  @Test
  void plannedLikeABuiltInAggregate() {
    var planned = plan("CREATE TABLE x AS SELECT id, MY_SUM(a) AS s, LAST_K(d, 2) AS k FROM input GROUP BY id"
        + " HAVING MY_SUM(a) > 1;");
    assertThat(planned.schema().toSql()).isEqualTo("`ID` STRING KEY, `S` BIGINT, `K` ARRAY<DOUBLE>");
    assertThat(aggregate(planned.root()).calls()).extracting(Aggregate.Call::function, Aggregate.Call::literals)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("MY_SUM", List.of()),
            org.assertj.core.groups.Tuple.tuple("LAST_K", List.of(2)));
    assertThat(plan("CREATE TABLE x AS SELECT id, MY_SUM(a) AS s FROM t GROUP BY id;").schema().toSql())
        .isEqualTo("`ID` STRING KEY, `S` BIGINT");
    assertThat(aggregate(plan("CREATE TABLE x AS SELECT id, CAPPED(d, 2.5) AS c FROM input GROUP BY id;")
        .root()).calls().get(0).literals()).containsExactly(2.5);
    // Two columns, or two columns and a literal: the overloads of three arguments say which.
    var weighted = aggregate(plan("CREATE TABLE x AS SELECT id, WEIGHTED_AVG(d, a) AS w, WEIGHTED_AVG(d, a, 3) AS"
        + " w3 FROM input GROUP BY id;").root()).calls();
    assertThat(weighted).extracting(c -> c.argumentTypes().stream().map(SqlType::sql).toList() + " "
        + c.literals()).containsExactly(
        "[DOUBLE, INTEGER] []", "[DOUBLE, INTEGER] [3]");
  }

  @Test
  void planningErrors() {
    assertThatThrownBy(() -> plan("CREATE TABLE x AS SELECT id, MY_SUM(d) AS s FROM t GROUP BY id;"))
        .hasMessageEndingWith("The aggregation functions MY_SUM cannot be applied to a table source, only to a"
            + " stream source.");
    assertThatThrownBy(() -> plan("CREATE TABLE x AS SELECT id, LAST_K(d) AS s FROM input GROUP BY id;"))
        .hasMessageEndingWith("Function 'LAST_K' does not accept parameters (DOUBLE).");
    assertThatThrownBy(() -> plan("CREATE TABLE x AS SELECT id, LAST_K(d, a) AS s FROM input GROUP BY id;"))
        .hasMessageEndingWith("Parameter 2 passed to function LAST_K must be a literal constant, but was"
            + " expression: 'A'");
    assertThatThrownBy(() -> plan("CREATE TABLE x AS SELECT MY_SUM(a) AS s FROM input;"))
        .hasMessageContaining("does not support aggregate function [MY_SUM(A)] without a GROUP BY clause");
  }
}
