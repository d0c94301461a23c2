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
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/** Aggregate steps on TopologyTestDriver: repartitioning, table undo, window close. */
class AggregationTopologyTest {
  private static final DataSource ORDERS = new DataSource("ORDERS", SourceKind.STREAM,
      LogicalSchema.builder().key("ID", SqlType.STRING).value("REGION", SqlType.STRING)
          .value("AMOUNT", SqlType.INTEGER).build(), "orders", "KAFKA", "JSON", Map.of(), "", false);
  private static final DataSource USERS = new DataSource("USERS", SourceKind.TABLE,
      LogicalSchema.builder().key("ID", SqlType.STRING).value("REGION", SqlType.STRING)
          .value("AMOUNT", SqlType.INTEGER).build(), "users", "KAFKA", "JSON", Map.of(), "", false);
  private static final Catalog CATALOG = n -> n.equals("ORDERS") ? Optional.of(ORDERS)
      : n.equals("USERS") ? Optional.of(USERS) : Optional.empty();

  private final InMemoryProcessingLogger log = new InMemoryProcessingLogger();

  private Topology topology(String ctas, Map<String, String> sinkProperties) {
    return topology(ctas, sinkProperties, dev.sluice.engine.serde.InternalFormat.BINARY);
  }

  private Topology topology(String ctas, Map<String, String> sinkProperties,
      dev.sluice.engine.serde.InternalFormat internalFormat) {
    var stmt = (Statement.CreateAsSelect) SqlParser.parse(ctas).get(0).statement();
    var planned = new PhysicalPlanner(CATALOG, FunctionRegistry.builtIn()).plan(stmt.query(), true);
    var sink = new StreamSink("Sink", planned.root(), "SINK", new Formats("KAFKA", "JSON", sinkProperties),
        planned.schema());
    return new TopologyBuilder("CTAS_TEST_1", new FormatSerdes(log),
        new CalcCompiler(FunctionRegistry.builtIn(), getClass().getClassLoader()), log, internalFormat).build(sink);
  }

  /**
   * The repartition topic and the changelog carry binary rows for a new query and JSON for a query recorded
   * before the binary format, whose restored state is JSON; the results are the same.
   */
  @Test
  void internalTopicsUseTheQuerysInternalFormat() {
    String ctas = "CREATE TABLE t AS SELECT region, COUNT(*) AS c FROM orders GROUP BY region;";
    for (var format : dev.sluice.engine.serde.InternalFormat.values()) {
      try (TopologyTestDriver driver = new TopologyTestDriver(topology(ctas, Map.of(), format), props())) {
        var in = driver.createInputTopic("orders", new StringSerializer(), new StringSerializer());
        var out = driver.createOutputTopic("SINK", new StringDeserializer(), new StringDeserializer());
        var repartition = driver.createOutputTopic("test-Aggregate-GroupBy-repartition", new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
        var changelog = driver.createOutputTopic("test-Aggregate-Aggregate-Materialize-changelog",
            new ByteArrayDeserializer(), new ByteArrayDeserializer());
        in.pipeInput("1", "{\"REGION\":\"eu\",\"AMOUNT\":5}");
        assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value)
            .containsExactly("eu={\"C\":1}");
        byte[] shuffled = repartition.readKeyValue().value;
        byte[] state = changelog.readKeyValue().value;
        if (format == dev.sluice.engine.serde.InternalFormat.JSON) {
          assertThat(new String(shuffled, java.nio.charset.StandardCharsets.UTF_8)).startsWith("{").contains("eu");
          assertThat(new String(state, java.nio.charset.StandardCharsets.UTF_8)).startsWith("{");
        } else {
          assertThat(shuffled[0]).as("the binary format's version byte").isEqualTo((byte) 1);
          assertThat(state[0]).isEqualTo((byte) 1);
        }
      }
    }
  }

  private static Properties props() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    return p;
  }

  @Test
  void groupByAValueColumnRepartitionsAndCounts() {
    Topology topology = topology("CREATE TABLE t AS SELECT region, COUNT(*) AS c, SUM(amount) AS total"
        + " FROM orders GROUP BY region;", Map.of());
    String description = topology.describe().toString();
    assertThat(description).contains("Aggregate-GroupBy-repartition", "Aggregate-Aggregate-Materialize")
        .doesNotContain("KSTREAM-");
    try (TopologyTestDriver driver = new TopologyTestDriver(topology, props())) {
      var in = driver.createInputTopic("orders", new StringSerializer(), new StringSerializer());
      var out = driver.createOutputTopic("SINK", new StringDeserializer(), new StringDeserializer());
      in.pipeInput("1", "{\"REGION\":\"eu\",\"AMOUNT\":5}");
      in.pipeInput("2", "{\"REGION\":\"us\",\"AMOUNT\":7}");
      in.pipeInput("3", "{\"REGION\":\"eu\",\"AMOUNT\":null}");
      in.pipeInput("4", "{\"REGION\":null,\"AMOUNT\":1}");
      assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value).containsExactly(
          "eu={\"C\":1,\"TOTAL\":5}", "us={\"C\":1,\"TOTAL\":7}", "eu={\"C\":2,\"TOTAL\":5}");
    }
  }

  @Test
  void groupByTheKeyDoesNotRepartition() {
    Topology topology = topology("CREATE TABLE t AS SELECT id, COUNT(*) AS c FROM orders GROUP BY id;", Map.of());
    assertThat(topology.describe().toString()).doesNotContain("repartition");
  }

  @Test
  void tableAggregationTakesBackTheOldRow() {
    Topology topology = topology("CREATE TABLE t AS SELECT region, SUM(amount) AS total FROM users"
        + " GROUP BY region;", Map.of());
    try (TopologyTestDriver driver = new TopologyTestDriver(topology, props())) {
      var in = driver.createInputTopic("users", new StringSerializer(), new StringSerializer());
      var out = driver.createOutputTopic("SINK", new StringDeserializer(), new StringDeserializer());
      in.pipeInput("u1", "{\"REGION\":\"eu\",\"AMOUNT\":5}");
      in.pipeInput("u2", "{\"REGION\":\"eu\",\"AMOUNT\":3}");
      in.pipeInput("u1", "{\"REGION\":\"us\",\"AMOUNT\":5}");
      in.pipeInput("u2", (String) null);
      assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value).containsExactly(
          "eu={\"TOTAL\":5}", "eu={\"TOTAL\":8}", "eu={\"TOTAL\":3}", "us={\"TOTAL\":5}", "eu={\"TOTAL\":0}");
    }
  }

  @Test
  void emitFinalEmitsEachWindowOnceWhenItCloses() {
    Topology topology = topology("CREATE TABLE t AS SELECT id, COUNT(*) AS c FROM orders"
        + " WINDOW TUMBLING (SIZE 10 MILLISECONDS, GRACE PERIOD 2 MILLISECONDS) GROUP BY id EMIT FINAL;",
        Map.of("WINDOW_TYPE", "TUMBLING", "WINDOW_SIZE", "10"));
    try (TopologyTestDriver driver = new TopologyTestDriver(topology, props())) {
      var in = driver.createInputTopic("orders", new StringSerializer(), new StringSerializer());
      var out = driver.createOutputTopic("SINK", new ByteArrayDeserializer(), new StringDeserializer());
      in.pipeInput("a", "{\"AMOUNT\":1}", Instant.ofEpochMilli(1));
      in.pipeInput("a", "{\"AMOUNT\":1}", Instant.ofEpochMilli(5));
      in.pipeInput("a", "{\"AMOUNT\":1}", Instant.ofEpochMilli(11));
      assertThat(out.readValuesToList()).isEmpty(); // [0,10) closes at 12
      in.pipeInput("a", "{\"AMOUNT\":1}", Instant.ofEpochMilli(9)); // late but within grace
      in.pipeInput("a", "{\"AMOUNT\":1}", Instant.ofEpochMilli(12));
      assertThat(out.readValuesToList()).containsExactly("{\"C\":3}");
      in.pipeInput("a", "{\"AMOUNT\":1}", Instant.ofEpochMilli(3)); // too late: dropped
      in.pipeInput("a", "{\"AMOUNT\":1}", Instant.ofEpochMilli(22));
      assertThat(out.readValuesToList()).containsExactly("{\"C\":2}");
    }
  }
}
