package dev.sluice.engine.metastore;

import dev.sluice.planner.plan.StreamSink;
import java.util.List;

/**
 * What the metastore records of a persistent query: enough to restart it exactly (its physical plan) and to
 * show it. The running Kafka Streams application lives in the engine's query registry, not here.
 */
public record PersistentQueryInfo(String id, String statementText, List<String> sources, String sink,
    String sinkTopic, StreamSink plan) {}
