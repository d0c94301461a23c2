package dev.sluice.planner.plan;

import dev.sluice.planner.schema.LogicalSchema;
import java.util.List;
import java.util.Optional;

/**
 * A windowed join of two streams keyed on the join key: a left record joins every right record whose
 * timestamp lies between {@code beforeMs} before and {@code afterMs} after its own (WITHIN). Both sides are
 * buffered in window stores named {@code <name>-left-store} and {@code <name>-right-store}. Without a GRACE
 * PERIOD, left and outer joins emit their unmatched rows at once, as ksqlDB does; with one, only once the
 * window has closed. Rows are {@code [join key, left row..., right row...]}.
 */
public record StreamStreamJoin(String name, JoinType type, ExecStep left, ExecStep right, long beforeMs,
    long afterMs, Optional<Long> graceMs, LogicalSchema schema) implements ExecStep {

  public StreamStreamJoin {
    graceMs = graceMs == null ? Optional.empty() : graceMs;
  }

  @Override
  public List<ExecStep> inputs() {
    return List.of(left, right);
  }

  @Override
  public <R> R accept(ExecStepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
