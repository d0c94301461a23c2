package dev.sluice.error;

import dev.sluice.parser.ast.Position;
import java.util.Optional;

/**
 * The one exception type of Sluice: an {@link ErrorCode}, a message in the user's terms and, for errors in
 * a statement, the position in its text. Messages of positioned errors start with {@code line L:C:}.
 */
public class SluiceException extends RuntimeException {
  private final ErrorCode code;
  private final Position position;

  public SluiceException(ErrorCode code, String message) {
    this(code, null, message, null);
  }

  public SluiceException(ErrorCode code, String message, Throwable cause) {
    this(code, null, message, cause);
  }

  /** A statement error at {@code position}; the message is prefixed with {@code line L:C: }. */
  public SluiceException(ErrorCode code, Position position, String message) {
    this(code, position, message, null);
  }

  protected SluiceException(ErrorCode code, Position position, String message, Throwable cause) {
    super(position == null || position.line() == 0
        ? message : "line " + position.line() + ":" + position.column() + ": " + message, cause);
    this.code = code;
    this.position = position;
  }

  /** The same error, as the cause of a wrapper that adds context (the failing statement, say). */
  protected SluiceException(SluiceException error) {
    super(error.getMessage(), error);
    this.code = error.code;
    this.position = error.position;
  }

  /** A user error in a statement, at {@code position}. */
  public static SluiceException statement(Position position, String message) {
    return new SluiceException(ErrorCode.BAD_STATEMENT, position, message);
  }

  public ErrorCode code() {
    return code;
  }

  public Optional<Position> position() {
    return Optional.ofNullable(position);
  }
}
