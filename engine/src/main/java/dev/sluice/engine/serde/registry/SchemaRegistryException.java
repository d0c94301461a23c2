package dev.sluice.engine.serde.registry;

/**
 * A Schema Registry request that failed, classified so that callers can word the error for the user
 * ("subject missing" reads differently from "registry unreachable"). The message never holds credentials.
 */
public class SchemaRegistryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the request failed. */
  public enum Kind {
    /** No answer: connection refused, timeout, DNS, or a 5xx after every retry. */
    UNREACHABLE,
    /** The subject, version or schema id does not exist (Confluent error codes 40401, 40402, 40403). */
    NOT_FOUND,
    /** The schema is incompatible with the subject's earlier versions (HTTP 409). */
    INCOMPATIBLE,
    /** The registry rejected the schema itself (42201) or the request (422). */
    INVALID,
    /** Authentication or authorization failed (401, 403). */
    UNAUTHORIZED,
    /** Anything else the registry answered with. */
    OTHER
  }

  private final Kind kind;
  private final int errorCode;

  public SchemaRegistryException(Kind kind, int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.errorCode = errorCode;
  }

  public Kind kind() {
    return kind;
  }

  /** The registry's {@code error_code} (for example 40401), the HTTP status without one, or 0 without an answer. */
  public int errorCode() {
    return errorCode;
  }
}
