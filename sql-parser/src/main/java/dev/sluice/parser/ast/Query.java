package dev.sluice.parser.ast;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A SELECT: push ({@code EMIT CHANGES}), pull (no EMIT) or the body of a CSAS/CTAS/INSERT INTO.
 * {@code groupBy} and {@code partitionBy} are empty lists when absent.
 */
public record Query(
    Position pos,
    List<SelectItem> select,
    Relation from,
    Optional<WindowSpec> window,
    Optional<Expression> where,
    List<Expression> groupBy,
    List<Expression> partitionBy,
    Optional<Expression> having,
    Optional<Emit> emit,
    OptionalInt limit) implements Node {

  /** The EMIT clause: {@code EMIT CHANGES} for push queries, {@code EMIT FINAL} for one result per window. */
  public enum Emit {
    CHANGES, FINAL
  }
}
