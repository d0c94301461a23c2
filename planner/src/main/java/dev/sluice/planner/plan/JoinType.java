package dev.sluice.planner.plan;

/**
 * The kinds of join a join step performs. A RIGHT join is planned as itself rather than as a swapped LEFT
 * join, so that the joined row keeps the user's left-to-right column order; the engine swaps the operands
 * when Kafka Streams has no right join.
 */
public enum JoinType {
  INNER, LEFT, RIGHT, OUTER
}
