package dev.sluice.engine.processinglog;

/**
 * Where bad records and failed rows are reported instead of stopping a query (DESIGN.md, "Bad records").
 * Implementations must be thread-safe: every stream thread of every query reports through them.
 * A single method so that tests and the runner can plug in a lambda or {@link InMemoryProcessingLogger}.
 */
@FunctionalInterface
public interface ProcessingLogger {

  /** Records one error. Must not throw and must not block for long: it runs on a stream thread. */
  void error(ProcessingLogEntry entry);
}
