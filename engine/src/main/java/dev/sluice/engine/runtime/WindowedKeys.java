package dev.sluice.engine.runtime;

import dev.sluice.planner.plan.Formats;
import java.util.Locale;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.WindowedSerdes;

/**
 * The windowed keys of a topic whose formats carry WINDOW_TYPE (and WINDOW_SIZE, in millis, for time
 * windows), in Kafka Streams' layout, the one a windowed aggregation's sink writes and ksqlDB reads: the
 * inner key's bytes, then the window start (time windows, whose end is start + size), or the end and the
 * start (session windows).
 */
final class WindowedKeys {
  private WindowedKeys() {}

  static boolean windowed(Formats formats) {
    return formats.properties().containsKey("WINDOW_TYPE");
  }

  static boolean session(Formats formats) {
    return "SESSION".equals(formats.properties().getOrDefault("WINDOW_TYPE", "").toUpperCase(Locale.ROOT));
  }

  /** {@code inner} wrapped for the window of {@code formats}, which must be windowed. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Serde<Object> serde(Serde<Object[]> inner, Formats formats) {
    if (session(formats)) {
      return (Serde) new WindowedSerdes.SessionWindowedSerde<>(inner);
    }
    String size = formats.properties().get("WINDOW_SIZE");
    return (Serde) new WindowedSerdes.TimeWindowedSerde<>(inner, size == null ? Long.MAX_VALUE : Long.parseLong(size));
  }
}
