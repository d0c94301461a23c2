package dev.sluice.engine.runtime;

import dev.sluice.planner.plan.StreamFlatMap;
import java.util.List;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The processor of a {@link StreamFlatMap}: forwards one row per element of the longest of the row's table
 * function lists, zipping them (a shorter list gives NULL once exhausted), with the key, timestamp and the
 * other columns of the input row. Rows are forwarded as they are built, without collecting them first. A
 * tombstone has no lists to flatten and produces nothing, as in ksqlDB.
 */
final class FlatMapRows extends ContextualFixedKeyProcessor<Object[], Object[], Object[]> {
  private final int[] listColumns;
  private final int inputWidth;

  FlatMapRows(StreamFlatMap step) {
    this.listColumns = step.listColumns().stream().mapToInt(Integer::intValue).toArray();
    this.inputWidth = step.input().schema().columns().size();
  }

  @Override
  public void process(FixedKeyRecord<Object[], Object[]> record) {
    Object[] in = record.value();
    if (Tombstones.isTombstone(in, inputWidth)) {
      return;
    }
    int rows = 0;
    for (int column : listColumns) {
      List<?> list = (List<?>) in[column];
      if (list != null) {
        rows = Math.max(rows, list.size());
      }
    }
    for (int i = 0; i < rows; i++) {
      Object[] out = java.util.Arrays.copyOf(in, inputWidth);
      for (int column : listColumns) {
        List<?> list = (List<?>) in[column];
        out[column] = list != null && i < list.size() ? list.get(i) : null;
      }
      context().forward(record.withValue(out));
    }
  }
}
