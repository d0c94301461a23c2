package dev.sluice.engine.serde;

/**
 * The format of a query's internal topics and state stores. It is recorded with each persistent query, because
 * a restarted query must read the state and changelogs it wrote before: queries created before the binary
 * format existed keep JSON (their record says nothing), new ones use {@link #BINARY} ({@link InternalCodec}).
 */
public enum InternalFormat {
  /** Rows as JSON objects, as the first versions wrote them. */
  JSON,
  /** Sluice's compact binary rows. */
  BINARY;

  /** The format a query recorded, JSON when it recorded none (it predates the choice). */
  public static InternalFormat orLegacy(InternalFormat recorded) {
    return recorded == null ? JSON : recorded;
  }
}
