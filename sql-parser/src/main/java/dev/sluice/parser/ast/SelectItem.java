package dev.sluice.parser.ast;

import java.util.Optional;

/** One entry of the SELECT list. */
public sealed interface SelectItem extends Node {

  /** {@code *} or {@code source.*}. */
  record AllColumns(Position pos, Optional<String> source) implements SelectItem {}

  /** An expression with an optional {@code AS alias}. */
  record SingleColumn(Position pos, Expression expression, Optional<String> alias) implements SelectItem {}

  /** {@code base->*}: every field of a struct, each as its own column. */
  record StructAll(Position pos, Expression base) implements SelectItem {}
}
