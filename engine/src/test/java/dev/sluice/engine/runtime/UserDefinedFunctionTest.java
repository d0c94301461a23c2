package dev.sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.engine.codegen.CalcCompiler;
import dev.sluice.engine.processinglog.InMemoryProcessingLogger;
import dev.sluice.engine.processinglog.ProcessingLogEntry;
import dev.sluice.parser.SqlParser;
import dev.sluice.parser.ast.SourceKind;
import dev.sluice.parser.ast.Statement;
import dev.sluice.planner.catalog.Catalog;
import dev.sluice.planner.catalog.DataSource;
import dev.sluice.planner.function.ExtensionLoader;
import dev.sluice.planner.function.FunctionDocs;
import dev.sluice.planner.function.Udf;
import dev.sluice.planner.plan.Formats;
import dev.sluice.planner.plan.PhysicalPlanner;
import dev.sluice.planner.plan.StreamSink;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.schema.SqlType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A query calling functions from a jar in the extension directory, planned, compiled and run. */
class UserDefinedFunctionTest {
  private static final DataSource PAGEVIEWS = new DataSource("PAGEVIEWS", SourceKind.STREAM,
      LogicalSchema.builder().key("USER_ID", SqlType.STRING).value("PAGE", SqlType.STRING)
          .value("N", SqlType.INTEGER).build(),
      "pageviews", "KAFKA", "JSON", Map.of(), "CREATE STREAM ...", false);
  private static final DataSource USERS = new DataSource("USERS", SourceKind.TABLE,
      LogicalSchema.builder().key("ID", SqlType.STRING).value("REGION", SqlType.STRING)
          .value("SCORE", SqlType.DOUBLE).build(),
      "users", "KAFKA", "JSON", Map.of(), "CREATE TABLE ...", false);
  private static final Catalog CATALOG = n -> n.equals("PAGEVIEWS") ? Optional.of(PAGEVIEWS)
      : n.equals("USERS") ? Optional.of(USERS) : Optional.empty();

  @TempDir Path dir;

  @Test
  void queryCallsStaticAndInstanceFunctionsOfAnExtensionJar() throws Exception {
    jar(dir.resolve("acme.jar"), "acme.udf.Strings", """
        package acme.udf;
        import dev.sluice.planner.function.Udf;
        import dev.sluice.planner.function.UdfParam;
        public class Strings {
          @Udf(name = "REVERSE_IT", description = "Reverses a string.")
          public static String reverse(@UdfParam("s") String s) {
            return s == null ? null : new StringBuilder(s).reverse().toString();
          }
          @Udf(name = "KEEP_IF", description = "The value when the predicate holds, else NULL.")
          public static <T> T keepIf(@UdfParam("v") T v,
              @UdfParam("p") java.util.function.Function<T, Boolean> p) {
            return Boolean.TRUE.equals(p.apply(v)) ? v : null;
          }
          @Udf(name = "TIMES", description = "Multiplies.")
          public Integer times(@UdfParam("a") Integer a, @UdfParam("b") Integer b) {
            return a == null || b == null ? null : a * b;
          }
        }
        """);
    try (var ext = ExtensionLoader.load(dir, getClass().getClassLoader())) {
      // The class is only in the jar: the engine's own class loader cannot see it.
      assertThat(classVisible(getClass().getClassLoader(), "acme.udf.Strings")).isFalse();
      var stmt = (Statement.CreateAsSelect) SqlParser.parse("CREATE STREAM s AS SELECT user_id,"
          + " REVERSE_IT(page) AS r, TIMES(n, 3) AS t, REVERSE_IT('abc') AS c,"
          + " KEEP_IF(page, p => LEN(p) > n) AS k FROM pageviews"
          + " WHERE TIMES(n, 2) > 2 EMIT CHANGES;").get(0).statement();
      var planned = new PhysicalPlanner(CATALOG, ext.registry()).plan(stmt.query(), true);
      var sink = new StreamSink("Sink", planned.root(), "SINK", new Formats("KAFKA", "JSON", Map.of()),
          planned.schema());
      var log = new InMemoryProcessingLogger();
      var topology = new TopologyBuilder("CSAS_TEST_1", new FormatSerdes(log),
          new CalcCompiler(ext.registry(), ext.classLoader()), log).build(sink);
      Properties p = new Properties();
      p.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
      p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
      try (TopologyTestDriver driver = new TopologyTestDriver(topology, p)) {
        var in = driver.createInputTopic("pageviews", new StringSerializer(), new StringSerializer());
        var out = driver.createOutputTopic("SINK", new StringDeserializer(), new StringDeserializer());
        in.pipeInput("u1", "{\"PAGE\":\"/home\",\"N\":2}");
        in.pipeInput("u2", "{\"PAGE\":\"/skip\",\"N\":1}");
        in.pipeInput("u3", "{\"PAGE\":null,\"N\":5}");
        assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value).containsExactly(
            "u1={\"R\":\"emoh/\",\"T\":6,\"C\":\"cba\",\"K\":\"/home\"}",
            "u3={\"R\":null,\"T\":15,\"C\":\"cba\",\"K\":null}");
      }
      assertThat(log.entries()).isEmpty();
    }
  }

  @Test
  void queryCallsATableFunctionOfAnExtensionJar() throws Exception {
    jar(dir.resolve("words.jar"), "acme.udtf.Words", """
        package acme.udtf;
        import dev.sluice.planner.function.Udf;
        import dev.sluice.planner.function.UdfParam;
        import java.util.List;
        public class Words {
          @Udf(name = "WORDS", table = true, description = "The words of a text, one row each.")
          public static List<String> words(@UdfParam("text") String text) {
            return text == null || text.isBlank() ? null : List.of(text.trim().split("\\s+"));
          }
        }
        """);
    try (var ext = ExtensionLoader.load(dir, getClass().getClassLoader())) {
      assertThat(ext.registry().isTableFunction("WORDS")).isTrue();
      var stmt = (Statement.CreateAsSelect) SqlParser.parse("CREATE STREAM s AS SELECT user_id, WORDS(page) AS w,"
          + " n FROM pageviews EMIT CHANGES;").get(0).statement();
      var planned = new PhysicalPlanner(CATALOG, ext.registry()).plan(stmt.query(), true);
      var sink = new StreamSink("Sink", planned.root(), "SINK", new Formats("KAFKA", "JSON", Map.of()),
          planned.schema());
      var log = new InMemoryProcessingLogger();
      var topology = new TopologyBuilder("CSAS_TEST_2", new FormatSerdes(log),
          new CalcCompiler(ext.registry(), ext.classLoader()), log).build(sink);
      Properties p = new Properties();
      p.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
      p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
      try (TopologyTestDriver driver = new TopologyTestDriver(topology, p)) {
        var in = driver.createInputTopic("pageviews", new StringSerializer(), new StringSerializer());
        var out = driver.createOutputTopic("SINK", new StringDeserializer(), new StringDeserializer());
        in.pipeInput("u1", "{\"PAGE\":\"stream  table join\",\"N\":1}");
        in.pipeInput("u2", "{\"PAGE\":\" \",\"N\":2}");
        assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value).containsExactly(
            "u1={\"W\":\"stream\",\"N\":1}", "u1={\"W\":\"table\",\"N\":1}", "u1={\"W\":\"join\",\"N\":1}");
      }
      assertThat(log.entries()).isEmpty();
    }
  }

  /** ksqlDB's TopologyTestDriver settings for aggregations: no cache, so every update is emitted. */
  private static Properties props() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    return p;
  }

  /** The topology of {@code sql}, a CREATE ... AS SELECT, planned and built with {@code ext}'s functions. */
  private static Topology topology(ExtensionLoader.Extensions ext, String sql, Map<String, String> sinkProperties,
      InMemoryProcessingLogger log) {
    var stmt = (Statement.CreateAsSelect) SqlParser.parse(sql).get(0).statement();
    var planned = new PhysicalPlanner(CATALOG, ext.registry()).plan(stmt.query(), true);
    var sink = new StreamSink("Sink", planned.root(), "SINK", new Formats("KAFKA", "JSON", sinkProperties),
        planned.schema());
    return new TopologyBuilder("CTAS_TEST_3", new FormatSerdes(log), new CalcCompiler(ext.registry(),
        ext.classLoader()), log).build(sink);
  }

  /** The project in examples/udf-sample, as a user builds it and drops it into the extension directory. */
  @Test
  void sampleProjectBuildsIntoAJarWhoseFunctionsRunInPersistentQueries() throws Exception {
    Path sources = Path.of("..", "examples", "udf-sample", "src", "main", "java");
    assertThat(sources).isDirectory();
    jar(dir.resolve("udf-sample-1.0.0.jar"), sources);
    try (var ext = ExtensionLoader.load(dir, getClass().getClassLoader())) {
      var functions = FunctionDocs.functions(ext.registry());
      assertThat(functions.get("GEOMETRIC_MEAN")).extracting(FunctionDocs.Function::type,
          FunctionDocs.Function::category, FunctionDocs.Function::author).containsExactly("AGGREGATE", "EXAMPLE",
          "Example Corp");
      assertThat(functions.get("GEOMETRIC_MEAN").overloads()).extracting(o -> o.signature("GEOMETRIC_MEAN") + " → "
          + o.returnType()).containsExactly("GEOMETRIC_MEAN(col1 DOUBLE) → DOUBLE");
      assertThat(functions.get("LONGEST").type()).isEqualTo("AGGREGATE");
      assertThat(functions.get("REVERSE").type()).isEqualTo("SCALAR");
      assertThat(ext.registry().path("LONGEST")).endsWith("udf-sample-1.0.0.jar");

      var log = new InMemoryProcessingLogger();
      // A scalar UDF in a persistent stream query.
      try (TopologyTestDriver driver = new TopologyTestDriver(topology(ext, "CREATE STREAM s AS SELECT user_id,"
          + " REVERSE(page) AS r, MULTIPLY(n, 10) AS m FROM pageviews EMIT CHANGES;", Map.of(), log), props())) {
        var in = driver.createInputTopic("pageviews", new StringSerializer(), new StringSerializer());
        var out = driver.createOutputTopic("SINK", new StringDeserializer(), new StringDeserializer());
        in.pipeInput("u1", "{\"PAGE\":\"/home\",\"N\":2}");
        assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value)
            .containsExactly("u1={\"R\":\"emoh/\",\"M\":20}");
      }
      // Both UDAFs in a persistent aggregation of a stream; the INT column widens to GEOMETRIC_MEAN's DOUBLE.
      try (TopologyTestDriver driver = new TopologyTestDriver(topology(ext, "CREATE TABLE t AS SELECT user_id,"
          + " GEOMETRIC_MEAN(n) AS g, LONGEST(page) AS l FROM pageviews GROUP BY user_id;", Map.of(), log),
          props())) {
        var in = driver.createInputTopic("pageviews", new StringSerializer(), new StringSerializer());
        var out = driver.createOutputTopic("SINK", new StringDeserializer(), new StringDeserializer());
        in.pipeInput("u1", "{\"PAGE\":\"/a\",\"N\":2}");
        in.pipeInput("u1", "{\"PAGE\":\"/bbb\",\"N\":8}");
        in.pipeInput("u1", "{\"PAGE\":\"/ccc\",\"N\":null}");
        in.pipeInput("u2", "{\"PAGE\":null,\"N\":0}");
        assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value).containsExactly(
            "u1={\"G\":2.0,\"L\":\"/a\"}", "u1={\"G\":4.0,\"L\":\"/bbb\"}",
            "u1={\"G\":4.0,\"L\":\"/bbb\"}", "u2={\"G\":null,\"L\":null}");
        // The aggregate lives in the changelog, in the store's format, ready to be restored after a restart.
        var changelog = driver.createOutputTopic("test-Aggregate-Aggregate-Materialize-changelog",
            new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        var context = dev.sluice.engine.processinglog.ProcessingLogContext.discarding("test");
        var keys = dev.sluice.engine.serde.SerdeFactory.internalSerde(List.of(new Column("USER_ID", SqlType.STRING,
            Column.Namespace.KEY)), true, context).deserializer();
        var states = dev.sluice.engine.serde.SerdeFactory.internalSerde(List.of(
            new Column("S0_0", new SqlType.Struct(List.of(new SqlType.Field("LOG_SUM", SqlType.DOUBLE),
                new SqlType.Field("COUNT", SqlType.BIGINT))), Column.Namespace.VALUE),
            new Column("S1_0", SqlType.STRING, Column.Namespace.VALUE)), false, context).deserializer();
        assertThat(changelog.readKeyValuesToList()).extracting(kv -> {
          Object[] state = states.deserialize("changelog", kv.value);
          return keys.deserialize("changelog", kv.key)[0] + "=" + java.util.Arrays.toString((Object[]) state[0])
              + "," + state[1];
        }).contains("u1=[" + (Math.log(2) + Math.log(8)) + ", 2],/bbb");
      }
      assertThat(log.entries()).isEmpty();
    }
  }

  /** A table's changed and deleted rows are taken back out of the aggregate with the UDAF's undo. */
  @Test
  void udafWithUndoAggregatesATableAndOneWithoutIsRefused() throws Exception {
    jar(dir.resolve("udf-sample-1.0.0.jar"), Path.of("..", "examples", "udf-sample", "src", "main", "java"));
    try (var ext = ExtensionLoader.load(dir, getClass().getClassLoader())) {
      var log = new InMemoryProcessingLogger();
      try (TopologyTestDriver driver = new TopologyTestDriver(topology(ext, "CREATE TABLE t AS SELECT region,"
          + " GEOMETRIC_MEAN(score) AS g FROM users GROUP BY region;", Map.of(), log), props())) {
        var in = driver.createInputTopic("users", new StringSerializer(), new StringSerializer());
        var out = driver.createOutputTopic("SINK", new StringDeserializer(), new StringDeserializer());
        in.pipeInput("a", "{\"REGION\":\"eu\",\"SCORE\":1.0}");
        in.pipeInput("b", "{\"REGION\":\"eu\",\"SCORE\":100.0}");
        in.pipeInput("a", "{\"REGION\":\"us\",\"SCORE\":1.0}"); // a moves: undone in eu, added in us
        in.pipeInput("b", (String) null); // b deleted: undone in eu
        assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value).containsExactly(
            "eu={\"G\":1.0}", "eu={\"G\":10.000000000000002}", "eu={\"G\":100.00000000000004}",
            "us={\"G\":1.0}", "eu={\"G\":null}");
      }
      assertThat(log.entries()).isEmpty();
      assertThatThrownBy(() -> topology(ext, "CREATE TABLE t AS SELECT region, LONGEST(region) AS l,"
          + " GEOMETRIC_MEAN(score) AS g FROM users GROUP BY region;", Map.of(), log))
          .hasMessage("line 1:19: The aggregation functions LONGEST cannot be applied to a table source, only to a"
              + " stream source.");
    }
  }

  private static final String STATS = """
      package acme.udaf;
      import dev.sluice.planner.function.Aggregator;
      import dev.sluice.planner.function.TableAggregator;
      import dev.sluice.planner.function.Udaf;
      import dev.sluice.planner.function.UdfParam;
      import java.util.ArrayList;
      import java.util.List;
      public class Stats {
        @Udaf(name = "CAPPED_SUM", description = "The sum, at most cap; fails on negative values.")
        public static TableAggregator<Long, Long, Long> cappedSum(@UdfParam("cap") Long cap) {
          return new TableAggregator<>() {
            public Long initialize() { return 0L; }
            public Long aggregate(Long v, Long a) {
              if (v != null && v < 0) { throw new IllegalArgumentException("negative: " + v); }
              return v == null ? a : a + v;
            }
            public Long undo(Long v, Long a) { return v == null ? a : a - v; }
            public Long merge(Long a, Long b) { return a + b; }
            public Long map(Long a) { return Math.min(a, cap); }
          };
        }
        @Udaf(name = "CAPPED_SUM", description = "The sum of doubles, at most cap.")
        public static Aggregator<Double, Double, Double> cappedSum(@UdfParam("cap") Double cap) {
          return new Aggregator<>() {
            public Double initialize() { return 0.0; }
            public Double aggregate(Double v, Double a) { return v == null ? a : a + v; }
            public Double merge(Double a, Double b) { return a + b; }
            public Double map(Double a) { return Math.min(a, cap); }
          };
        }
        @Udaf(name = "WEIGHTED_AVG", description = "The weighted average.", columns = {"value DOUBLE",
            "weight BIGINT"}, aggregateType = "STRUCT<SUM DOUBLE, WEIGHTS BIGINT>")
        public static TableAggregator<Object[], Object[], Double> weightedAvg() {
          return new TableAggregator<>() {
            public Object[] initialize() { return new Object[] {0.0, 0L}; }
            public Object[] aggregate(Object[] v, Object[] a) { return add(v, a, 1); }
            public Object[] undo(Object[] v, Object[] a) { return add(v, a, -1); }
            private Object[] add(Object[] v, Object[] a, int sign) {
              if (v[0] == null || v[1] == null) { return a; }
              long w = sign * (Long) v[1];
              return new Object[] {(Double) a[0] + w * (Double) v[0], (Long) a[1] + w};
            }
            public Object[] merge(Object[] a, Object[] b) {
              return new Object[] {(Double) a[0] + (Double) b[0], (Long) a[1] + (Long) b[1]};
            }
            public Double map(Object[] a) { return (Long) a[1] == 0 ? null : (Double) a[0] / (Long) a[1]; }
          };
        }
        @Udaf(name = "FIRST_N", description = "The first n values, in order of arrival.")
        public static <T> Aggregator<T, List<T>, List<T>> firstN(@UdfParam("n") Integer n) {
          return new Aggregator<>() {
            public List<T> initialize() { return new ArrayList<>(); }
            public List<T> aggregate(T v, List<T> a) { if (a.size() < n) { a.add(v); } return a; }
            public List<T> merge(List<T> a, List<T> b) {
              List<T> all = new ArrayList<>(a);
              for (T v : b) { if (all.size() < n) { all.add(v); } }
              return all;
            }
            public List<T> map(List<T> a) { return a; }
          };
        }
      }
      """;

  @Test
  void udafTakesLiteralsResolvesOverloadsByTypeAndSkipsAFailingRecord() throws Exception {
    jar(dir.resolve("stats.jar"), "acme.udaf.Stats", STATS);
    try (var ext = ExtensionLoader.load(dir, getClass().getClassLoader())) {
      var describe = FunctionDocs.functions(ext.registry()).get("CAPPED_SUM").overloads();
      assertThat(describe).extracting(o -> o.signature("CAPPED_SUM") + " → " + o.returnType()).containsExactly(
          "CAPPED_SUM(col1 BIGINT, cap BIGINT) → BIGINT", "CAPPED_SUM(col1 DOUBLE, cap DOUBLE) → DOUBLE");
      var log = new InMemoryProcessingLogger();
      // N is an INT: CAPPED_SUM(BIGINT) is one widening away, CAPPED_SUM(DOUBLE) three.
      try (TopologyTestDriver driver = new TopologyTestDriver(topology(ext, "CREATE TABLE t AS SELECT user_id,"
          + " CAPPED_SUM(n, 10) AS s, FIRST_N(page, 2) AS f FROM pageviews GROUP BY user_id;", Map.of(), log),
          props())) {
        var in = driver.createInputTopic("pageviews", new StringSerializer(), new StringSerializer());
        var out = driver.createOutputTopic("SINK", new StringDeserializer(), new StringDeserializer());
        in.pipeInput("u1", "{\"PAGE\":\"/a\",\"N\":4}");
        in.pipeInput("u1", "{\"PAGE\":\"/b\",\"N\":-1}"); // CAPPED_SUM fails: its aggregate is kept
        in.pipeInput("u1", "{\"PAGE\":\"/c\",\"N\":9}");
        assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value).containsExactly(
            "u1={\"S\":4,\"F\":[\"/a\"]}", "u1={\"S\":4,\"F\":[\"/a\",\"/b\"]}",
            "u1={\"S\":10,\"F\":[\"/a\",\"/b\"]}");
      }
      assertThat(log.entries()).singleElement().satisfies(e -> {
        assertThat(e.type()).isEqualTo(ProcessingLogEntry.Type.RECORD_PROCESSING_ERROR);
        assertThat(e.errorMessage()).isEqualTo("Error in user-defined aggregate function CAPPED_SUM (aggregate),"
            + " record skipped: java.lang.IllegalArgumentException: negative: -1");
      });
      assertThatThrownBy(() -> topology(ext, "CREATE TABLE t AS SELECT user_id, CAPPED_SUM(page, 10) AS s"
          + " FROM pageviews GROUP BY user_id;", Map.of(), log))
          .hasMessage("line 1:35: Function 'CAPPED_SUM' does not accept parameters (STRING, INTEGER).");
      assertThatThrownBy(() -> topology(ext, "CREATE TABLE t AS SELECT user_id, FIRST_N(page, n) AS s"
          + " FROM pageviews GROUP BY user_id;", Map.of(), log))
          .hasMessageEndingWith("Parameter 2 passed to function FIRST_N must be a literal constant, but was"
              + " expression: 'N'");
    }
  }

  /** A UDAF of two columns (expressions of the row) over a table: rows that change are undone. */
  @Test
  void udafOfSeveralColumnsGetsTheirValuesTogether() throws Exception {
    jar(dir.resolve("stats.jar"), "acme.udaf.Stats", STATS);
    try (var ext = ExtensionLoader.load(dir, getClass().getClassLoader())) {
      var log = new InMemoryProcessingLogger();
      try (TopologyTestDriver driver = new TopologyTestDriver(topology(ext, "CREATE TABLE t AS SELECT region,"
          + " WEIGHTED_AVG(score, LEN(id)) AS w FROM users GROUP BY region;", Map.of(), log), props())) {
        var in = driver.createInputTopic("users", new StringSerializer(), new StringSerializer());
        var out = driver.createOutputTopic("SINK", new StringDeserializer(), new StringDeserializer());
        in.pipeInput("a", "{\"REGION\":\"eu\",\"SCORE\":1.0}"); // weight 1
        in.pipeInput("bbb", "{\"REGION\":\"eu\",\"SCORE\":5.0}"); // weight 3
        in.pipeInput("bbb", "{\"REGION\":\"eu\",\"SCORE\":9.0}"); // 5.0 undone, 9.0 added
        assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value).containsExactly(
            "eu={\"W\":1.0}", "eu={\"W\":4.0}", "eu={\"W\":7.0}");
      }
      assertThat(log.entries()).isEmpty();
    }
  }

  /** Session windows that a late record bridges are merged with the UDAF's merge. */
  @Test
  void udafMergesSessionWindowsAndAggregatesTumblingOnes() throws Exception {
    jar(dir.resolve("stats.jar"), "acme.udaf.Stats", STATS);
    try (var ext = ExtensionLoader.load(dir, getClass().getClassLoader())) {
      var log = new InMemoryProcessingLogger();
      try (TopologyTestDriver driver = new TopologyTestDriver(topology(ext, "CREATE TABLE t AS SELECT user_id,"
          + " FIRST_N(page, 5) AS f, CAPPED_SUM(n, 100) AS s FROM pageviews WINDOW SESSION (10 MILLISECONDS)"
          + " GROUP BY user_id;", Map.of("WINDOW_TYPE", "SESSION"), log), props())) {
        var in = driver.createInputTopic("pageviews", new StringSerializer(), new StringSerializer());
        var out = driver.createOutputTopic("SINK", new ByteArrayDeserializer(), new StringDeserializer());
        in.pipeInput("u1", "{\"PAGE\":\"/a\",\"N\":1}", Instant.ofEpochMilli(0));
        in.pipeInput("u1", "{\"PAGE\":\"/c\",\"N\":3}", Instant.ofEpochMilli(20));
        in.pipeInput("u1", "{\"PAGE\":\"/b\",\"N\":2}", Instant.ofEpochMilli(10)); // bridges both sessions
        assertThat(out.readValuesToList()).containsExactly("{\"F\":[\"/a\"],\"S\":1}",
            "{\"F\":[\"/c\"],\"S\":3}", null, null, "{\"F\":[\"/a\",\"/c\",\"/b\"],\"S\":6}");
      }
      try (TopologyTestDriver driver = new TopologyTestDriver(topology(ext, "CREATE TABLE t AS SELECT user_id,"
          + " FIRST_N(n, 2) AS f FROM pageviews WINDOW TUMBLING (SIZE 10 MILLISECONDS) GROUP BY user_id;",
          Map.of("WINDOW_TYPE", "TUMBLING", "WINDOW_SIZE", "10"), log), props())) {
        var in = driver.createInputTopic("pageviews", new StringSerializer(), new StringSerializer());
        var out = driver.createOutputTopic("SINK", new ByteArrayDeserializer(), new StringDeserializer());
        in.pipeInput("u1", "{\"N\":1}", Instant.ofEpochMilli(1));
        in.pipeInput("u1", "{\"N\":2}", Instant.ofEpochMilli(5));
        in.pipeInput("u1", "{\"N\":3}", Instant.ofEpochMilli(7));
        in.pipeInput("u1", "{\"N\":4}", Instant.ofEpochMilli(12));
        assertThat(out.readValuesToList()).containsExactly("{\"F\":[1]}", "{\"F\":[1,2]}", "{\"F\":[1,2]}",
            "{\"F\":[4]}");
      }
      assertThat(log.entries()).isEmpty();
    }
  }

  private static boolean classVisible(ClassLoader loader, String name) {
    try {
      Class.forName(name, false, loader);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** Compiles {@code className} from {@code source} against the planner's classes into {@code jar}. */
  static Path jar(Path jar, String className, String source) throws IOException {
    Path work = Files.createTempDirectory("udf-src");
    Path file = work.resolve(className.replace('.', '/') + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    return jar(jar, work);
  }

  /** Compiles every {@code .java} file under {@code sources} against the planner's classes into {@code jar}. */
  static Path jar(Path jar, Path sources) throws IOException {
    List<String> args = new ArrayList<>();
    Path classes = Files.createTempDirectory("udf-classes");
    String cp = Path.of(Udf.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
    args.addAll(List.of("-d", classes.toString(), "-cp", cp));
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
    }
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(new String[0]));
    assertThat(rc).as("javac").isZero();
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
    }
    return jar;
  }
}
