package dev.sluice.parser;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.Position;

/**
 * A statement that cannot be parsed. The message always starts with {@code line L:C:} and says what was
 * found and what could have come instead.
 */
public final class SqlParseException extends SluiceException {

  public SqlParseException(Position position, String detail) {
    super(ErrorCode.BAD_STATEMENT, position, detail);
  }

  /** The position of the error; never unknown. */
  public Position pos() {
    return position().orElse(Position.UNKNOWN);
  }
}
