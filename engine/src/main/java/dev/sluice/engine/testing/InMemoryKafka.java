package dev.sluice.engine.testing;

import dev.sluice.engine.env.RecordProducer;
import dev.sluice.engine.env.TopicAdmin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The topics of one test case, in memory: what statements create and what INSERT VALUES writes, and every
 * record the case's inputs and queries put on a topic, in order. One case runs on one thread, so this class
 * is not thread-safe.
 */
final class InMemoryKafka implements TopicAdmin, RecordProducer {

  /**
   * A record on a topic: either bytes (written by a statement or a query) or a test input as written in the
   * file, which is serialized with the format of each query that reads it.
   *
   * @param input the test input, or null for a record held as bytes
   */
  record Stored(String topic, byte[] key, byte[] value, long timestamp, List<TestCase.Header> headers,
      TestCase.Record input) {
    boolean isInput() {
      return input != null;
    }
  }

  private final Map<String, Integer> partitions = new LinkedHashMap<>();
  private final Map<String, List<Stored>> records = new LinkedHashMap<>();
  private final List<Stored> inputs = new ArrayList<>();

  @Override
  public String clusterId() {
    return "sluice-test-runner";
  }

  @Override
  public Optional<TopicInfo> describe(String topic) {
    Integer p = partitions.get(topic);
    return p == null ? Optional.empty() : Optional.of(new TopicInfo(p, 1));
  }

  @Override
  public void ensure(String topic, int partitions, short replicas, Map<String, String> config) {
    this.partitions.putIfAbsent(topic, partitions);
  }

  @Override
  public Map<String, Integer> list(boolean includeInternal) {
    return new TreeMap<>(partitions);
  }

  @Override
  public void delete(String topic) {
    partitions.remove(topic);
    records.remove(topic);
  }

  /** INSERT VALUES: a record without a timestamp gets 0, so that runs are repeatable. */
  @Override
  public void send(String topic, byte[] key, byte[] value, Long timestamp) {
    append(new Stored(topic, key, value, timestamp == null ? 0L : timestamp, List.of(), null));
  }

  /** Appends a test input, which queries serialize with their own source formats. */
  void appendInput(TestCase.Record input) {
    Stored s = new Stored(input.topic(), null, null, input.timestamp() == null ? 0L : input.timestamp(),
        input.headers() == null ? List.of() : input.headers(), input);
    inputs.add(s);
    append(s);
  }

  void append(Stored record) {
    partitions.putIfAbsent(record.topic(), 1);
    records.computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(record);
  }

  /** Test inputs in file order, whatever their topic. */
  List<Stored> inputs() {
    return List.copyOf(inputs);
  }

  /** Every record of a topic, oldest first. */
  List<Stored> records(String topic) {
    return List.copyOf(records.getOrDefault(topic, List.of()));
  }

  boolean exists(String topic) {
    return partitions.containsKey(topic);
  }

  int partitions(String topic) {
    return partitions.getOrDefault(topic, 0);
  }
}
