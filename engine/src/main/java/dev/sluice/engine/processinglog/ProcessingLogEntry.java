package dev.sluice.engine.processinglog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the processing log, with the fields of ksqlDB's processing log records so that a
 * {@code KSQL_PROCESSING_LOG} stream declared as in ksqlDB reads Sluice's log too.
 *
 * @param level always {@code ERROR} today, kept for ksqlDB's record shape
 * @param type what failed
 * @param logger the logger name, {@code processing.<queryId>.<component>}
 * @param queryId the query the error belongs to
 * @param timestamp wall-clock time of the error, epoch millis
 * @param target {@code key} or {@code value} for (de)serialization errors, else null
 * @param errorMessage why the record was rejected; never contains the record itself
 * @param cause the messages of the error's causes, outermost first (may be empty)
 * @param topic the Kafka topic, or null
 * @param partition the partition, or null when unknown (serdes do not know it)
 * @param offset the offset, or null when unknown
 * @param record the bad record (base64 of its bytes for serde errors, the row's text otherwise), or null
 *     unless the context includes rows
 */
public record ProcessingLogEntry(String level, Type type, String logger, String queryId, long timestamp,
    String target, String errorMessage, List<String> cause, String topic, Integer partition, Long offset,
    String record) {

  /** ksqlDB's message types, numbered as in its processing log schema. */
  public enum Type {
    DESERIALIZATION_ERROR(0), RECORD_PROCESSING_ERROR(1), PRODUCTION_ERROR(2), SERIALIZATION_ERROR(3);

    private final int code;

    Type(int code) {
      this.code = code;
    }

    /** The number ksqlDB writes in the {@code message.type} field. */
    public int code() {
      return code;
    }
  }

  public ProcessingLogEntry {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(queryId, "queryId");
    Objects.requireNonNull(errorMessage, "errorMessage");
    cause = cause == null ? List.of() : List.copyOf(cause);
  }

  /** An ERROR entry of the given type, stamped with the current time. */
  public static ProcessingLogEntry error(Type type, String logger, String queryId, String target,
      String errorMessage, List<String> cause, String topic, String record) {
    return new ProcessingLogEntry("ERROR", type, logger, queryId, System.currentTimeMillis(), target,
        errorMessage, cause, topic, null, null, record);
  }

  /** The same entry with the record's partition and offset, for callers that know them. */
  public ProcessingLogEntry withPosition(int partition, long offset) {
    return new ProcessingLogEntry(level, type, logger, queryId, timestamp, target, errorMessage, cause,
        topic, partition, offset, record);
  }

  /** The messages of {@code error}'s causes, outermost first, skipping repeats and nulls. */
  public static List<String> causes(Throwable error) {
    List<String> out = new ArrayList<>();
    Throwable t = error == null ? null : error.getCause();
    int depth = 0;
    while (t != null && t != error && depth++ < 10) {
      String m = t.getMessage();
      if (m != null && (out.isEmpty() || !out.get(out.size() - 1).equals(m))) {
        out.add(m);
      }
      t = t.getCause();
    }
    return out;
  }
}
