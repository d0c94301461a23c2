package dev.sluice.engine.runtime;

/**
 * The lifecycle of a persistent query, as SHOW QUERIES reports it:
 * <pre>
 *   PENDING ──start──▶ RUNNING ──terminate──▶ TERMINATED
 *      │                  │  ▲
 *      │             failure│  │recovered (rebalance)
 *      │                  ▼  │
 *      └──────failure──▶ ERROR ──terminate──▶ TERMINATED
 * </pre>
 * Kafka Streams' own states map onto these: REBALANCING counts as RUNNING (ksqlDB does the same).
 * PAUSED is not a step of this lifecycle but how a PENDING or RUNNING query is reported while PAUSE holds
 * it: Kafka Streams keeps running (polling, committing) and only skips processing, so the lifecycle state
 * underneath goes on changing and a RESUME finds it where it is.
 */
public enum QueryState {
  PENDING, RUNNING, ERROR, TERMINATED, PAUSED;

  boolean canMoveTo(QueryState next) {
    switch (this) {
      case PENDING: return next != PENDING;
      case RUNNING: return next == ERROR || next == TERMINATED;
      case ERROR: return next == RUNNING || next == TERMINATED;
      default: return false;
    }
  }
}
