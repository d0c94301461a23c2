package dev.sluice.engine.runtime;

import dev.sluice.engine.env.TopicAdmin;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Topic administration as the engine needs it: create (and wait until every partition has a leader, since
 * producing to a just-created topic can lose data otherwise, KAFKA-15591), describe, list, delete.
 */
public final class KafkaTopics implements TopicAdmin, AutoCloseable {
  private final Admin admin;

  public KafkaTopics(String bootstrapServers) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    this.admin = Admin.create(p);
  }

  @Override
  public String clusterId() {
    return call(() -> admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS));
  }

  public boolean exists(String topic) {
    return call(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic));
  }

  @Override
  public java.util.Optional<TopicInfo> describe(String topic) {
    try {
      TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
          .get(topic);
      return java.util.Optional.of(new TopicInfo(d.partitions().size(), d.partitions().get(0).replicas().size()));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return java.util.Optional.empty();
      }
      throw error(e);
    } catch (Exception e) {
      throw error(e);
    }
  }

  /** Creates the topic unless it exists, then waits for its partition leaders. */
  public void ensure(String topic, int partitions, Map<String, String> config) {
    ensure(topic, partitions, (short) 1, config);
  }

  @Override
  public void ensure(String topic, int partitions, short replicas, Map<String, String> config) {
    try {
      admin.createTopics(List.of(new NewTopic(topic, partitions, replicas).configs(config)))
          .all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw error(e);
      }
    } catch (Exception e) {
      throw error(e);
    }
    awaitLeaders(topic);
  }

  private void awaitLeaders(String topic) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
            .get(topic);
        if (d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
          return;
        }
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw error(e);
        }
      } catch (Exception e) {
        throw error(e);
      }
      sleep();
    }
    throw new SluiceException(ErrorCode.SERVER_ERROR, "Topic " + topic + " has no leader after 30 s");
  }

  @Override
  public Map<String, Integer> list(boolean includeInternal) {
    return call(() -> {
      Set<String> names = admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions()
          .listInternal(includeInternal)).names().get(30, TimeUnit.SECONDS);
      Map<String, Integer> out = new TreeMap<>();
      admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS)
          .forEach((name, d) -> out.put(name, d.partitions().size()));
      return out;
    });
  }

  @Override
  public Map<String, List<Integer>> replicaInfo(boolean includeInternal) {
    return call(() -> {
      Set<String> names = admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions()
          .listInternal(includeInternal)).names().get(30, TimeUnit.SECONDS);
      Map<String, List<Integer>> out = new TreeMap<>();
      admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, d) ->
          out.put(name, d.partitions().stream().map(p -> p.replicas().size()).toList()));
      return out;
    });
  }

  /**
   * Lists the consumer groups, describes them all in one request, and counts each member's assigned
   * partitions per topic: Kafka Streams applications (the persistent queries) are consumer groups too.
   */
  @Override
  public Map<String, TopicConsumers> consumers() {
    return call(() -> {
      List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
          .get(30, TimeUnit.SECONDS).stream().map(GroupListing::groupId).toList();
      if (groups.isEmpty()) {
        return Map.of();
      }
      Map<String, Integer> assigned = new TreeMap<>();
      Map<String, Set<String>> groupsByTopic = new TreeMap<>();
      for (ConsumerGroupDescription group : admin.describeConsumerGroups(groups).all()
          .get(30, TimeUnit.SECONDS).values()) {
        for (MemberDescription member : group.members()) {
          for (TopicPartition partition : member.assignment().topicPartitions()) {
            assigned.merge(partition.topic(), 1, Integer::sum);
            groupsByTopic.computeIfAbsent(partition.topic(), t -> new HashSet<>()).add(group.groupId());
          }
        }
      }
      Map<String, TopicConsumers> out = new TreeMap<>();
      assigned.forEach((topic, count) -> out.put(topic, new TopicConsumers(count, groupsByTopic.get(topic).size())));
      return out;
    });
  }

  @Override
  public void delete(String topic) {
    try {
      admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
        throw error(e);
      }
    } catch (Exception e) {
      throw error(e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SluiceException(ErrorCode.SERVER_SHUTTING_DOWN, "interrupted");
    }
  }

  private interface Call<T> {
    T call() throws Exception;
  }

  private static <T> T call(Call<T> call) {
    try {
      return call.call();
    } catch (Exception e) {
      throw error(e);
    }
  }

  private static SluiceException error(Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    return new SluiceException(ErrorCode.SERVER_ERROR, "Kafka: " + cause.getMessage(), cause);
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
