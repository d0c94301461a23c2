package dev.sluice.engine.runtime;

import dev.sluice.planner.schema.Column;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Fills a source's header columns from a record's headers: a {@code HEADERS} column gets every header as
 * {@code ARRAY<STRUCT<KEY STRING, VALUE BYTES>>} (structs are {@code Object[]} at run time), a
 * {@code HEADER('k')} column the value of the last header with key {@code k}, as ksqlDB reads them.
 */
final class HeaderColumns {
  /** The header key of each column, null for a HEADERS column. */
  private final String[] keys;

  HeaderColumns(List<Column> columns) {
    keys = columns.stream().map(c -> c.headerKey().orElse(null)).toArray(String[]::new);
  }

  int size() {
    return keys.length;
  }

  /** Writes the columns into {@code row} from index {@code offset}. */
  void read(Headers headers, Object[] row, int offset) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] == null) {
        List<Object[]> all = new ArrayList<>();
        for (Header h : headers) {
          all.add(new Object[] {h.key(), h.value() == null ? null : new ByteString(h.value())});
        }
        row[offset + i] = all;
      } else {
        Header last = headers.lastHeader(keys[i]);
        row[offset + i] = last == null || last.value() == null ? null : new ByteString(last.value());
      }
    }
  }
}
