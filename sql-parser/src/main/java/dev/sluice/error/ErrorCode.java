package dev.sluice.error;

/**
 * Every error Sluice reports, with its category, HTTP status and ksqlDB-compatible {@code error_code}
 * (HTTP status x 100 + sub-code). The REST layer maps errors to responses from this enum alone.
 */
public enum ErrorCode {
  BAD_REQUEST(Category.USER, 400, 40000),
  BAD_STATEMENT(Category.USER, 400, 40001),
  QUERY_ENDPOINT(Category.USER, 400, 40002),
  TOO_MANY_QUERIES(Category.RESOURCE, 400, 40003),
  NOT_FOUND(Category.USER, 404, 40400),
  SERVER_ERROR(Category.INTERNAL, 500, 50000),
  COMMAND_QUEUE_CATCHUP_TIMEOUT(Category.RESOURCE, 503, 50301),
  SERVER_NOT_READY(Category.RESOURCE, 503, 50302),
  SERVER_SHUTTING_DOWN(Category.RESOURCE, 503, 50303);

  /** Whose fault: the user's statement or request, Sluice itself, or a missing resource. */
  public enum Category {
    USER, INTERNAL, RESOURCE
  }

  private final Category category;
  private final int httpStatus;
  private final int code;

  ErrorCode(Category category, int httpStatus, int code) {
    this.category = category;
    this.httpStatus = httpStatus;
    this.code = code;
  }

  public Category category() {
    return category;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The number clients see as {@code error_code}. */
  public int code() {
    return code;
  }
}
