package dev.sluice.engine.runtime;

import dev.sluice.planner.catalog.TimestampColumn;
import dev.sluice.planner.schema.LogicalSchema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time from a column ({@code WITH (TIMESTAMP='col' [, TIMESTAMP_FORMAT='pattern'])}), read from the
 * already deserialized key or value row. As in ksqlDB: a null timestamp skips the record (Kafka Streams
 * drops records with a negative timestamp and logs them), a string that does not match the pattern fails
 * the query, and strings without a zone are read as UTC.
 */
final class ColumnTimestampExtractor implements TimestampExtractor {
  private final boolean inKey;
  private final int index;
  private final DateTimeFormatter formatter;

  ColumnTimestampExtractor(LogicalSchema sourceSchema, TimestampColumn column) {
    int keyIndex = indexOf(sourceSchema.keyColumns(), column.column());
    this.inKey = keyIndex >= 0;
    this.index = inKey ? keyIndex : indexOf(sourceSchema.valueColumns(), column.column());
    this.formatter = formatter(column);
  }

  /** The parser of {@code column}'s TIMESTAMP_FORMAT, or null when it has none (the column is a number). */
  static DateTimeFormatter formatter(TimestampColumn column) {
    return column.format()
        .map(f -> DateTimeFormatter.ofPattern(f, Locale.ROOT).withZone(ZoneOffset.UTC)).orElse(null);
  }

  private static int indexOf(java.util.List<dev.sluice.planner.schema.Column> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    Object key = record.key() instanceof org.apache.kafka.streams.kstream.Windowed<?> w ? w.key() : record.key();
    Object[] row = (Object[]) (inKey ? key : record.value());
    if (row == null) {
      return record.timestamp(); // a tombstone or an unreadable record: the source drops it anyway
    }
    Object value = row[index];
    if (value == null) {
      return -1;
    }
    return formatter == null ? ((Number) value).longValue() : parse(formatter, (String) value);
  }

  /** Epoch millis of {@code text} in {@code formatter}'s pattern, UTC when it names no zone. */
  static long parse(DateTimeFormatter formatter, String text) {
    TemporalAccessor parsed = formatter.parse(text);
    if (parsed.isSupported(ChronoField.INSTANT_SECONDS)) {
      return Instant.from(parsed).toEpochMilli();
    }
    if (parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
      return LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
    return LocalDate.from(parsed).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }
}
