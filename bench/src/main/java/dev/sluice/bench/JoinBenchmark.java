package dev.sluice.bench;

import dev.sluice.engine.processinglog.InMemoryProcessingLogger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A stream-table join on {@link TopologyTestDriver}, no broker: orders re-keyed by customer through a
 * repartition topic and LEFT JOINed with a pre-loaded table of 10,000 customers ({@link JoinWorkload#QUERY}),
 * Sluice's topology versus a hand-written Kafka Streams + Jackson app doing the same work. One operation is one
 * order record; an invocation pipes the whole pre-serialized batch of orders and drains the output topic (and
 * the repartition topic, whose records the driver keeps otherwise). Setup first checks that both topologies
 * write byte-identical output for the batch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JoinBenchmark {

  private List<TestRecord<byte[], byte[]>> orders;
  private Runner sluice;
  private Runner handWritten;

  /** One driver with the customers pre-loaded, its orders input and its output topics. */
  static final class Runner implements AutoCloseable {
    final TopologyTestDriver driver;
    final TestInputTopic<byte[], byte[]> in;
    final TestOutputTopic<byte[], byte[]> out;
    /** Every topic the driver has captured records of, the output, repartition and changelog topics. */
    final Map<String, TestOutputTopic<byte[], byte[]>> produced = new HashMap<>();

    Runner(Topology topology, String applicationId, List<TestRecord<byte[], byte[]>> customers) {
      driver = new TopologyTestDriver(topology, Workload.streamsProps(applicationId));
      driver.createInputTopic(JoinWorkload.CUSTOMERS_TOPIC, new ByteArraySerializer(), new ByteArraySerializer())
          .pipeRecordList(customers);
      in = driver.createInputTopic(JoinWorkload.ORDERS_TOPIC, new ByteArraySerializer(), new ByteArraySerializer());
      out = topic(JoinWorkload.OUTPUT_TOPIC);
      drainOthers(); // the table's changelog
    }

    private TestOutputTopic<byte[], byte[]> topic(String name) {
      return produced.computeIfAbsent(name, n -> driver.createOutputTopic(n, new ByteArrayDeserializer(),
          new ByteArrayDeserializer()));
    }

    /** Pipes the batch and drains the output; returns how many records came out. */
    int run(List<TestRecord<byte[], byte[]>> batch) {
      in.pipeRecordList(batch);
      int n = 0;
      while (!out.isEmpty()) {
        out.readRecord();
        n++;
      }
      drainOthers();
      return n;
    }

    /** The driver keeps every record written to an internal topic: read them so memory stays flat. */
    private Map<String, List<KeyValue<byte[], byte[]>>> drainOthers() {
      Map<String, List<KeyValue<byte[], byte[]>>> drained = new HashMap<>();
      for (String name : driver.producedTopicNames()) {
        if (!name.equals(JoinWorkload.OUTPUT_TOPIC)) {
          drained.put(name, topic(name).readKeyValuesToList());
        }
      }
      return drained;
    }

    /** Runs the batch; returns the output as text and reports the internal topics' records. */
    List<String> runAndCollect(List<TestRecord<byte[], byte[]>> batch, String label) {
      in.pipeRecordList(batch);
      List<String> output = out.readKeyValuesToList().stream().map(Runner::text).toList();
      drainOthers().forEach((topic, records) -> {
        double bytes = records.stream().mapToInt(kv -> kv.key.length + kv.value.length).average().orElse(0);
        System.out.printf(Locale.ROOT, "# %s: internal topic %s: %d records, avg key+value %.1f B; sample: %s%n",
            label, topic, records.size(), bytes, records.isEmpty() ? "<none>" : text(records.get(0)));
      });
      return output;
    }

    private static String text(KeyValue<byte[], byte[]> kv) {
      return new String(kv.key, StandardCharsets.UTF_8) + "=" + new String(kv.value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
      driver.close();
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    List<TestRecord<byte[], byte[]>> customers = JoinWorkload.customers();
    orders = JoinWorkload.orders(JoinWorkload.ORDERS);
    InMemoryProcessingLogger log = new InMemoryProcessingLogger();
    verifySameOutput(customers, orders, log);
    sluice = new Runner(JoinWorkload.sluice(log), "sluice-join", customers);
    handWritten = new Runner(JoinWorkload.handWritten(), "handwritten-join", customers);
  }

  /**
   * Both topologies must do the same work: one record out per order, the same records, byte for byte, and
   * nothing in Sluice's processing log.
   */
  static void verifySameOutput(List<TestRecord<byte[], byte[]>> customers, List<TestRecord<byte[], byte[]>> orders,
      InMemoryProcessingLogger log) {
    List<String> expected;
    List<String> actual;
    try (Runner hand = new Runner(JoinWorkload.handWritten(), "verify-handwritten-join", customers);
        Runner s = new Runner(JoinWorkload.sluice(log), "verify-sluice-join", customers)) {
      expected = hand.runAndCollect(orders, "hand-written");
      actual = s.runAndCollect(orders, "Sluice");
    }
    if (!log.entries().isEmpty()) {
      throw new IllegalStateException("Sluice logged processing errors: " + log.entries().get(0));
    }
    if (expected.size() != orders.size()) {
      throw new IllegalStateException("The hand-written app wrote " + expected.size() + " records for "
          + orders.size() + " orders");
    }
    if (!expected.equals(actual)) {
      int i = 0;
      while (i < Math.min(expected.size(), actual.size()) && expected.get(i).equals(actual.get(i))) {
        i++;
      }
      throw new IllegalStateException("Outputs differ: hand-written " + expected.size() + " records, Sluice "
          + actual.size() + "; first difference at " + i + ": "
          + (i < expected.size() ? expected.get(i) : "<none>") + " vs " + (i < actual.size() ? actual.get(i) : "<none>"));
    }
    long unmatched = expected.stream().filter(r -> r.contains("\"NAME\":null")).count();
    double in = orders.stream().mapToInt(r -> r.key().length + r.value().length).average().orElse(0);
    double out = expected.stream().mapToInt(r -> r.getBytes(StandardCharsets.UTF_8).length - 1).average().orElse(0);
    System.out.printf(Locale.ROOT, "# verified: %d orders in, %d records out (%d without a customer),"
        + " identical output; avg order key+value %.1f B, avg output key+value %.1f B; sample: %s%n",
        orders.size(), expected.size(), unmatched, in, out, expected.get(0));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    sluice.close();
    handWritten.close();
  }

  @Benchmark
  @OperationsPerInvocation(JoinWorkload.ORDERS)
  public int sluice() {
    return sluice.run(orders);
  }

  @Benchmark
  @OperationsPerInvocation(JoinWorkload.ORDERS)
  public int handWritten() {
    return handWritten.run(orders);
  }

  /** Prints Sluice's plan and runs the verification alone: {@code java -cp ... dev.sluice.bench.JoinBenchmark}. */
  public static void main(String[] args) {
    var planned = JoinWorkload.plan();
    System.out.println(planned.root());
    System.out.println(planned.schema().toSql());
    System.out.println(JoinWorkload.sluice(new InMemoryProcessingLogger()).describe());
    System.out.println(JoinWorkload.handWritten().describe());
    verifySameOutput(JoinWorkload.customers(), JoinWorkload.orders(JoinWorkload.ORDERS),
        new InMemoryProcessingLogger());
  }
}
