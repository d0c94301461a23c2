package dev.sluice.engine.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.parser.SqlParser;
import dev.sluice.parser.ast.SourceKind;
import dev.sluice.parser.ast.Statement;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.function.FunctionRegistry;
import dev.sluice.planner.plan.PhysicalPlanner;
import dev.sluice.planner.plan.StreamCalc;
import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.schema.SqlType;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CalcCompilerTest {
  private static final DataSource ORDERS = new DataSource("ORDERS", SourceKind.STREAM,
      LogicalSchema.builder().key("ID", SqlType.BIGINT).value("REGION", SqlType.STRING)
          .value("AMOUNT", new SqlType.Decimal(10, 2)).value("QTY", SqlType.INTEGER).build(),
      "orders", "KAFKA", "JSON", Map.of(), "", false);

  private final CalcCompiler compiler = new CalcCompiler(FunctionRegistry.builtIn(), getClass().getClassLoader());

  private static StreamCalc calc(String select) {
    var query = ((Statement.QueryStatement) SqlParser.parse(select).get(0).statement()).query();
    return (StreamCalc) new PhysicalPlanner(n -> n.equals("ORDERS") ? Optional.of(ORDERS) : Optional.empty(),
        FunctionRegistry.builtIn()).plan(query, false).root();
  }

  /** ID, REGION, AMOUNT, QTY, then ROWTIME, ROWPARTITION, ROWOFFSET. */
  private static Object[] row(long id, String region, String amount, Integer qty) {
    return new Object[] {id, region, amount == null ? null : new BigDecimal(amount), qty, 0L, 0, 0L};
  }

  @Test
  void evaluatesTheFilterBeforeAnyProjection() {
    var compiled = compiler.compile(calc(
        "SELECT ID, 100 / QTY AS PER_UNIT FROM orders WHERE QTY <> 0 EMIT CHANGES;"));
    RowFunction fn = compiled.newInstance();
    Object[] out = new Object[2];

    assertThat(fn.apply(null, row(1, "EU", "1.00", 0), out)).isFalse();
    assertThat(out).containsOnlyNulls();
    assertThat(fn.apply(null, row(2, "EU", "1.00", 4), out)).isTrue();
    assertThat(out).containsExactly(2L, 25);
  }

  @Test
  void hoistsConstantsOutOfThePerRowPath() {
    var compiled = compiler.compile(calc("SELECT ID, AMOUNT * 1.1 AS GROSS FROM orders EMIT CHANGES;"));
    assertThat(compiled.source()).contains("static final java.math.BigDecimal");
    Object[] out = new Object[2];
    assertThat(compiled.newInstance().apply(null, row(3, "US", "10.00", 1), out)).isTrue();
    assertThat(out[1]).isEqualTo(new BigDecimal("11.000"));
  }

  @Test
  void nullsPropagateThroughArithmeticAndFunctions() {
    var compiled = compiler.compile(calc("SELECT ID, UCASE(REGION) AS R, QTY + 1 AS Q FROM orders EMIT CHANGES;"));
    Object[] out = new Object[3];
    assertThat(compiled.newInstance().apply(null, row(4, null, null, null), out)).isTrue();
    assertThat(out).containsExactly(4L, null, null);
  }

  @Test
  void compilesEachDistinctCalcOnce() {
    StreamCalc calc = calc("SELECT ID, LCASE(REGION) AS R FROM orders WHERE ID > 7 EMIT CHANGES;");
    var first = compiler.compile(calc);
    long before = CalcCompiler.compilations();
    var second = compiler.compile(calc);
    assertThat(CalcCompiler.compilations()).isEqualTo(before);
    assertThat(second.type()).isSameAs(first.type());
    assertThat(first.newInstance()).isNotSameAs(first.newInstance());
  }

  @Test
  void dividesDecimalsExactlyToTheResultScale() {
    var compiled = compiler.compile(calc("SELECT ID, ID / 3.0 AS THIRD, AMOUNT / 7 AS SEVENTH FROM orders EMIT CHANGES;"));
    assertThat(compiled.source()).contains("DecimalDivision.divide");
    Object[] out = new Object[3];
    assertThat(compiled.newInstance().apply(null, row(1234567890123456789L, "EU", "10.00", 1), out)).isTrue();
    // ksqlDB: BIGINT / DECIMAL(2,1) is DECIMAL(26, 6); DECIMAL(10,2) / INT is DECIMAL(21, 13); exact, HALF_UP.
    assertThat(out[1]).isEqualTo(new BigDecimal("411522630041152263.000000"));
    assertThat(out[2]).isEqualTo(new BigDecimal("1.4285714285714"));
  }

  @Test
  void buildsAndReadsArraysMapsAndStructs() {
    StreamCalc calc = calc("SELECT ID, ARRAY[QTY, 2] AS A, MAP('x' := QTY) AS M, STRUCT(R := REGION, Q := QTY) AS S,"
        + " ARRAY[10, 20, 30][2] AS SECOND, MAP('k' := REGION)['k'] AS V, STRUCT(R := REGION)->R AS F"
        + " FROM orders EMIT CHANGES;");
    assertThat(calc.schema().toSql()).isEqualTo("`ID` BIGINT KEY, `A` ARRAY<INTEGER>, `M` MAP<STRING, INTEGER>,"
        + " `S` STRUCT<`R` STRING, `Q` INTEGER>, `SECOND` INTEGER, `V` STRING, `F` STRING");
    var compiled = compiler.compile(calc);
    Object[] out = new Object[7];
    assertThat(compiled.newInstance().apply(null, row(5, "EU", "1.00", 3), out)).isTrue();
    assertThat(out[1]).isEqualTo(java.util.List.of(3, 2));
    assertThat(out[2]).isEqualTo(Map.of("x", 3));
    assertThat(java.util.Arrays.asList((Object[]) out[3])).containsExactly("EU", 3);
    assertThat(out[4]).isEqualTo(20);
    assertThat(out[5]).isEqualTo("EU");
    assertThat(out[6]).isEqualTo("EU");
  }

  @Test
  void arrayIndexesAreOneBasedNegativeFromTheEndAndNullOutOfRange() {
    var compiled = compiler.compile(calc("SELECT ID, ARRAY[10, 20, 30][1] AS A, ARRAY[10, 20, 30][-1] AS B,"
        + " ARRAY[10, 20, 30][5] AS C, ARRAY[10, 20, 30][0] AS D, MAP('k' := 1)['nope'] AS E FROM orders EMIT CHANGES;"));
    Object[] out = new Object[6];
    assertThat(compiled.newInstance().apply(null, row(5, "EU", "1.00", 3), out)).isTrue();
    assertThat(out).containsExactly(5L, 10, 30, null, null, null);
  }

  @Test
  void compilesLambdasIntoJavaFunctionsThatReadTheRow() {
    StreamCalc calc = calc("SELECT ID, TRANSFORM(ARRAY[1, 2, 3], x => x * QTY) AS SCALED,"
        + " FILTER(ARRAY['a', 'bb', 'ccc'], s => LEN(s) > QTY) AS LONG_ONES,"
        + " REDUCE(MAP('a' := 1, 'b' := 2), 10, (acc, k, v) => acc + v * QTY) AS FOLDED,"
        + " TRANSFORM(ARRAY[ARRAY[1], ARRAY[2, 3]], xs => TRANSFORM(xs, x => x + ARRAY_LENGTH(xs))) AS NESTED"
        + " FROM orders EMIT CHANGES;");
    // The plan keeps the lambdas as SQL, which re-plans to the same types.
    assertThat(calc.projections().get(1).expression()).contains("=>");
    var compiled = compiler.compile(calc);
    // Compiled, not interpreted: anonymous function classes with renamed, final parameters.
    assertThat(compiled.source()).contains("new org.apache.calcite.linq4j.function.Function1()")
        .contains("new org.apache.calcite.linq4j.function.Function2()").contains("final Integer lambda$");
    Object[] out = new Object[5];
    assertThat(compiled.newInstance().apply(null, row(1, "EU", "1.00", 2), out)).isTrue();
    assertThat(out[1]).isEqualTo(java.util.List.of(2, 4, 6));
    assertThat(out[2]).isEqualTo(java.util.List.of("ccc"));
    assertThat(out[3]).isEqualTo(16);
    assertThat(out[4]).isEqualTo(java.util.List.of(java.util.List.of(2), java.util.List.of(4, 5)));
  }

  @Test
  void arithmeticOnNullInALambdaFailsOnlyItsColumn() {
    var compiled = compiler.compile(calc("SELECT ID, TRANSFORM(ARRAY[QTY, 1], x => x + 1) AS INC,"
        + " TRANSFORM(ARRAY[QTY, 1], x => x IS NULL OR x + 1 > 1) AS SAFE FROM orders EMIT CHANGES;"));
    Object[] out = new Object[3];
    RowFunction fn = compiled.newInstance();
    assertThat(fn.apply(null, row(1, "EU", "1.00", null), out)).isTrue();
    assertThat(out[1]).isNull();
    assertThat(fn.errorColumn()).isEqualTo(1);
    assertThat(fn.takeError()).isInstanceOf(NullPointerException.class);
    // OR evaluates its right side only when the left is not TRUE, so the NULL never reaches the "+".
    assertThat(out[2]).isEqualTo(java.util.List.of(true, true));
  }

  @Test
  void buildsLambdasThatReadNothingOfTheRowOnce() {
    var compiled = compiler.compile(calc("SELECT ID, TRANSFORM(ARRAY[QTY, 2], x => x * 10) AS FIXED,"
        + " TRANSFORM(ARRAY[1, 2], x => x * QTY) AS PER_ROW FROM orders EMIT CHANGES;"));
    // The first lambda is a static field; the second reads QTY, so it is built per record.
    assertThat(compiled.source()).contains("private static final java.util.function.Function LAMBDA_0 =");
    assertThat(compiled.source().split("new org.apache.calcite.linq4j.function.Function1\\(\\)", -1)).hasSize(3);
    Object[] out = new Object[3];
    RowFunction fn = compiled.newInstance();
    assertThat(fn.apply(null, row(1, "EU", "1.00", 3), out)).isTrue();
    assertThat(out[1]).isEqualTo(java.util.List.of(30, 20));
    assertThat(out[2]).isEqualTo(java.util.List.of(3, 6));
    assertThat(fn.apply(null, row(2, "EU", "1.00", 4), out)).isTrue();
    assertThat(out[1]).isEqualTo(java.util.List.of(40, 20));
    assertThat(out[2]).isEqualTo(java.util.List.of(4, 8));
  }
}
