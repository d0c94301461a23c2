package dev.sluice.engine.env;

import java.util.Map;
import java.util.Optional;

/**
 * The topic operations statements need. Kafka's admin client implements it for servers; an in-memory
 * version lets the SQL test runner execute statements without a broker.
 */
public interface TopicAdmin {

  /** Partition count and replication factor of a topic. */
  record TopicInfo(int partitions, int replicas) {}

  String clusterId();

  Optional<TopicInfo> describe(String topic);

  /** Creates the topic unless it exists; returns once it can be written to. */
  void ensure(String topic, int partitions, short replicas, Map<String, String> config);

  /** Every topic with its partition count, sorted by name. */
  Map<String, Integer> list(boolean includeInternal);

  void delete(String topic);
}
