package dev.sluice.engine.processinglog;

import java.util.ArrayList;
import java.util.List;

/**
 * A processing logger that keeps every entry in memory. The test runner uses it to expose bad records
 * without a broker, and unit tests use it to assert exact messages.
 */
public final class InMemoryProcessingLogger implements ProcessingLogger {

  private final List<ProcessingLogEntry> entries = new ArrayList<>();

  @Override
  public synchronized void error(ProcessingLogEntry entry) {
    entries.add(entry);
  }

  /** A snapshot of the entries, oldest first. */
  public synchronized List<ProcessingLogEntry> entries() {
    return List.copyOf(entries);
  }

  /** How many entries were recorded for a query. */
  public synchronized long errorCount(String queryId) {
    return entries.stream().filter(e -> e.queryId().equals(queryId)).count();
  }

  public synchronized void clear() {
    entries.clear();
  }
}
