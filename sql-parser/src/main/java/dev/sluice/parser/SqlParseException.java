package dev.sluice.parser;

import dev.sluice.parser.ast.Position;

/**
 * A statement that cannot be parsed. The message always starts with {@code line L:C:} and says what was
 * found and what could have come instead.
 */
public final class SqlParseException extends RuntimeException {
  private final Position position;

  public SqlParseException(Position position, String detail) {
    super("line " + position.line() + ":" + position.column() + ": " + detail);
    this.position = position;
  }

  public Position position() {
    return position;
  }
}
