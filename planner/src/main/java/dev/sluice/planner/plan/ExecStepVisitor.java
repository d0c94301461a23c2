package dev.sluice.planner.plan;

/** Walks a physical plan; the engine's topology builder is one. */
public interface ExecStepVisitor<R> {
  R visit(StreamSource step);

  R visit(StreamCalc step);

  R visit(StreamSink step);

  R visit(StreamSelectKey step);

  R visit(TableSource step);

  R visit(TableCalc step);

  R visit(Aggregate step);

  R visit(StreamStreamJoin step);

  R visit(StreamTableJoin step);

  R visit(TableTableJoin step);

  R visit(ForeignKeyTableJoin step);

  R visit(StreamFlatMap step);
}
