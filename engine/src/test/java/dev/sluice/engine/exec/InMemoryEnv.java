package dev.sluice.engine.exec;

import dev.sluice.engine.command.Command;
import dev.sluice.engine.env.CommandStore;
import dev.sluice.engine.env.TopicAdmin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What the engine asks of Kafka, in memory, for executor tests that need no broker. */
final class InMemoryEnv {
  private InMemoryEnv() {}

  /** The command topic as a list. */
  static final class Log implements CommandStore {
    final List<Command> commands = new ArrayList<>();

    @Override
    public void append(String id, Command command) {
      commands.add(command);
    }

    @Override
    public List<Command> readAll() {
      return List.copyOf(commands);
    }
  }

  /** Topics with their partition and replica counts, and consumer groups as a test sets them. */
  static final class Topics implements TopicAdmin {
    private final Map<String, TopicInfo> topics = new TreeMap<>();
    final Map<String, TopicConsumers> consumers = new TreeMap<>();

    @Override
    public String clusterId() {
      return "test";
    }

    @Override
    public Optional<TopicInfo> describe(String topic) {
      return Optional.ofNullable(topics.get(topic));
    }

    @Override
    public void ensure(String topic, int count, short replicas, Map<String, String> config) {
      topics.putIfAbsent(topic, new TopicInfo(count, replicas));
    }

    @Override
    public Map<String, Integer> list(boolean includeInternal) {
      Map<String, Integer> out = new TreeMap<>();
      topics.forEach((name, info) -> out.put(name, info.partitions()));
      return out;
    }

    @Override
    public Map<String, List<Integer>> replicaInfo(boolean includeInternal) {
      Map<String, List<Integer>> out = new TreeMap<>();
      topics.forEach((name, info) -> out.put(name, Collections.nCopies(info.partitions(), info.replicas())));
      return out;
    }

    @Override
    public Map<String, TopicConsumers> consumers() {
      return consumers;
    }

    @Override
    public void delete(String topic) {
      topics.remove(topic);
    }
  }
}
