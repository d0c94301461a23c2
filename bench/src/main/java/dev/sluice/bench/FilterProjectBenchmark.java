package dev.sluice.bench;

import dev.sluice.engine.processinglog.InMemoryProcessingLogger;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * The walking-skeleton query on {@link TopologyTestDriver}, no broker: input records per second through
 * Sluice's topology versus a hand-written Kafka Streams + Jackson app doing the same work. One operation is
 * one input record; an invocation pipes the whole pre-serialized batch and drains the output topic.
 * Setup first checks that both topologies write byte-identical output for the batch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FilterProjectBenchmark {

  private List<TestRecord<byte[], byte[]>> batch;
  private Runner sluice;
  private Runner handWritten;

  /** One driver with its input and output topics. */
  static final class Runner implements AutoCloseable {
    final TopologyTestDriver driver;
    final TestInputTopic<byte[], byte[]> in;
    final TestOutputTopic<byte[], byte[]> out;

    Runner(Topology topology, String applicationId) {
      driver = new TopologyTestDriver(topology, Workload.streamsProps(applicationId));
      in = driver.createInputTopic(Workload.INPUT_TOPIC, new ByteArraySerializer(), new ByteArraySerializer());
      out = driver.createOutputTopic(Workload.OUTPUT_TOPIC, new ByteArrayDeserializer(),
          new ByteArrayDeserializer());
    }

    /** Pipes the batch and drains the output; returns how many records came out. */
    int run(List<TestRecord<byte[], byte[]>> batch) {
      in.pipeRecordList(batch);
      int n = 0;
      while (!out.isEmpty()) {
        out.readRecord();
        n++;
      }
      return n;
    }

    List<String> runAndCollect(List<TestRecord<byte[], byte[]>> batch) {
      in.pipeRecordList(batch);
      return out.readKeyValuesToList().stream().map(Runner::text).toList();
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
    batch = Workload.records(Workload.pageviews(Workload.RECORDS));
    InMemoryProcessingLogger log = new InMemoryProcessingLogger();
    verifySameOutput(batch, log);
    sluice = new Runner(Workload.sluice(log), "sluice");
    handWritten = new Runner(Workload.handWritten(), "handwritten");
  }

  /** Both topologies must do the same work: the same records out, byte for byte, and nothing logged. */
  static void verifySameOutput(List<TestRecord<byte[], byte[]>> batch, InMemoryProcessingLogger log) {
    List<String> expected;
    List<String> actual;
    try (Runner hand = new Runner(Workload.handWritten(), "verify-handwritten");
        Runner s = new Runner(Workload.sluice(log), "verify-sluice")) {
      expected = hand.runAndCollect(batch);
      actual = s.runAndCollect(batch);
    }
    if (!log.entries().isEmpty()) {
      throw new IllegalStateException("Sluice logged processing errors: " + log.entries().get(0));
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
    double pass = 100.0 * expected.size() / batch.size();
    double bytes = batch.stream().mapToInt(r -> r.key().length + r.value().length).average().orElse(0);
    System.out.printf("# verified: %d of %d records pass (%.1f%%), identical output; avg input key+value %.1f B;"
        + " sample: %s%n", expected.size(), batch.size(), pass, bytes, expected.get(0));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    sluice.close();
    handWritten.close();
  }

  @Benchmark
  @OperationsPerInvocation(Workload.RECORDS)
  public int sluice() {
    return sluice.run(batch);
  }

  @Benchmark
  @OperationsPerInvocation(Workload.RECORDS)
  public int handWritten() {
    return handWritten.run(batch);
  }

  /** Runs the verification alone: {@code java -cp ... dev.sluice.bench.FilterProjectBenchmark}. */
  public static void main(String[] args) {
    verifySameOutput(Workload.records(Workload.pageviews(Workload.RECORDS)), new InMemoryProcessingLogger());
  }
}
