package dev.sluice.engine.runtime;

import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;

/**
 * What a step of the plan builds: a stream of rows, or a table of rows keyed by {@code Object[]} key rows
 * (by {@code Windowed<Object[]>} when {@code windowed}).
 */
record Flow(KStream<Object[], Object[]> stream, KTable<Object, Object[]> table, boolean windowed,
    boolean session) {

  static Flow of(KStream<Object[], Object[]> stream) {
    return new Flow(stream, null, false, false);
  }

  static Flow of(KTable<Object, Object[]> table) {
    return new Flow(null, table, false, false);
  }
}
