package dev.sluice.parser.ast;

/** The one-operand operators. */
public enum UnaryOperator {
  NOT, MINUS, PLUS
}
