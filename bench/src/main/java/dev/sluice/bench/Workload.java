package dev.sluice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.codegen.CalcCompiler;
import dev.sluice.engine.processinglog.InMemoryProcessingLogger;
import dev.sluice.engine.runtime.FormatSerdes;
import dev.sluice.engine.runtime.TopologyBuilder;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SplittableRandom;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The walking-skeleton workload shared by the benchmarks: the query, its input data, and the two
 * topologies that run it (Sluice's, built exactly as the engine builds it, and a hand-written one).
 */
final class Workload {
  static final String QUERY = "CREATE STREAM slow_views AS SELECT user_id, UCASE(page) AS page,"
      + " duration_ms / 1000.0 AS secs FROM pageviews WHERE duration_ms > 100 EMIT CHANGES;";
  static final String INPUT_TOPIC = "pageviews";
  static final String OUTPUT_TOPIC = "SLOW_VIEWS";
  static final int RECORDS = 100_000;

  static final DataSource PAGEVIEWS = new DataSource("PAGEVIEWS", SourceKind.STREAM,
      LogicalSchema.builder().key("USER_ID", SqlType.STRING).value("PAGE", SqlType.STRING)
          .value("DURATION_MS", SqlType.BIGINT).build(),
      INPUT_TOPIC, "KAFKA", "JSON", Map.of(), "CREATE STREAM pageviews ...", false);
  static final Catalog CATALOG = n -> n.equals("PAGEVIEWS") ? Optional.of(PAGEVIEWS) : Optional.empty();

  private Workload() {}

  /** One generated input record, in both shapes the benchmarks need. */
  record Pageview(String userId, String page, long durationMs) {
    byte[] key() {
      return userId.getBytes(StandardCharsets.UTF_8);
    }

    byte[] value() {
      return ("{\"PAGE\":\"" + page + "\",\"DURATION_MS\":" + durationMs + "}").getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Deterministic data: 10k users, 500 pages, durations uniform in 1..200 ms, so half pass the filter. */
  static List<Pageview> pageviews(int n) {
    SplittableRandom random = new SplittableRandom(42);
    List<Pageview> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String user = String.format(Locale.ROOT, "user-%05d", random.nextInt(10_000));
      String page = String.format(Locale.ROOT, "/catalog/section-%02d/products/item-%05d.html",
          random.nextInt(20), random.nextInt(500));
      out.add(new Pageview(user, page, 1 + random.nextInt(200)));
    }
    return out;
  }

  /** The input as serialized records, with increasing timestamps. */
  static List<TestRecord<byte[], byte[]>> records(List<Pageview> views) {
    Instant base = Instant.parse("2026-01-01T00:00:00Z");
    List<TestRecord<byte[], byte[]>> out = new ArrayList<>(views.size());
    for (int i = 0; i < views.size(); i++) {
      Pageview v = views.get(i);
      out.add(new TestRecord<>(v.key(), v.value(), new RecordHeaders(), base.plusMillis(i)));
    }
    return out;
  }

  /** Sluice's topology, built as the engine builds a persistent query (see TopologyBuilderTest). */
  static Topology sluice(InMemoryProcessingLogger log) {
    var stmt = (Statement.CreateAsSelect) SqlParser.parse(QUERY).get(0).statement();
    var planned = new PhysicalPlanner(CATALOG, FunctionRegistry.builtIn()).plan(stmt.query(), true);
    var sink = new StreamSink("Sink", planned.root(), OUTPUT_TOPIC, new Formats("KAFKA", "JSON", Map.of()),
        planned.schema());
    return new TopologyBuilder("CSAS_SLOW_VIEWS_1", new FormatSerdes(log),
        new CalcCompiler(FunctionRegistry.builtIn(), Workload.class.getClassLoader()), log).build(sink);
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final BigDecimal THOUSAND = new BigDecimal("1000.0");

  /** What one would write by hand: String key, Jackson tree on the value, filter, project, write JSON. */
  static Topology handWritten() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(INPUT_TOPIC, Consumed.with(Serdes.String(), Serdes.ByteArray()))
        .mapValues(Workload::parse)
        .filter((k, node) -> node != null && node.path("DURATION_MS").asLong() > 100)
        .mapValues(Workload::project)
        .to(OUTPUT_TOPIC, Produced.with(Serdes.String(), Serdes.ByteArray()));
    return builder.build();
  }

  private static JsonNode parse(byte[] value) {
    if (value == null) {
      return null;
    }
    try {
      return MAPPER.readTree(value);
    } catch (IOException e) {
      return null; // a real app would log it; the benchmark data has no bad records
    }
  }

  private static byte[] project(JsonNode in) {
    ObjectNode out = MAPPER.createObjectNode();
    JsonNode page = in.get("PAGE");
    out.put("PAGE", page == null || page.isNull() ? null : page.asText().toUpperCase(Locale.ROOT));
    out.put("SECS", BigDecimal.valueOf(in.get("DURATION_MS").asLong()).divide(THOUSAND, 6, RoundingMode.HALF_UP));
    try {
      return MAPPER.writeValueAsBytes(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Properties streamsProps(String applicationId) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/sluice-bench-" + applicationId);
    return p;
  }
}
