package dev.sluice.parser.ast;

import java.util.Optional;

/** The FROM clause: one source, or a join tree (left-deep for n-way joins). */
public sealed interface Relation extends Node {

  /** A stream or table, with an optional alias. */
  record Source(Position pos, String name, Optional<String> alias) implements Relation {}

  /** {@code left [INNER|LEFT|RIGHT|FULL] JOIN right [WITHIN ...] ON condition}. */
  record Join(Position pos, JoinType type, Relation left, Relation right, Optional<WithinClause> within,
      Expression condition) implements Relation {}

  /** The join kinds of the dialect. */
  enum JoinType {
    INNER, LEFT, RIGHT, FULL
  }

  /**
   * {@code WITHIN n unit} (before == after) or {@code WITHIN (before, after)}, with an optional
   * {@code GRACE PERIOD}; all in milliseconds.
   */
  record WithinClause(Position pos, long beforeMs, long afterMs, Optional<Long> graceMs) {}
}
