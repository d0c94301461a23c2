package dev.sluice.cli.rest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server answered with an error ({@code {"@type":"statement_error","error_code":40001,"message":...}}).
 * Kept apart from {@link ServerUnreachableException} because the CLI reacts differently: a statement
 * error is the user's to fix, an unreachable server is not.
 */
public final class KsqlRestException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final int errorCode;
  private final transient JsonNode body;

  public KsqlRestException(int httpStatus, int errorCode, String message, JsonNode body) {
    super(message);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
    this.body = body;
  }

  /** The HTTP status, or 200 for an error reported inside a streamed response. */
  public int httpStatus() {
    return httpStatus;
  }

  /** ksqlDB's {@code error_code} (HTTP status x 100 + sub-code), or the HTTP status x 100 if absent. */
  public int errorCode() {
    return errorCode;
  }

  /** The error body as the server sent it; null when it was not JSON. */
  public JsonNode body() {
    return body;
  }
}
