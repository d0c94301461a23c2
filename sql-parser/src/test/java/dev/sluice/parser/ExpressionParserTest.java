package dev.sluice.parser;

import static dev.sluice.parser.SqlParserStatementTest.p;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.parser.ast.BinaryOperator;
import dev.sluice.parser.ast.Expression;
import dev.sluice.parser.ast.Expression.Binary;
import dev.sluice.parser.ast.Expression.ColumnRef;
import dev.sluice.parser.ast.Expression.IntegerLiteral;
import dev.sluice.parser.ast.TimeUnit;
import dev.sluice.parser.ast.Type;
import dev.sluice.parser.ast.UnaryOperator;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Expressions and types: precedence, every operator and constructor, literal typing, positions. */
class ExpressionParserTest {

  static Expression e(String sql) {
    return SqlParser.parseExpression(sql);
  }

  static String f(String sql) {
    return SqlFormatter.format(e(sql));
  }

  static ColumnRef col(int column, String name) {
    return new ColumnRef(p(1, column), Optional.empty(), name);
  }

  @Test
  void logicalPrecedenceIsNotThenAndThenOr() {
    assertThat(f("a OR b AND NOT c")).isEqualTo("(A OR (B AND (NOT C)))");
    assertThat(f("NOT a = 1 AND b")).isEqualTo("((NOT (A = 1)) AND B)");
    assertThat(e("a OR b")).isEqualTo(new Binary(p(1, 3), BinaryOperator.OR, col(1, "A"), col(6, "B")));
  }

  @Test
  void arithmeticPrecedenceAndAssociativity() {
    assertThat(f("1 + 2 * 3 - 4 % 5 / 6")).isEqualTo("((1 + (2 * 3)) - ((4 % 5) / 6))");
    assertThat(f("a || b + c")).isEqualTo("(A || (B + C))");
    assertThat(f("-a * +b")).isEqualTo("((-(A)) * (+(B)))");
    assertThat(f("a - b - c")).isEqualTo("((A - B) - C)");
  }

  @Test
  void comparisons() {
    assertThat(f("a = 1")).isEqualTo("(A = 1)");
    assertThat(f("a <> 1")).isEqualTo("(A <> 1)");
    assertThat(f("a != 1")).isEqualTo("(A <> 1)");
    assertThat(f("a < 1 AND b <= 2 AND c > 3 AND d >= 4"))
        .isEqualTo("((((A < 1) AND (B <= 2)) AND (C > 3)) AND (D >= 4))");
    assertThat(f("a + 1 > b * 2")).isEqualTo("((A + 1) > (B * 2))");
  }

  @Test
  void predicates() {
    assertThat(e("x NOT BETWEEN 1 AND 10")).isEqualTo(new Expression.Between(p(1, 3), col(1, "X"),
        new IntegerLiteral(p(1, 15), 1), new IntegerLiteral(p(1, 21), 10), true));
    assertThat(f("x BETWEEN a AND b AND c")).isEqualTo("((X BETWEEN A AND B) AND C)");
    assertThat(e("x IN (1, 2)")).isEqualTo(new Expression.InList(p(1, 3), col(1, "X"),
        List.of(new IntegerLiteral(p(1, 7), 1), new IntegerLiteral(p(1, 10), 2)), false));
    assertThat(f("x NOT IN ('a')")).isEqualTo("(X NOT IN ('a'))");
    assertThat(e("s LIKE 'a!%' ESCAPE '!'")).isEqualTo(new Expression.Like(p(1, 3), col(1, "S"),
        new Expression.StringLiteral(p(1, 8), "a!%"), Optional.of(new Expression.StringLiteral(p(1, 21), "!")), false));
    assertThat(f("s NOT LIKE 'x%'")).isEqualTo("(S NOT LIKE 'x%')");
    assertThat(e("x IS NOT NULL")).isEqualTo(new Expression.IsNull(p(1, 3), col(1, "X"), true));
    assertThat(f("x IS NULL")).isEqualTo("(X IS NULL)");
    assertThat(e("x IS DISTINCT FROM y")).isEqualTo(new Expression.IsDistinctFrom(p(1, 3), col(1, "X"), col(20, "Y"), false));
    assertThat(f("x IS NOT DISTINCT FROM y")).isEqualTo("(X IS NOT DISTINCT FROM Y)");
  }

  @Test
  void literals() {
    assertThat(e("'it''s'")).isEqualTo(new Expression.StringLiteral(p(1, 1), "it's"));
    assertThat(e("42")).isEqualTo(new IntegerLiteral(p(1, 1), 42));
    assertThat(e("9223372036854775807")).isEqualTo(new IntegerLiteral(p(1, 1), Long.MAX_VALUE));
    assertThat(e("-9223372036854775808")).isEqualTo(new IntegerLiteral(p(1, 1), Long.MIN_VALUE));
    // As in ksqlDB, an integer literal outside BIGINT is an error (write 9223372036854775808.0 for a DECIMAL).
    assertThatThrownBy(() -> e("9223372036854775808"))
        .hasMessage("line 1:1: Invalid numeric literal: 9223372036854775808 (out of BIGINT range)");
    assertThatThrownBy(() -> e("1 + -9223372036854775809"))
        .hasMessage("line 1:5: Invalid numeric literal: -9223372036854775809 (out of BIGINT range)");
    assertThat(e("9223372036854775808.")).isEqualTo(new Expression.DecimalLiteral(p(1, 1), new BigDecimal("9223372036854775808")));
    Expression.DecimalLiteral decimal = (Expression.DecimalLiteral) e("1.50");
    assertThat(decimal.value().scale()).isEqualTo(2);
    assertThat(decimal.value().unscaledValue().intValue()).isEqualTo(150);
    assertThat(e("12345678987654321.2345678987654321"))
        .isEqualTo(new Expression.DecimalLiteral(p(1, 1), new BigDecimal("12345678987654321.2345678987654321")));
    assertThat(e("1.5E3")).isEqualTo(new Expression.DoubleLiteral(p(1, 1), 1500.0));
    assertThat(e("1E0")).isEqualTo(new Expression.DoubleLiteral(p(1, 1), 1.0));
    assertThat(e("-2.5e-1")).isEqualTo(new Expression.DoubleLiteral(p(1, 1), -0.25));
    assertThat(e("TRUE")).isEqualTo(new Expression.BooleanLiteral(p(1, 1), true));
    assertThat(e("false")).isEqualTo(new Expression.BooleanLiteral(p(1, 1), false));
    assertThat(e("NULL")).isEqualTo(new Expression.NullLiteral(p(1, 1)));
    assertThat(e("-(5)")).isEqualTo(new Expression.Unary(p(1, 1), UnaryOperator.MINUS, new IntegerLiteral(p(1, 3), 5)));
  }

  @Test
  void caseAndCast() {
    assertThat(f("CASE WHEN a > 0 THEN 'p' WHEN a < 0 THEN 'n' ELSE 'z' END"))
        .isEqualTo("CASE WHEN (A > 0) THEN 'p' WHEN (A < 0) THEN 'n' ELSE 'z' END");
    Expression.SimpleCase simple = (Expression.SimpleCase) e("CASE x WHEN 1 THEN 'one' END");
    assertThat(simple.operand()).isEqualTo(col(6, "X"));
    assertThat(simple.whens()).containsExactly(new Expression.WhenClause(p(1, 8),
        new IntegerLiteral(p(1, 13), 1), new Expression.StringLiteral(p(1, 20), "one")));
    assertThat(simple.otherwise()).isEmpty();
    assertThat(e("CAST(x AS DECIMAL(10, 2))")).isEqualTo(new Expression.Cast(p(1, 1), col(6, "X"),
        new Type.Decimal(p(1, 11), 10, 2)));
    assertThat(f("cast(x as varchar)")).isEqualTo("CAST(X AS STRING)");
  }

  @Test
  void constructorsSubscriptsAndDereferences() {
    assertThat(e("ARRAY[1, 2]")).isEqualTo(new Expression.ArrayConstructor(p(1, 1),
        List.of(new IntegerLiteral(p(1, 7), 1), new IntegerLiteral(p(1, 10), 2))));
    assertThat(f("ARRAY[]")).isEqualTo("ARRAY[]");
    assertThat(e("MAP('a' := 1)")).isEqualTo(new Expression.MapConstructor(p(1, 1),
        List.of(new Expression.StringLiteral(p(1, 5), "a")), List.of(new IntegerLiteral(p(1, 12), 1))));
    assertThat(e("STRUCT(name := 'x', `id` := 2)")).isEqualTo(new Expression.StructConstructor(p(1, 1),
        List.of("NAME", "id"), List.of(new Expression.StringLiteral(p(1, 16), "x"), new IntegerLiteral(p(1, 29), 2))));
    assertThat(e("a[1]->b->c")).isEqualTo(new Expression.Dereference(p(1, 1),
        new Expression.Dereference(p(1, 1), new Expression.Subscript(p(1, 1), col(1, "A"), new IntegerLiteral(p(1, 3), 1)),
            "B"), "C"));
    assertThat(f("m['k'][-1]")).isEqualTo("M['k'][-1]");
    assertThat(e("t.col")).isEqualTo(new ColumnRef(p(1, 1), Optional.of("T"), "COL"));
    assertThat(f("ROWTIME")).isEqualTo("ROWTIME");
  }

  @Test
  void functionsAndLambdas() {
    assertThat(e("COUNT(*)")).isEqualTo(new Expression.FunctionCall(p(1, 1), "COUNT", List.of(), false, true));
    assertThat(e("count_distinct(DISTINCT x)")).isEqualTo(new Expression.FunctionCall(p(1, 1), "COUNT_DISTINCT",
        List.of(col(25, "X")), true, false));
    assertThat(e("COUNT()")).isEqualTo(new Expression.FunctionCall(p(1, 1), "COUNT", List.of(), false, false));
    assertThat(e("TRANSFORM(arr, x => x + 1)")).isEqualTo(new Expression.FunctionCall(p(1, 1), "TRANSFORM",
        List.of(col(11, "ARR"), new Expression.Lambda(p(1, 16), List.of("X"),
            new Binary(p(1, 23), BinaryOperator.ADD, col(21, "X"), new IntegerLiteral(p(1, 25), 1)))), false, false));
    assertThat(f("REDUCE(m, 0, (s, k, v) => s + v)")).isEqualTo("REDUCE(M, 0, (S, K, V) => (S + V))");
    assertThat(f("f((x))")).isEqualTo("F(X)");
  }

  @Test
  void atTimeZoneBindsTighterThanAnyOperator() {
    assertThat(e("ts AT TIME ZONE 'Europe/Paris'"))
        .isEqualTo(new Expression.AtTimeZone(p(1, 4), col(1, "TS"), "Europe/Paris"));
    assertThat(f("-a at time zone 'UTC' || b")).isEqualTo("((-((A AT TIME ZONE 'UTC'))) || B)");
    assertThat(f("f(x) AT TIME ZONE '+02:00' AT TIME ZONE 'UTC'"))
        .isEqualTo("((F(X) AT TIME ZONE '+02:00') AT TIME ZONE 'UTC')");
    assertThat(f("(-1) AT TIME ZONE 'UTC'")).isEqualTo("((-1) AT TIME ZONE 'UTC')");
    // AT, TIME and ZONE stay usable as names.
    assertThat(f("at + time + zone")).isEqualTo("((`AT` + `TIME`) + `ZONE`)");
    assertThatThrownBy(() -> e("ts AT TIME ZONE utc"))
        .hasMessage("line 1:17: Syntax error at or near 'utc': expected <string>");
  }

  @Test
  void typedLiterals() {
    assertThat(e("DATE '2021-01-01'")).isEqualTo(new Expression.TypedLiteral(p(1, 1), "DATE", "2021-01-01"));
    assertThat(e("time '10:15:00'")).isEqualTo(new Expression.TypedLiteral(p(1, 1), "TIME", "10:15:00"));
    assertThat(e("x > Timestamp '2021-01-01T10:15:00.000'")).isEqualTo(new Binary(p(1, 3),
        BinaryOperator.GREATER_THAN, col(1, "X"), new Expression.TypedLiteral(p(1, 5), "TIMESTAMP", "2021-01-01T10:15:00.000")));
    assertThat(e("DECIMAL '1.50'")).isEqualTo(new Expression.TypedLiteral(p(1, 1), "DECIMAL", "1.50"));
    assertThat(f("decimal '-0.5'")).isEqualTo("DECIMAL '-0.5'");
    assertThatThrownBy(() -> e("DECIMAL 'x'")).hasMessage("line 1:9: Invalid DECIMAL literal: 'x'");
    assertThatThrownBy(() -> e("BIGINT '1'"))
        .hasMessage("line 1:1: Unknown type of a typed literal: BIGINT; expected DATE, TIME, TIMESTAMP or DECIMAL");
    assertThatThrownBy(() -> e("`DATE` '2021-01-01'"))
        .hasMessage("line 1:1: Unknown type of a typed literal: `DATE`; expected DATE, TIME, TIMESTAMP or DECIMAL");
  }

  @Test
  void timeUnitsAreIntervalUnitsOnlyAsTheFirstOfSeveralArguments() {
    assertThat(e("TIMESTAMPADD(MILLISECONDS, 5, ts)")).isEqualTo(new Expression.FunctionCall(p(1, 1), "TIMESTAMPADD",
        List.of(new Expression.IntervalUnit(p(1, 14), TimeUnit.MILLISECONDS, "MILLISECONDS"),
            new IntegerLiteral(p(1, 28), 5), col(31, "TS")), false, false));
    assertThat(e("dateadd(day, 1, d)")).isEqualTo(new Expression.FunctionCall(p(1, 1), "DATEADD",
        List.of(new Expression.IntervalUnit(p(1, 9), TimeUnit.DAYS, "DAY"), new IntegerLiteral(p(1, 14), 1),
            col(17, "D")), false, false));
    assertThat(f("timesub(Second, 1, t)")).isEqualTo("TIMESUB(SECOND, 1, T)");
    // Elsewhere the same words are columns: ksqlDB's own tests call F(FIRST, SECOND, ...) on a column SECOND.
    assertThat(e("f(first, second)")).isEqualTo(new Expression.FunctionCall(p(1, 1), "F",
        List.of(col(3, "FIRST"), col(10, "SECOND")), false, false));
    assertThat(e("abs(seconds)")).isEqualTo(new Expression.FunctionCall(p(1, 1), "ABS", List.of(col(5, "SECONDS")), false, false));
    assertThat(e("f(`SECONDS`, 1)")).isEqualTo(new Expression.FunctionCall(p(1, 1), "F",
        List.of(col(3, "SECONDS"), new IntegerLiteral(p(1, 14), 1)), false, false));
    assertThat(e("f(seconds + 1, 1)").toString()).doesNotContain("IntervalUnit");
  }

  @Test
  void types() {
    assertThat(SqlParser.parseType("MAP<STRING, ARRAY<STRUCT<a INT, `b` DECIMAL(4,1)>>>")).isEqualTo(
        new Type.Map(p(1, 1), new Type.Primitive(p(1, 5), Type.PrimitiveKind.STRING),
            new Type.Array(p(1, 13), new Type.Struct(p(1, 19), List.of(
                new Type.Field(p(1, 26), "A", new Type.Primitive(p(1, 28), Type.PrimitiveKind.INT)),
                new Type.Field(p(1, 33), "b", new Type.Decimal(p(1, 37), 4, 1)))))));
    for (String name : List.of("BOOLEAN", "INT", "INTEGER", "BIGINT", "DOUBLE", "STRING", "VARCHAR", "BYTES", "DATE",
        "TIME", "TIMESTAMP")) {
      assertThat(SqlParser.parseType(name.toLowerCase(java.util.Locale.ROOT))).isInstanceOf(Type.Primitive.class);
    }
    assertThat(SqlParser.parseType("integer")).isEqualTo(new Type.Primitive(p(1, 1), Type.PrimitiveKind.INT));
    assertThat(SqlParser.parseType("address")).isEqualTo(new Type.Named(p(1, 1), "ADDRESS"));
    assertThat(SqlParser.parseType("STRUCT<>")).isEqualTo(new Type.Struct(p(1, 1), List.of()));
    assertThatThrownBy(() -> SqlParser.parseType("DECIMAL(2, 3)"))
        .hasMessage("line 1:12: DECIMAL scale must not exceed its precision: DECIMAL(2, 3)");
  }
}
