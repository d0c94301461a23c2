package dev.sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.codegen.CalcCompiler;
import dev.sluice.engine.processinglog.InMemoryProcessingLogger;
import dev.sluice.parser.SqlParser;
import dev.sluice.parser.ast.SourceKind;
import dev.sluice.parser.ast.Statement;
import dev.sluice.planner.catalog.Catalog;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.function.FunctionRegistry;
import dev.sluice.planner.plan.Formats;
import dev.sluice.planner.plan.PhysicalPlanner;
import dev.sluice.planner.plan.StreamSink;
import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.schema.SqlType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/** The walking-skeleton query, planned and run without a broker. */
class TopologyBuilderTest {
  private static final DataSource PAGEVIEWS = new DataSource("PAGEVIEWS", SourceKind.STREAM,
      LogicalSchema.builder().key("USER_ID", SqlType.STRING).value("PAGE", SqlType.STRING)
          .value("DURATION_MS", SqlType.BIGINT).build(),
      "pageviews", "KAFKA", "JSON", Map.of(), "CREATE STREAM ...", false);
  private static final Catalog CATALOG = n -> n.equals("PAGEVIEWS") ? Optional.of(PAGEVIEWS) : Optional.empty();

  private final InMemoryProcessingLogger log = new InMemoryProcessingLogger();

  private Topology topology(String csas) {
    var stmt = (Statement.CreateAsSelect) SqlParser.parse(csas).get(0).statement();
    var planned = new PhysicalPlanner(CATALOG, FunctionRegistry.builtIn()).plan(stmt.query(), true);
    var sink = new StreamSink("Sink", planned.root(), "SINK", new Formats("KAFKA", "JSON", Map.of()),
        planned.schema());
    return new TopologyBuilder("CSAS_TEST_1", new FormatSerdes(log),
        new CalcCompiler(FunctionRegistry.builtIn(), getClass().getClassLoader()), log).build(sink);
  }

  private static Properties props() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    return p;
  }

  @Test
  void filtersProjectsAndKeepsDecimalScale() {
    Topology topology = topology("CREATE STREAM slow_views AS SELECT user_id, UCASE(page) AS page,"
        + " duration_ms / 1000.0 AS secs FROM pageviews WHERE duration_ms > 100 EMIT CHANGES;");
    try (TopologyTestDriver driver = new TopologyTestDriver(topology, props())) {
      var in = driver.createInputTopic("pageviews", new StringSerializer(), new StringSerializer());
      var out = driver.createOutputTopic("SINK", new StringDeserializer(), new StringDeserializer());
      in.pipeInput("u1", "{\"PAGE\":\"/home\",\"DURATION_MS\":120}");
      in.pipeInput("u2", "{\"PAGE\":\"/fast\",\"DURATION_MS\":50}");
      in.pipeInput("u3", "not json");
      in.pipeInput("u4", "{\"page\":\"/slow\",\"duration_ms\":2500}");

      var records = out.readKeyValuesToList();
      assertThat(records).extracting(kv -> kv.key + "=" + kv.value).containsExactly(
          "u1={\"PAGE\":\"/HOME\",\"SECS\":0.120000}",
          "u4={\"PAGE\":\"/SLOW\",\"SECS\":2.500000}");
      assertThat(log.entries()).hasSize(1);
      assertThat(log.entries().get(0).type().name()).isEqualTo("DESERIALIZATION_ERROR");
    }
  }

  @Test
  void expressionErrorNullsItsColumnGoesToTheProcessingLogAndTheQueryContinues() {
    Topology topology = topology("CREATE STREAM s AS SELECT user_id, 10 / (duration_ms - 5) AS q FROM pageviews;");
    try (TopologyTestDriver driver = new TopologyTestDriver(topology, props())) {
      var in = driver.createInputTopic("pageviews", new StringSerializer(), new StringSerializer());
      var out = driver.createOutputTopic("SINK", new StringDeserializer(), new StringDeserializer());
      in.pipeInput("a", "{\"PAGE\":\"/x\",\"DURATION_MS\":5}");
      in.pipeInput("b", "{\"PAGE\":\"/x\",\"DURATION_MS\":7}");
      assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value)
          .containsExactly("a={\"Q\":null}", "b={\"Q\":5}");
      assertThat(log.entries()).extracting(e -> e.type().name()).containsExactly("RECORD_PROCESSING_ERROR");
    }
  }

  @Test
  void topologyNamesEveryProcessor() {
    String description = topology("CREATE STREAM s AS SELECT * FROM pageviews;").describe().toString();
    assertThat(description).contains("Source (topics: [pageviews])", "Project", "Sink.Split", "Sink (topic: SINK)")
        .doesNotContain("KSTREAM-");
    assertThat(new String(description.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isNotEmpty();
  }

  @Test
  void partitionByRekeysThroughARepartitionTopic() {
    Topology topology = topology("CREATE STREAM by_page AS SELECT * FROM pageviews WHERE duration_ms > 10"
        + " PARTITION BY page;");
    assertThat(topology.describe().toString()).contains("PartitionBy-repartition");
    try (TopologyTestDriver driver = new TopologyTestDriver(topology, props())) {
      var in = driver.createInputTopic("pageviews", new StringSerializer(), new StringSerializer());
      var out = driver.createOutputTopic("SINK", new StringDeserializer(), new StringDeserializer());
      in.pipeInput("u1", "{\"PAGE\":\"/home\",\"DURATION_MS\":120}");
      in.pipeInput("u2", "{\"PAGE\":\"/cart\",\"DURATION_MS\":5}");
      in.pipeInput("u3", "{\"PAGE\":null,\"DURATION_MS\":50}");
      assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value).containsExactly(
          "/home={\"DURATION_MS\":120,\"USER_ID\":\"u1\"}",
          "null={\"DURATION_MS\":50,\"USER_ID\":\"u3\"}");
    }
  }

  @Test
  void eventTimeComesFromTheTimestampColumnAndNullTimestampsAreSkipped() {
    DataSource events = new DataSource("EVENTS", SourceKind.STREAM,
        LogicalSchema.builder().key("K", SqlType.STRING).value("TS", SqlType.STRING).value("V", SqlType.INTEGER)
            .build(), "events", "KAFKA", "JSON", Map.of(), "", false,
        Optional.of(new dev.sluice.planner.catalog.TimestampColumn("TS", Optional.of("yy-MM-dd HH:mm:ssX"))));
    var stmt = (Statement.CreateAsSelect) SqlParser.parse("CREATE STREAM s AS SELECT K, V, ROWTIME AS RT FROM events;")
        .get(0).statement();
    var planned = new PhysicalPlanner(n -> Optional.of(events), FunctionRegistry.builtIn()).plan(stmt.query(), true);
    var sink = new StreamSink("Sink", planned.root(), "SINK", new Formats("KAFKA", "JSON", Map.of()), planned.schema());
    Topology topology = new TopologyBuilder("CSAS_TS_1", new FormatSerdes(log),
        new CalcCompiler(FunctionRegistry.builtIn(), getClass().getClassLoader()), log).build(sink);
    try (TopologyTestDriver driver = new TopologyTestDriver(topology, props())) {
      var in = driver.createInputTopic("events", new StringSerializer(), new StringSerializer());
      var out = driver.createOutputTopic("SINK", new StringDeserializer(), new StringDeserializer());
      in.pipeInput("a", "{\"TS\":\"10-04-19 12:00:17Z\",\"V\":1}", 5L);
      in.pipeInput("b", "{\"TS\":null,\"V\":2}", 6L);
      var records = out.readRecordsToList();
      assertThat(records).hasSize(1);
      assertThat(records.get(0).timestamp()).isEqualTo(1271678417000L);
      assertThat(records.get(0).value()).isEqualTo("{\"V\":1,\"RT\":1271678417000}");
    }
  }
}
