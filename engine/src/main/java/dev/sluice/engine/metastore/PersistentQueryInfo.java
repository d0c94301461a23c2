package dev.sluice.engine.metastore;

import dev.sluice.engine.serde.InternalFormat;
import dev.sluice.planner.plan.StreamSink;
import java.util.List;

/**
 * What the metastore records of a persistent query: enough to restart it exactly (its physical plan and the
 * format of its internal topics and stores) and to show it. The running Kafka Streams application lives in
 * the engine's query registry, not here. {@code internalFormat} is null in records written before there was a
 * choice, which means JSON (see {@link InternalFormat#orLegacy}).
 */
public record PersistentQueryInfo(String id, String statementText, List<String> sources, String sink,
    String sinkTopic, StreamSink plan, InternalFormat internalFormat) {

  /** A new query: its internal topics and stores use Sluice's binary rows. */
  public PersistentQueryInfo(String id, String statementText, List<String> sources, String sink, String sinkTopic,
      StreamSink plan) {
    this(id, statementText, sources, sink, sinkTopic, plan, InternalFormat.BINARY);
  }
}
