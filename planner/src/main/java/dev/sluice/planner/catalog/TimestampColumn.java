package dev.sluice.planner.catalog;

import java.util.Optional;

/**
 * The column that gives a record its event time ({@code WITH (TIMESTAMP='col', TIMESTAMP_FORMAT='...')}):
 * a BIGINT or TIMESTAMP column, or a STRING column read with the {@code java.time} pattern in
 * {@link #format()}.
 */
public record TimestampColumn(String column, Optional<String> format) {
  public TimestampColumn {
    format = format == null ? Optional.empty() : format;
  }
}
