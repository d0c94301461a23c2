package dev.sluice.server.rest;

import dev.sluice.error.ErrorCode;
import dev.sluice.engine.api.StatementFailedException;
import dev.sluice.error.SluiceException;
import io.vertx.ext.web.handler.HttpException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * An error response in ksqlDB's shape: {@code {"@type", "error_code", "message"}} plus, for a
 * {@code statement_error}, {@code statementText} and {@code entities}. The HTTP status and the
 * {@code error_code} come from the {@link ErrorCode} of a {@link SluiceException}; anything else is a 500 with
 * code 50000, or the status Vert.x chose (404 for an unknown route ...) times 100. Never a stack trace.
 *
 * @param statementText the SQL of the request when a statement was involved, else null
 */
record RestError(int httpStatus, int errorCode, String message, String statementText, List<?> entities) {

  RestError(int httpStatus, int errorCode, String message, String statementText) {
    this(httpStatus, errorCode, message, statementText, List.of());
  }

  /**
   * The error for a failed request.
   *
   * @param failure the exception, or null when Vert.x failed the request with a bare status
   * @param status the status Vert.x recorded (-1 when none)
   */
  static RestError of(Throwable failure, int status, String statementText) {
    Throwable cause = unwrap(failure);
    if (cause instanceof StatementFailedException) {
      StatementFailedException e = (StatementFailedException) cause;
      return new RestError(e.code().httpStatus(), e.code().code(), e.getMessage(), e.statementText(),
          e.entities());
    }
    if (cause instanceof SluiceException) {
      SluiceException e = (SluiceException) cause;
      String text = e.code() == ErrorCode.BAD_REQUEST ? null : statementText;
      return new RestError(e.code().httpStatus(), e.code().code(), e.getMessage(), text);
    }
    if (cause instanceof HttpException) {
      HttpException e = (HttpException) cause;
      return forStatus(e.getStatusCode(), e.getPayload());
    }
    if (cause == null) {
      return forStatus(status < 0 ? 500 : status, null);
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new RestError(500, ErrorCode.SERVER_ERROR.code(), "Internal error: " + message, statementText);
  }

  /** A SluiceException seen outside a request (a query that failed after its header was sent). */
  static RestError of(SluiceException error) {
    return new RestError(error.code().httpStatus(), error.code().code(), error.getMessage(), null);
  }

  private static RestError forStatus(int status, String detail) {
    String message = switch (status) {
      case 400 -> "HTTP 400 Bad Request";
      case 404 -> "HTTP 404 Not Found";
      case 405 -> "HTTP 405 Method Not Allowed";
      case 413 -> "HTTP 413 Request Entity Too Large";
      case 415 -> "HTTP 415 Unsupported Media Type";
      default -> "HTTP " + status;
    };
    if (detail != null && !detail.isBlank()) {
      message = message + ": " + detail;
    }
    return new RestError(status, status * 100, message, null);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  boolean isStatementError() {
    return statementText != null;
  }

  /** The JSON body, fields in ksqlDB's order. */
  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("@type", isStatementError() ? "statement_error" : "generic_error");
    json.put("error_code", errorCode);
    json.put("message", message);
    if (isStatementError()) {
      json.put("statementText", statementText);
      json.put("entities", entities);
    }
    return json;
  }
}
