package dev.sluice.engine.testing;

import dev.sluice.engine.runtime.FormatSerdes;
import dev.sluice.engine.serde.FormatInfo;
import dev.sluice.engine.serde.registry.SchemaRegistryClient;
import dev.sluice.planner.plan.Formats;
import dev.sluice.planner.schema.Column;
import java.util.List;
import java.util.Locale;

/**
 * How the records of a topic are laid out: key and value columns and their formats, as a source or sink of
 * the case declares them, plus the window of a windowed key.
 *
 * @param window the key's window, or null when the key is not windowed
 * @param registry the Schema Registry the registry formats read and write with, or null
 */
record TopicShape(List<Column> keyColumns, List<Column> valueColumns, FormatInfo keyFormat,
    FormatInfo valueFormat, WindowSpec window, SchemaRegistryClient registry) {

  /** A windowed key: {@code session} or a time window of {@code sizeMs}. */
  record WindowSpec(boolean session, long sizeMs) {}

  /**
   * The shape of a source or sink. A window is read from the formats' {@code WINDOW_TYPE} and
   * {@code WINDOW_SIZE} options (milliseconds) when a plan carries them.
   */
  static TopicShape of(List<Column> keyColumns, List<Column> valueColumns, Formats formats,
      SchemaRegistryClient registry) {
    WindowSpec window = null;
    String type = formats.properties().get("WINDOW_TYPE");
    if (type != null) {
      String size = formats.properties().get("WINDOW_SIZE");
      window = new WindowSpec(type.toUpperCase(Locale.ROOT).equals("SESSION"),
          size == null ? 0L : Long.parseLong(size.trim()));
    }
    return new TopicShape(keyColumns, valueColumns, FormatSerdes.keyFormat(formats),
        FormatSerdes.valueFormat(formats), window, registry);
  }
}
