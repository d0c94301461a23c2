package dev.sluice.parser.ast;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Scalar expressions of the dialect. Identifiers are already normalized: unquoted names are upper-cased
 * (with {@code Locale.ROOT}) by the parser, quoted names kept verbatim; nothing downstream re-cases a name.
 */
public sealed interface Expression extends Node {

  /** A column reference, optionally qualified by a source name or alias: {@code S.COL} or {@code COL}. */
  record ColumnRef(Position pos, Optional<String> qualifier, String name) implements Expression {}

  /** {@code 'text'}. */
  record StringLiteral(Position pos, String value) implements Expression {}

  /** An integer literal; {@link #value()} holds it exactly, the planner types it INT or BIGINT by size. */
  record IntegerLiteral(Position pos, long value) implements Expression {}

  /** A literal with a decimal point and no exponent, typed DECIMAL(p, s) from its text, as ksqlDB does. */
  record DecimalLiteral(Position pos, BigDecimal value) implements Expression {}

  /** A literal with an exponent ({@code 1.5E3}), typed DOUBLE. */
  record DoubleLiteral(Position pos, double value) implements Expression {}

  record BooleanLiteral(Position pos, boolean value) implements Expression {}

  record NullLiteral(Position pos) implements Expression {}

  /** Arithmetic, comparison, logical and concatenation operators with two operands. */
  record Binary(Position pos, BinaryOperator op, Expression left, Expression right) implements Expression {}

  /** {@code NOT x}, {@code -x}, {@code +x}. */
  record Unary(Position pos, UnaryOperator op, Expression operand) implements Expression {}

  /** {@code x IS [NOT] NULL}. */
  record IsNull(Position pos, Expression operand, boolean negated) implements Expression {}

  /** {@code x IS [NOT] DISTINCT FROM y}. */
  record IsDistinctFrom(Position pos, Expression left, Expression right, boolean negated) implements Expression {}

  /** {@code x [NOT] BETWEEN lo AND hi}. */
  record Between(Position pos, Expression operand, Expression low, Expression high, boolean negated)
      implements Expression {}

  /** {@code x [NOT] IN (a, b, ...)}. */
  record InList(Position pos, Expression operand, List<Expression> values, boolean negated) implements Expression {}

  /** {@code x [NOT] LIKE pattern [ESCAPE 'c']}. */
  record Like(Position pos, Expression operand, Expression pattern, Optional<Expression> escape, boolean negated)
      implements Expression {}

  /** {@code CAST(x AS type)}. */
  record Cast(Position pos, Expression operand, Type type) implements Expression {}

  /** {@code CASE WHEN c THEN v ... [ELSE d] END}. */
  record SearchedCase(Position pos, List<WhenClause> whens, Optional<Expression> otherwise) implements Expression {}

  /** {@code CASE x WHEN v THEN r ... [ELSE d] END}. */
  record SimpleCase(Position pos, Expression operand, List<WhenClause> whens, Optional<Expression> otherwise)
      implements Expression {}

  /** One {@code WHEN ... THEN ...} arm of a CASE. */
  record WhenClause(Position pos, Expression when, Expression then) {}

  /**
   * A function call. {@code COUNT(*)} has {@code star} set and no arguments. Lambdas appear as arguments.
   */
  record FunctionCall(Position pos, String name, List<Expression> args, boolean distinct, boolean star)
      implements Expression {}

  /** {@code base->field}: struct field access. */
  record Dereference(Position pos, Expression base, String field) implements Expression {}

  /** {@code base[index]}: array element (1-based, negative from the end) or map value. */
  record Subscript(Position pos, Expression base, Expression index) implements Expression {}

  /** {@code ARRAY[a, b, ...]}. */
  record ArrayConstructor(Position pos, List<Expression> elements) implements Expression {}

  /** {@code MAP(k := v, ...)}. */
  record MapConstructor(Position pos, List<Expression> keys, List<Expression> values) implements Expression {}

  /** {@code STRUCT(name := v, ...)}. */
  record StructConstructor(Position pos, List<String> names, List<Expression> values) implements Expression {}

  /** {@code x => body} or {@code (x, y) => body}. */
  record Lambda(Position pos, List<String> params, Expression body) implements Expression {}

  /**
   * A duration such as {@code 10 SECONDS}. <b>Never produced by the parser</b>: ksqlDB's expressions have
   * no interval values (durations only occur in WINDOW, WITHIN, GRACE PERIOD, RETENTION and TIMEOUT
   * clauses, which the AST holds as milliseconds). It exists for code that builds expressions itself; the
   * formatter prints it as {@code 10 SECONDS}, which does not parse back as an expression.
   */
  record TimeInterval(Position pos, long value, TimeUnit unit) implements Expression {}

  /**
   * {@code expr AT TIME ZONE 'zone'}: the TIMESTAMP {@code operand} shown in {@code zone} (an IANA name such
   * as {@code 'Europe/Paris'} or an offset such as {@code '+02:00'}, kept as written). Binds tighter than
   * any operator: {@code -a AT TIME ZONE 'UTC'} is {@code -(a AT TIME ZONE 'UTC')}.
   */
  record AtTimeZone(Position pos, Expression operand, String zone) implements Expression {}

  /**
   * ksqlDB's typed literal {@code type 'text'}: {@code DATE '2021-01-01'}, {@code TIME '10:15:00'},
   * {@code TIMESTAMP '2021-01-01T10:15:00.000'}, {@code DECIMAL '1.50'}. {@code typeName} is one of
   * {@code DATE}, {@code TIME}, {@code TIMESTAMP}, {@code DECIMAL} (upper-cased); {@code value} is the text
   * between the quotes, unchanged. It means {@code CAST('text' AS type)} evaluated once; a DECIMAL's text is
   * checked by the parser (it must be a number) and its precision and scale are those of the text.
   */
  record TypedLiteral(Position pos, String typeName, String value) implements Expression {}

  /**
   * A bare time-unit keyword ({@code MILLISECOND(S)}, {@code SECOND(S)}, {@code MINUTE(S)}, {@code HOUR(S)},
   * {@code DAY(S)}, unquoted) written as the <em>first</em> argument of a call with more than one argument,
   * as in {@code TIMESTAMPADD(MILLISECONDS, 5, ts)} or {@code DATEADD(DAYS, 1, d)}. Anywhere else the same
   * word is a column ({@link ColumnRef}), so that {@code F(A, SECOND)} still reads a column named SECOND.
   * {@code word} is the keyword as written, upper-cased ({@code SECOND} or {@code SECONDS}): a planner that
   * finds the function takes no unit in that position can read it as {@code ColumnRef(word)} instead.
   */
  record IntervalUnit(Position pos, TimeUnit unit, String word) implements Expression {}
}
