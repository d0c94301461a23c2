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
 */
public enum QueryState {
  PENDING, RUNNING, ERROR, TERMINATED;

  boolean canMoveTo(QueryState next) {
    switch (this) {
      case PENDING: return next != PENDING;
      case RUNNING: return next == ERROR || next == TERMINATED;
      case ERROR: return next == RUNNING || next == TERMINATED;
      default: return false;
    }
  }
}
