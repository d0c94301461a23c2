package dev.sluice.parser.ast;

import java.util.List;

/** A type as written in SQL: in column lists, CAST, CREATE TYPE. The planner maps it to its own type model. */
public sealed interface Type extends Node {

  /** BOOLEAN, INT, BIGINT, DOUBLE, STRING, BYTES, DATE, TIME, TIMESTAMP (VARCHAR and INTEGER normalized). */
  record Primitive(Position pos, PrimitiveKind kind) implements Type {}

  record Decimal(Position pos, int precision, int scale) implements Type {}

  record Array(Position pos, Type element) implements Type {}

  record Map(Position pos, Type key, Type value) implements Type {}

  record Struct(Position pos, List<Field> fields) implements Type {}

  /** A field of a STRUCT type. */
  record Field(Position pos, String name, Type type) {}

  /** A type created with {@code CREATE TYPE name AS ...}. */
  record Named(Position pos, String name) implements Type {}

  /** The primitive type names, each once: aliases are folded by the parser. */
  enum PrimitiveKind {
    BOOLEAN, INT, BIGINT, DOUBLE, STRING, BYTES, DATE, TIME, TIMESTAMP
  }
}
