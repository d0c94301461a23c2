package dev.sluice.engine.runtime;

import dev.sluice.engine.serde.InternalFormat;
import dev.sluice.planner.plan.Formats;
import dev.sluice.planner.schema.Column;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * The serdes of one query's internal topics (repartitions, changelogs) and state stores, in the query's
 * {@link InternalFormat}: Sluice's binary rows for queries created now, JSON for queries recorded before the
 * binary format existed, whose stores and changelogs already hold JSON.
 */
final class InternalSerdes {
  private static final Formats JSON = new Formats("JSON", "JSON", Map.of());

  private final RowSerdes serdes;
  private final String queryId;
  private final InternalFormat format;

  InternalSerdes(RowSerdes serdes, String queryId, InternalFormat format) {
    this.serdes = serdes;
    this.queryId = queryId;
    this.format = format;
  }

  Serde<Object[]> key(List<Column> columns) {
    return format == InternalFormat.JSON ? serdes.key(columns, JSON, queryId) : serdes.internal(columns, true, queryId);
  }

  Serde<Object[]> value(List<Column> columns) {
    return format == InternalFormat.JSON ? serdes.value(columns, JSON, queryId)
        : serdes.internal(columns, false, queryId);
  }
}
