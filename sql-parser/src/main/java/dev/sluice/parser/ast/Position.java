package dev.sluice.parser.ast;

/** A place in the statement text: 1-based line, 1-based column, as every error message reports it. */
public record Position(int line, int column) {
  public static final Position UNKNOWN = new Position(0, 0);

  @Override
  public String toString() {
    return "line " + line + ":" + column;
  }
}
