package dev.sluice.parser.ast;

import java.util.Optional;

/**
 * A column in {@code CREATE STREAM/TABLE (...)}. {@code headerKey} is set for {@code HEADER('k')} columns.
 */
public record ColumnDef(Position pos, String name, Type type, Constraint constraint, Optional<String> headerKey)
    implements Node {

  /** Where the column lives in the Kafka record. */
  public enum Constraint {
    NONE, KEY, PRIMARY_KEY, HEADERS, HEADER
  }
}
