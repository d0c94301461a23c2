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
    /** What pre-loading the customers wrote to internal topics, for the verification's report. */
    final List<String> tableRows;

    Runner(Topology topology, String applicationId, List<TestRecord<byte[], byte[]>> customers) {
      driver = new TopologyTestDriver(topology, Workload.streamsProps(applicationId));
      driver.createInputTopic(JoinWorkload.CUSTOMERS_TOPIC, new ByteArraySerializer(), new ByteArraySerializer())
          .pipeRecordList(customers);
      in = driver.createInputTopic(JoinWorkload.ORDERS_TOPIC, new ByteArraySerializer(), new ByteArraySerializer());
      out = topic(JoinWorkload.OUTPUT_TOPIC);
      tableRows = describe(collectInternal()); // the table's changelog: one record per row stored
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
      drainInternal();
      return n;
    }

    /**
     * The driver keeps every record written to an internal topic (here the repartition topic, and the table's
     * changelog): read them, or memory grows with every invocation.
     */
    private void drainInternal() {
      for (String name : driver.producedTopicNames()) {
        if (!name.equals(JoinWorkload.OUTPUT_TOPIC)) {
          TestOutputTopic<byte[], byte[]> t = topic(name);
          while (!t.isEmpty()) {
            t.readRecord();
          }
        }
      }
    }

    private Map<String, List<KeyValue<byte[], byte[]>>> collectInternal() {
      Map<String, List<KeyValue<byte[], byte[]>>> drained = new HashMap<>();
      for (String name : driver.producedTopicNames()) {
        if (!name.equals(JoinWorkload.OUTPUT_TOPIC)) {
          drained.put(name, topic(name).readKeyValuesToList());
        }
      }
      return drained;
    }

    /** Runs the batch; returns the output as text and reports the records written to internal topics. */
    List<String> runAndCollect(List<TestRecord<byte[], byte[]>> batch, String label) {
      in.pipeRecordList(batch);
      List<String> output = out.readKeyValuesToList().stream().map(Runner::text).toList();
      tableRows.forEach(line -> System.out.printf("# %s, loading the table: %s%n", label, line));
      describe(collectInternal()).forEach(line -> System.out.printf("# %s, the orders: %s%n", label, line));
      return output;
    }

    private static List<String> describe(Map<String, List<KeyValue<byte[], byte[]>>> topics) {
      return topics.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(e -> {
        List<KeyValue<byte[], byte[]>> records = e.getValue();
        double bytes = records.stream().mapToInt(kv -> kv.key.length + kv.value.length).average().orElse(0);
        return String.format(Locale.ROOT, "%s: %d records, avg key+value %.1f B; sample: %s", e.getKey(),
            records.size(), bytes, text(records.get(0)));
      }).toList();
    }

    private static String text(KeyValue<byte[], byte[]> kv) {
      return printable(kv.key) + "=" + printable(kv.value);
    }

    /** Text as it is; the bytes of binary records (Sluice's internal rows) as \\xNN, so logs stay text. */
    private static String printable(byte[] bytes) {
      StringBuilder out = new StringBuilder();
      for (char c : new String(bytes, StandardCharsets.UTF_8).toCharArray()) {
        if (c < 0x20 || c == 0x7f || c == '\uFFFD') {
          out.append(String.format(Locale.ROOT, "\\x%02x", (int) c & 0xFF));
        } else {
          out.append(c);
        }
      }
      return out.toString();
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

  /**
   * Without arguments, prints Sluice's plan and both topologies and runs the verification alone:
   * {@code java -cp ... dev.sluice.bench.JoinBenchmark}. With {@code interleaved [rounds]}, runs
   * {@link #interleaved} instead.
   */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("interleaved")) {
      interleaved(args.length > 1 ? Integer.parseInt(args[1]) : 40);
      return;
    }
    var planned = JoinWorkload.plan();
    System.out.println(planned.root());
    System.out.println(planned.schema().toSql());
    System.out.println(JoinWorkload.sluice(new InMemoryProcessingLogger()).describe());
    System.out.println(JoinWorkload.handWritten().describe());
    verifySameOutput(JoinWorkload.customers(), JoinWorkload.orders(JoinWorkload.ORDERS),
        new InMemoryProcessingLogger());
  }

  /**
   * An A/B check for a shared machine, where JMH's one-method-after-the-other runs meet different loads: in
   * one JVM, after verifying, {@code rounds} rounds each piping one batch through Sluice and one through the
   * hand-written app (alternating which goes first), timing each batch by wall clock and by the thread's CPU
   * time. The first quarter of the rounds is warm-up. Prints the median and best nanoseconds per order of
   * each; the CPU-time figure leaves out time the thread spent descheduled (but also GC threads' work).
   */
  static void interleaved(int rounds) {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    JoinBenchmark b = new JoinBenchmark();
    b.setUp();
    int warmup = rounds / 4;
    long[][] wall = new long[2][rounds - warmup];
    long[][] cpu = new long[2][rounds - warmup];
    Runner[] runners = {b.sluice, b.handWritten};
    try {
      for (int r = 0; r < rounds; r++) {
        for (int k = 0; k < 2; k++) {
          int side = (r + k) % 2;
          long w0 = System.nanoTime();
          long c0 = threads.getCurrentThreadCpuTime();
          int n = runners[side].run(b.orders);
          long c1 = threads.getCurrentThreadCpuTime();
          long w1 = System.nanoTime();
          if (n != b.orders.size()) {
            throw new IllegalStateException((side == 0 ? "Sluice" : "hand-written") + " wrote " + n + " records");
          }
          if (r >= warmup) {
            wall[side][r - warmup] = w1 - w0;
            cpu[side][r - warmup] = c1 - c0;
          }
        }
      }
    } finally {
      b.tearDown();
    }
    String[] names = {"sluice", "handWritten"};
    double[] medianCpu = new double[2];
    for (int side = 0; side < 2; side++) {
      long[] w = wall[side].clone();
      long[] c = cpu[side].clone();
      java.util.Arrays.sort(w);
      java.util.Arrays.sort(c);
      double perOrder = JoinWorkload.ORDERS;
      medianCpu[side] = c[c.length / 2] / perOrder;
      System.out.printf(Locale.ROOT, "%-12s wall: median %,8.0f ns/order (%,.0f orders/s), best %,8.0f;"
          + " thread CPU: median %,8.0f ns/order, best %,8.0f%n", names[side], w[w.length / 2] / perOrder,
          1e9 * perOrder / w[w.length / 2], w[0] / perOrder, medianCpu[side], c[0] / perOrder);
    }
    System.out.printf(Locale.ROOT, "%d measured rounds of %,d orders each; Sluice / hand-written CPU per order: %.2f%n",
        rounds - warmup, JoinWorkload.ORDERS, medianCpu[0] / medianCpu[1]);
  }
}
