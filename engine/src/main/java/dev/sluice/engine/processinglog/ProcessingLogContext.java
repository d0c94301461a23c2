package dev.sluice.engine.processinglog;

import java.util.Objects;
import org.slf4j.LoggerFactory;

/**
 * What a serde or an operator of one query needs to report a bad record: the query it belongs to, the
 * logger, and whether the record's contents may be written to the log ({@code ksql.logging.processing.rows.include},
 * off by default because rows may hold personal data).
 *
 * @param queryId the persistent or transient query, e.g. {@code CSAS_OUTPUT_0}
 * @param logger where entries go
 * @param includeRows whether entries carry the bad record (base64 bytes, or the row's text)
 */
public record ProcessingLogContext(String queryId, ProcessingLogger logger, boolean includeRows) {

  public ProcessingLogContext {
    Objects.requireNonNull(queryId, "queryId");
    Objects.requireNonNull(logger, "logger");
  }

  /** A context that does not include row data. */
  public static ProcessingLogContext of(String queryId, ProcessingLogger logger) {
    return new ProcessingLogContext(queryId, logger, false);
  }

  /** A context that drops everything: for tools that decode records outside any query. */
  public static ProcessingLogContext discarding(String queryId) {
    return new ProcessingLogContext(queryId, entry -> { }, false);
  }

  /** The processing log's logger name for a component of this query, as ksqlDB names it. */
  public String loggerName(String component) {
    return "processing." + queryId + "." + component;
  }

  /** Reports an entry; a failing logger is never allowed to break the caller. */
  public void report(ProcessingLogEntry entry) {
    try {
      logger.error(entry);
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(ProcessingLogContext.class)
          .warn("Processing log failed for query {}: {}", queryId, e.toString());
    }
  }
}
