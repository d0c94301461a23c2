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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The stream-table join workload of {@link JoinBenchmark}: orders re-keyed by customer through a repartition
 * topic, then LEFT JOINed with a customers table. The query, its input data, and the two topologies that run
 * it (Sluice's, built exactly as the engine builds a persistent query, and a hand-written one).
 */
final class JoinWorkload {
  static final String CUSTOMERS_DDL = "CREATE TABLE customers (id STRING PRIMARY KEY, name STRING, tier STRING)"
      + " WITH (KAFKA_TOPIC='customers', VALUE_FORMAT='JSON');";
  static final String ORDERS_DDL = "CREATE STREAM orders (order_id BIGINT KEY, customer STRING, amount DOUBLE)"
      + " WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON');";
  static final String QUERY = "CREATE STREAM enriched AS SELECT o.customer, o.order_id, c.name, c.tier,"
      + " o.amount * 1.1 AS total FROM orders o LEFT JOIN customers c ON o.customer = c.id EMIT CHANGES;";
  static final String CUSTOMERS_TOPIC = "customers";
  static final String ORDERS_TOPIC = "orders";
  static final String OUTPUT_TOPIC = "ENRICHED";
  static final String SINK = "ENRICHED";
  static final String QUERY_ID = "CSAS_ENRICHED_1";

  /** Customers pre-loaded into the table. */
  static final int CUSTOMERS = 10_000;
  /** Orders per batch (one benchmark invocation). */
  static final int ORDERS = 50_000;
  /** Orders name a customer in 0..CUSTOMER_IDS-1: the ones past CUSTOMERS find no row (about 4.8%). */
  static final int CUSTOMER_IDS = 10_500;

  /**
   * The two sources as the engine's DdlExecutor registers the DDL above: KAFKA key format (the default when
   * there are key columns), JSON values.
   */
  static final DataSource CUSTOMERS_SOURCE = new DataSource("CUSTOMERS", SourceKind.TABLE,
      LogicalSchema.builder().key("ID", SqlType.STRING).value("NAME", SqlType.STRING)
          .value("TIER", SqlType.STRING).build(),
      CUSTOMERS_TOPIC, "KAFKA", "JSON", Map.of(), CUSTOMERS_DDL, false);
  static final DataSource ORDERS_SOURCE = new DataSource("ORDERS", SourceKind.STREAM,
      LogicalSchema.builder().key("ORDER_ID", SqlType.BIGINT).value("CUSTOMER", SqlType.STRING)
          .value("AMOUNT", SqlType.DOUBLE).build(),
      ORDERS_TOPIC, "KAFKA", "JSON", Map.of(), ORDERS_DDL, false);
  static final Catalog CATALOG = n -> switch (n) {
    case "CUSTOMERS" -> Optional.of(CUSTOMERS_SOURCE);
    case "ORDERS" -> Optional.of(ORDERS_SOURCE);
    default -> Optional.empty();
  };

  private static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances",
    "John", "Margaret", "Niklaus", "Radia", "Tony", "Leslie", "Shafi", "Ken", "Dennis"};
  private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen",
    "Backus", "Hamilton", "Wirth", "Perlman", "Hoare", "Lamport", "Goldwasser", "Thompson", "Ritchie"};
  private static final String[] TIERS = {"bronze", "silver", "gold", "platinum"};

  private JoinWorkload() {}

  static String customerId(int i) {
    return String.format(Locale.ROOT, "cust-%05d", i);
  }

  /** The customers table's rows, one per id, deterministic. */
  static List<TestRecord<byte[], byte[]>> customers() {
    SplittableRandom random = new SplittableRandom(7);
    Instant base = Instant.parse("2026-01-01T00:00:00Z");
    List<TestRecord<byte[], byte[]>> out = new ArrayList<>(CUSTOMERS);
    for (int i = 0; i < CUSTOMERS; i++) {
      String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)] + " " + i;
      String value = "{\"NAME\":\"" + name + "\",\"TIER\":\"" + TIERS[random.nextInt(TIERS.length)] + "\"}";
      out.add(new TestRecord<>(customerId(i).getBytes(StandardCharsets.UTF_8),
          value.getBytes(StandardCharsets.UTF_8), new RecordHeaders(), base));
    }
    return out;
  }

  /**
   * {@code n} orders, deterministic: a KAFKA-format BIGINT key (8 bytes, big-endian), a JSON value naming a
   * customer (uniform over {@link #CUSTOMER_IDS}) and an amount in cents (1.00 to 500.00); increasing
   * timestamps after the customers'.
   */
  static List<TestRecord<byte[], byte[]>> orders(int n) {
    SplittableRandom random = new SplittableRandom(42);
    Instant base = Instant.parse("2026-01-01T01:00:00Z");
    List<TestRecord<byte[], byte[]>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long orderId = 1_000_000L + i;
      String value = "{\"CUSTOMER\":\"" + customerId(random.nextInt(CUSTOMER_IDS)) + "\",\"AMOUNT\":"
          + (100 + random.nextInt(49_901)) / 100.0 + "}";
      out.add(new TestRecord<>(ByteBuffer.allocate(8).putLong(orderId).array(),
          value.getBytes(StandardCharsets.UTF_8), new RecordHeaders(), base.plusMillis(i)));
    }
    return out;
  }

  /**
   * Sluice's topology, built as the engine builds a persistent query (PersistentQueryExecutor): plan with the
   * sink's name, a StreamSink on the planned root, TopologyBuilder with FormatSerdes and CalcCompiler.
   */
  static Topology sluice(InMemoryProcessingLogger log) {
    var stmt = (Statement.CreateAsSelect) SqlParser.parse(QUERY).get(0).statement();
    var planned = new PhysicalPlanner(CATALOG, FunctionRegistry.builtIn()).plan(stmt.query(), true,
        Optional.of(SINK));
    var sink = new StreamSink("Sink", planned.root(), OUTPUT_TOPIC, new Formats("KAFKA", "JSON", Map.of()),
        planned.schema());
    return new TopologyBuilder(QUERY_ID, new FormatSerdes(log),
        new CalcCompiler(FunctionRegistry.builtIn(), JoinWorkload.class.getClassLoader()), log).build(sink);
  }

  /** Sluice's plan, for {@code JoinBenchmark.main}. */
  static PhysicalPlanner.PlannedQuery plan() {
    var stmt = (Statement.CreateAsSelect) SqlParser.parse(QUERY).get(0).statement();
    return new PhysicalPlanner(CATALOG, FunctionRegistry.builtIn()).plan(stmt.query(), true, Optional.of(SINK));
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A Jackson tree serde, as one would write for JSON topics, internal ones included. */
  static final Serde<JsonNode> JSON = Serdes.serdeFrom(
      (Serializer<JsonNode>) (topic, node) -> {
        if (node == null) {
          return null;
        }
        try {
          return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      },
      (Deserializer<JsonNode>) (topic, bytes) -> {
        if (bytes == null) {
          return null;
        }
        try {
          return MAPPER.readTree(bytes);
        } catch (IOException e) {
          return null; // a real app would log it; the benchmark data has no bad records
        }
      });

  /**
   * What one would write by hand: the customers topic as a KTable of Jackson trees; each order parsed, given
   * its ORDER_ID (from the record key) and re-keyed by CUSTOMER, through a repartition topic; a left join
   * with the table building the output object; the value written as JSON bytes.
   */
  static Topology handWritten() {
    StreamsBuilder builder = new StreamsBuilder();
    KTable<String, JsonNode> customers = builder.table(CUSTOMERS_TOPIC, Consumed.with(Serdes.String(), JSON),
        Materialized.as("customers-store"));
    builder.stream(ORDERS_TOPIC, Consumed.with(Serdes.Long(), JSON))
        .filter((orderId, order) -> order != null && order.hasNonNull("CUSTOMER"), Named.as("valid-orders"))
        .map((orderId, order) -> {
          ObjectNode o = (ObjectNode) order;
          o.put("ORDER_ID", orderId);
          return KeyValue.pair(o.get("CUSTOMER").asText(), (JsonNode) o);
        }, Named.as("by-customer"))
        .repartition(Repartitioned.<String, JsonNode>as("orders-by-customer")
            .withKeySerde(Serdes.String()).withValueSerde(JSON))
        .leftJoin(customers, JoinWorkload::enrich, Joined.<String, JsonNode, JsonNode>with(Serdes.String(), JSON,
            JSON).withName("enrich"))
        .to(OUTPUT_TOPIC, Produced.with(Serdes.String(), Serdes.ByteArray()));
    return builder.build();
  }

  private static byte[] enrich(JsonNode order, JsonNode customer) {
    ObjectNode out = MAPPER.createObjectNode();
    JsonNode orderId = order.get("ORDER_ID");
    if (orderId == null || orderId.isNull()) {
      out.putNull("ORDER_ID");
    } else {
      out.put("ORDER_ID", orderId.asLong());
    }
    out.put("NAME", text(customer, "NAME"));
    out.put("TIER", text(customer, "TIER"));
    JsonNode amount = order.get("AMOUNT");
    if (amount == null || amount.isNull()) {
      out.putNull("TOTAL");
    } else {
      out.put("TOTAL", amount.asDouble() * 1.1);
    }
    try {
      return MAPPER.writeValueAsBytes(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(JsonNode node, String field) {
    if (node == null) {
      return null;
    }
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
