package dev.sluice.engine.runtime;

import dev.sluice.planner.plan.Formats;
import dev.sluice.planner.schema.Column;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/** Makes the serdes of a topic's keys and values for a query; bad records go to that query's processing log. */
public interface RowSerdes {
  Serde<Object[]> key(List<Column> keyColumns, Formats formats, String queryId);

  Serde<Object[]> value(List<Column> valueColumns, Formats formats, String queryId);
}
