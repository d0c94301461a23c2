package dev.sluice.engine.env;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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

  /**
   * How consumer groups read a topic, as SHOW TOPICS EXTENDED counts it: {@code consumers} is the number of
   * partitions assigned to group members (ksqlDB counts a member once per assigned partition), {@code groups}
   * the number of groups with at least one partition of the topic assigned.
   */
  record TopicConsumers(int consumers, int groups) {}

  /**
   * Every topic with each partition's replica count, sorted by name. Implementations without replicas
   * (in-memory ones) report one per partition; the Kafka one asks the brokers.
   */
  default Map<String, List<Integer>> replicaInfo(boolean includeInternal) {
    Map<String, List<Integer>> out = new TreeMap<>();
    list(includeInternal).forEach((name, partitions) -> out.put(name, Collections.nCopies(partitions, 1)));
    return out;
  }

  /**
   * The consumer groups' assignments per topic; topics no group member is assigned are absent. There are no
   * consumer groups without a broker, so the default has none.
   */
  default Map<String, TopicConsumers> consumers() {
    return Map.of();
  }
}
