package dev.sluice.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code kafka_topics} ({@code SHOW TOPICS}) and {@code kafka_topics_extended}
 * ({@code SHOW TOPICS EXTENDED}, which adds consumer counts).
 */
public final class TopicsRenderer implements EntityRenderer {

  @Override
  public List<String> types() {
    return List.of("kafka_topics", "kafka_topics_extended");
  }

  @Override
  public String render(JsonNode entity) {
    boolean extended = "kafka_topics_extended".equals(entity.path("@type").asText());
    Table table = extended
        ? Table.withHeader("Kafka Topic", "Partitions", "Partition Replicas", "Consumers", "ConsumerGroups")
        : Table.withHeader("Kafka Topic", "Partitions", "Partition Replicas");
    for (JsonNode topic : entity.path("topics")) {
      JsonNode replicas = topic.path("replicaInfo");
      String partitions = String.valueOf(replicas.size());
      String replicaText = Json.joined(topic, "replicaInfo").replace(", ", ",");
      if (extended) {
        table.row(Json.text(topic, "name", ""), partitions, replicaText,
            Json.text(topic, "consumerCount", "0"), Json.text(topic, "consumerGroupCount", "0"));
      } else {
        table.row(Json.text(topic, "name", ""), partitions, replicaText);
      }
    }
    return table.render();
  }
}
