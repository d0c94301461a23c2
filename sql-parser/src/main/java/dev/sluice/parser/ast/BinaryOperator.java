package dev.sluice.parser.ast;

/** The two-operand operators, with the SQL text the formatter prints for each. */
public enum BinaryOperator {
  ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MODULUS("%"),
  EQUAL("="), NOT_EQUAL("<>"), LESS_THAN("<"), LESS_THAN_OR_EQUAL("<="), GREATER_THAN(">"),
  GREATER_THAN_OR_EQUAL(">="),
  AND("AND"), OR("OR"),
  CONCAT("||");

  private final String sql;

  BinaryOperator(String sql) {
    this.sql = sql;
  }

  public String sql() {
    return sql;
  }
}
