package dev.sluice.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.engine.EngineConfig;
import dev.sluice.engine.api.Entities;
import dev.sluice.engine.api.KsqlEntity;
import dev.sluice.engine.codegen.CalcCompiler;
import dev.sluice.engine.env.QueryLauncher;
import dev.sluice.engine.env.TopicAdmin;
import dev.sluice.engine.processinglog.InMemoryProcessingLogger;
import dev.sluice.engine.runtime.FormatSerdes;
import dev.sluice.engine.runtime.QueryState;
import dev.sluice.planner.function.FunctionRegistry;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metadata statements that answer with ksqlDB's list entities: SHOW STREAMS / TABLES / QUERIES / TOPICS
 * EXTENDED, DESCRIBE STREAMS / TABLES [EXTENDED] and SHOW VARIABLES with DEFINE / UNDEFINE, checked as
 * records and as the JSON that {@code /ksql} sends. No broker: topics and consumer groups are in memory.
 */
class MetadataStatementsTest {
  private static final FunctionRegistry FUNCTIONS = FunctionRegistry.builtIn();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path stateDir;
  private final InMemoryEnv.Topics topics = new InMemoryEnv.Topics();
  private EngineContext ctx;
  private StatementExecutor executor;

  @BeforeEach
  void start() {
    InMemoryProcessingLogger processingLog = new InMemoryProcessingLogger();
    ctx = new EngineContext(new EngineConfig("unused:9092", "test_", stateDir, Map.of()), topics, new InMemoryEnv.Log(),
        new Launcher(), (topic, key, value, timestamp) -> { }, new FormatSerdes(processingLog),
        new CalcCompiler(FUNCTIONS, MetadataStatementsTest.class.getClassLoader()), processingLog, FUNCTIONS);
    executor = new StatementExecutor(ctx);
  }

  @AfterEach
  void stop() {
    executor.close();
    ctx.close();
  }

  private List<KsqlEntity> run(String sql) {
    return executor.execute(sql, Map.of(), Map.of());
  }

  private KsqlEntity one(String sql) {
    List<KsqlEntity> entities = run(sql);
    assertThat(entities).hasSize(1);
    return entities.get(0);
  }

  private static JsonNode json(KsqlEntity entity) {
    return JSON.valueToTree(entity);
  }

  private void createSources() {
    topics.ensure("clicks", 2, (short) 3, Map.of());
    run("CREATE STREAM clicks (id STRING KEY, url STRING) WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON');"
        + "CREATE TABLE users (id STRING PRIMARY KEY, name STRING) WITH (KAFKA_TOPIC='users', PARTITIONS=1,"
        + " VALUE_FORMAT='JSON');"
        + "CREATE STREAM long_urls AS SELECT id, url FROM clicks WHERE LEN(url) > 10;"
        + "CREATE TABLE per_url AS SELECT url, COUNT(*) AS n FROM clicks GROUP BY url;");
  }

  @Test
  void showStreamsExtendedDescribesEveryStreamAsDescribeExtendedDoes() {
    createSources();
    KsqlEntity entity = one("SHOW STREAMS EXTENDED;");
    Entities.SourceDescriptionList list = (Entities.SourceDescriptionList) entity;
    assertThat(list.sourceDescriptions()).extracting(Entities.SourceDescription::name)
        .containsExactlyInAnyOrder("CLICKS", "LONG_URLS");
    Entities.SourceDescription clicks = list.sourceDescriptions().stream()
        .filter(d -> d.name().equals("CLICKS")).findFirst().orElseThrow();
    Entities.SourceDescription described = ((Entities.SourceDescriptionEntity) one("DESCRIBE clicks EXTENDED;"))
        .sourceDescription();
    assertThat(clicks).isEqualTo(described);
    assertThat(clicks.extended()).isTrue();
    assertThat(clicks.partitions()).isEqualTo(2);
    assertThat(clicks.replication()).isEqualTo(3);
    assertThat(clicks.readQueries()).extracting(Entities.QueryRef::id)
        .containsExactly("CSAS_LONG_URLS_2", "CTAS_PER_URL_3");

    JsonNode wire = json(entity);
    assertThat(wire.path("@type").asText()).isEqualTo("source_descriptions");
    assertThat(wire.path("statementText").asText()).isEqualTo("SHOW STREAMS EXTENDED;");
    assertThat(wire.path("sourceDescriptions")).hasSize(2);
    assertThat(wire.path("sourceDescriptions").get(0).path("fields").get(0).path("type").asText()).isEqualTo("KEY");
  }

  @Test
  void showTablesExtendedListsOnlyTables() {
    createSources();
    Entities.SourceDescriptionList list = (Entities.SourceDescriptionList) one("LIST TABLES EXTENDED;");
    assertThat(list.sourceDescriptions()).extracting(Entities.SourceDescription::name)
        .containsExactlyInAnyOrder("USERS", "PER_URL");
    assertThat(list.sourceDescriptions()).allSatisfy(d -> {
      assertThat(d.type()).isEqualTo("TABLE");
      assertThat(d.extended()).isTrue();
    });
    // without EXTENDED the answer stays the short list
    assertThat(one("SHOW TABLES;")).isInstanceOf(Entities.TablesList.class);
  }

  @Test
  void describeStreamsAndTablesDescribeEachSourceOfTheKind() {
    createSources();
    Entities.SourceDescriptionList streams = (Entities.SourceDescriptionList) one("DESCRIBE STREAMS;");
    assertThat(streams.sourceDescriptions()).extracting(Entities.SourceDescription::name)
        .containsExactlyInAnyOrder("CLICKS", "LONG_URLS");
    assertThat(streams.sourceDescriptions()).noneMatch(Entities.SourceDescription::extended);
    assertThat(streams.sourceDescriptions().stream().filter(d -> d.name().equals("LONG_URLS")).findFirst()
        .orElseThrow()).isEqualTo(((Entities.SourceDescriptionEntity) one("DESCRIBE long_urls;")).sourceDescription());

    Entities.SourceDescriptionList tables = (Entities.SourceDescriptionList) one("DESCRIBE TABLES EXTENDED;");
    assertThat(tables.sourceDescriptions()).extracting(Entities.SourceDescription::name)
        .containsExactlyInAnyOrder("USERS", "PER_URL");
    assertThat(tables.sourceDescriptions()).allMatch(Entities.SourceDescription::extended);
    assertThat(json(tables).path("@type").asText()).isEqualTo("source_descriptions");
  }

  @Test
  void describeStreamsWithoutAnyIsAnEmptyList() {
    Entities.SourceDescriptionList list = (Entities.SourceDescriptionList) one("DESCRIBE STREAMS EXTENDED;");
    assertThat(list.sourceDescriptions()).isEmpty();
    assertThat(json(list).path("sourceDescriptions").isArray()).isTrue();
  }

  @Test
  void showQueriesExtendedDescribesEachQueryAsExplainDoes() {
    createSources();
    KsqlEntity entity = one("SHOW QUERIES EXTENDED;");
    Entities.QueryDescriptionList list = (Entities.QueryDescriptionList) entity;
    assertThat(list.queryDescriptions()).extracting(Entities.QueryDescription::id)
        .containsExactly("CSAS_LONG_URLS_2", "CTAS_PER_URL_3");
    Entities.QueryDescription explained = ((Entities.QueryDescriptionEntity) one("EXPLAIN CTAS_PER_URL_3;"))
        .queryDescription();
    assertThat(list.queryDescriptions().get(1)).isEqualTo(explained);
    assertThat(explained.queryType()).isEqualTo("PERSISTENT");
    assertThat(explained.state()).isEqualTo("RUNNING");
    assertThat(explained.sources()).containsExactly("CLICKS");
    assertThat(explained.sinks()).containsExactly("PER_URL");
    assertThat(explained.topology()).contains("Sub-topology");

    JsonNode wire = json(entity);
    assertThat(wire.path("@type").asText()).isEqualTo("query_descriptions");
    assertThat(wire.path("queryDescriptions").get(0).path("statementText").asText())
        .isEqualTo("CREATE STREAM long_urls AS SELECT id, url FROM clicks WHERE LEN(url) > 10;");
    assertThat(wire.path("queryDescriptions").get(0).path("queryType").asText()).isEqualTo("PERSISTENT");
    assertThat(one("SHOW QUERIES;")).isInstanceOf(Entities.QueriesList.class);
  }

  @Test
  void explainOfASelectIsAPushQuery() {
    createSources();
    Entities.QueryDescription select = ((Entities.QueryDescriptionEntity)
        one("EXPLAIN SELECT * FROM clicks EMIT CHANGES;")).queryDescription();
    assertThat(select.queryType()).isEqualTo("PUSH");
  }

  @Test
  void showTopicsExtendedCountsConsumersAndGroups() {
    createSources();
    topics.ensure("_internal", 1, (short) 1, Map.of());
    topics.consumers.put("clicks", new TopicAdmin.TopicConsumers(4, 2));
    KsqlEntity entity = one("SHOW TOPICS EXTENDED;");
    Entities.KafkaTopicsListExtended list = (Entities.KafkaTopicsListExtended) entity;
    assertThat(list.topics()).containsExactly(
        new Entities.KafkaTopicInfoExtended("LONG_URLS", List.of(1, 1), 0, 0),
        new Entities.KafkaTopicInfoExtended("PER_URL", List.of(1, 1), 0, 0),
        new Entities.KafkaTopicInfoExtended("clicks", List.of(3, 3), 4, 2),
        new Entities.KafkaTopicInfoExtended("users", List.of(1), 0, 0));

    JsonNode topic = json(entity).path("topics").get(2);
    assertThat(json(entity).path("@type").asText()).isEqualTo("kafka_topics_extended");
    assertThat(topic.toString())
        .isEqualTo("{\"name\":\"clicks\",\"replicaInfo\":[3,3],\"consumerCount\":4,\"consumerGroupCount\":2}");

    Entities.KafkaTopicsListExtended all = (Entities.KafkaTopicsListExtended) one("SHOW ALL TOPICS EXTENDED;");
    assertThat(all.topics()).extracting(Entities.KafkaTopicInfoExtended::name).contains("_internal");
  }

  @Test
  void showTopicsReportsEachPartitionsReplicas() {
    createSources();
    Entities.KafkaTopicsList list = (Entities.KafkaTopicsList) one("SHOW TOPICS;");
    assertThat(list.topics()).contains(new Entities.KafkaTopic("clicks", List.of(3, 3)));
  }

  @Test
  void showVariablesListsTheSessionVariablesAndTheRequestsDefines() {
    Map<String, String> session = new LinkedHashMap<>();
    session.put("topic", "clicks");
    session.put("Format", "JSON");
    List<KsqlEntity> entities = executor.execute("SHOW VARIABLES; DEFINE replicas = '3'; UNDEFINE format;"
        + " DEFINE topic = 'views'; SHOW VARIABLES;", Map.of(), session);
    assertThat(entities).hasSize(2);
    assertThat(((Entities.VariablesList) entities.get(0)).variables()).containsExactly(
        new Entities.Variable("topic", "clicks"), new Entities.Variable("Format", "JSON"));
    assertThat(((Entities.VariablesList) entities.get(1)).variables()).containsExactly(
        new Entities.Variable("replicas", "3"), new Entities.Variable("topic", "views"));
    assertThat(json(entities.get(0)).toString()).isEqualTo("{\"@type\":\"variables\",\"statementText\":"
        + "\"SHOW VARIABLES;\",\"variables\":[{\"name\":\"topic\",\"value\":\"clicks\"},"
        + "{\"name\":\"Format\",\"value\":\"JSON\"}],\"warnings\":[]}");
  }

  @Test
  void definedVariablesAreSubstitutedInTheStatementsAfter() {
    topics.ensure("clicks", 1, (short) 1, Map.of());
    assertThat(run("DEFINE src = 'clicks'; CREATE STREAM s (v INT) WITH (KAFKA_TOPIC='${src}', VALUE_FORMAT='JSON');"))
        .hasSize(1);
    assertThat(ctx.metaStore().source("S").orElseThrow().topic()).isEqualTo("clicks");
  }

  @Test
  void undefiningAnUnknownVariableWarns() {
    List<KsqlEntity> entities = run("UNDEFINE nothing;");
    assertThat(entities).containsExactly(new Entities.WarningEntity("UNDEFINE nothing;",
        "Cannot undefine variable 'nothing' which was never defined", List.of()));
    assertThat(json(entities.get(0)).path("@type").asText()).isEqualTo("warning_entity");
  }

  @Test
  void describeOfAnUnknownSourceStillFails() {
    assertThatThrownBy(() -> run("DESCRIBE nope;"))
        .hasMessageContaining("Could not find STREAM/TABLE 'NOPE' in the Metastore");
  }

  /** Starts nothing: the statements here only need the queries to exist. */
  private static final class Launcher implements QueryLauncher {
    @Override
    public Running launch(String queryId, String applicationId, Topology topology, boolean paused) {
      return new Running() {
        @Override
        public QueryState state() {
          return QueryState.RUNNING;
        }

        @Override
        public void pause() {}

        @Override
        public void resume() {}

        @Override
        public void stop(boolean cleanUp) {}
      };
    }
  }
}
