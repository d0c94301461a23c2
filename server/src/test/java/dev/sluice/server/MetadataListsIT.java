package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SHOW TOPICS EXTENDED on the real embedded broker: a persistent query's Kafka Streams application is a
 * consumer group, so once its members have their partitions the query's input topic counts one group and
 * one consumer per assigned partition (ksqlDB's counting), while its sink topic, which nothing reads, counts
 * none. The other EXTENDED forms need no broker and are covered by the engine's MetadataStatementsTest.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MetadataListsIT {

  @TempDir
  Path dataDir;

  @Test
  void showTopicsExtendedCountsTheQueriesConsumerGroups() throws Exception {
    ServerConfig config = LocalServers.localMode(dataDir);
    try (SluiceServer server = SluiceServer.start(config)) {
      String url = server.url();
      StatefulQueriesIT.ksql(url, "CREATE STREAM clicks (id STRING KEY, url STRING) WITH (KAFKA_TOPIC='clicks',"
          + " VALUE_FORMAT='JSON', PARTITIONS=3);"
          + "CREATE STREAM long_clicks AS SELECT id, url FROM clicks WHERE LEN(url) > 5;");

      JsonNode clicks = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (System.nanoTime() < deadline) {
        clicks = topic(url, "clicks");
        if (clicks.path("consumerGroupCount").asInt() > 0) {
          break;
        }
        Thread.sleep(250);
      }
      assertThat(clicks.toString())
          .isEqualTo("{\"name\":\"clicks\",\"replicaInfo\":[1,1,1],\"consumerCount\":3,\"consumerGroupCount\":1}");
      JsonNode sink = topic(url, "LONG_CLICKS");
      assertThat(sink.path("consumerCount").asInt()).isZero();
      assertThat(sink.path("consumerGroupCount").asInt()).isZero();
    }
  }

  private static JsonNode topic(String url, String name) throws Exception {
    JsonNode entity = StatefulQueriesIT.ksql(url, "SHOW TOPICS EXTENDED;").get(0);
    assertThat(entity.path("@type").asText()).isEqualTo("kafka_topics_extended");
    for (JsonNode topic : entity.path("topics")) {
      if (topic.path("name").asText().equals(name)) {
        return topic;
      }
    }
    throw new AssertionError("no topic " + name + " in " + entity);
  }
}
