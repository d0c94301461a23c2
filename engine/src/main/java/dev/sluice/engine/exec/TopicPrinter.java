package dev.sluice.engine.exec;

import dev.sluice.engine.api.RowListener;
import dev.sluice.engine.api.TransientQuery;
import dev.sluice.engine.serde.PrintFormats;
import dev.sluice.engine.serde.registry.SchemaRegistryClient;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code PRINT topic [FROM BEGINNING] [INTERVAL n] [LIMIT n]}: the raw records of any topic, whatever wrote
 * them, as ksqlDB prints them: the guessed key and value formats first, then one line per record
 * ({@code rowtime: 2024/01/02 03:04:05.000 Z, key: k1, value: {"A":1}, partition: 0}). A plain consumer
 * without a group reads every partition on its own thread, so PRINT leaves no offsets behind; it runs until
 * its LIMIT or until it is closed.
 */
final class TopicPrinter implements TransientQuery {
  private static final Logger LOG = LoggerFactory.getLogger(TopicPrinter.class);
  private static final DateTimeFormatter ROWTIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSS z")
      .withZone(ZoneOffset.UTC);

  private final String id;
  private final String topic;
  private final Statement.Print print;
  private final RowListener listener;
  private final Runnable onClose;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final PrintFormats keys;
  private final PrintFormats values;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread thread;

  TopicPrinter(String id, String topic, Statement.Print print, String bootstrapServers,
      SchemaRegistryClient registry, RowListener listener, Runnable onClose) {
    this.id = id;
    this.topic = topic;
    this.print = print;
    this.listener = listener;
    this.onClose = onClose;
    this.keys = new PrintFormats(topic, true, registry);
    this.values = new PrintFormats(topic, false, registry);
    this.consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.CLIENT_ID_CONFIG, id,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "sluice-print-" + id);
    thread.setDaemon(true);
  }

  /** Positions the consumer (so that what is written from now on is printed) and starts printing. */
  void start() {
    List<TopicPartition> partitions;
    try {
      partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
    } catch (RuntimeException e) {
      consumer.close(Duration.ZERO);
      throw e;
    }
    try {
      consumer.assign(partitions);
      if (print.fromBeginning()) {
        consumer.seekToBeginning(partitions);
      } else {
        consumer.seekToEnd(partitions);
      }
      partitions.forEach(consumer::position); // resolves the lazy seek now, not at the first poll
    } catch (RuntimeException e) {
      consumer.close(Duration.ZERO);
      throw e;
    }
    thread.start();
  }

  private void run() {
    int interval = Math.max(1, print.interval().orElse(1));
    long limit = print.limit().map(Integer::longValue).orElse(Long.MAX_VALUE);
    long seen = 0;
    long printed = 0;
    boolean formatsShown = false;
    try {
      if (limit <= 0) {
        listener.onComplete();
        close();
        return;
      }
      while (!closed.get()) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
        if (records.isEmpty()) {
          continue;
        }
        // The format lines come first, guessed from the whole first batch rather than its first record.
        List<String> lines = new java.util.ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
          lines.add(line(record));
        }
        if (!formatsShown) {
          listener.onText("Key format: " + keys.describe());
          listener.onText("Value format: " + values.describe());
          formatsShown = true;
        }
        for (String line : lines) {
          if (seen++ % interval != 0) {
            continue;
          }
          listener.onText(line);
          if (++printed >= limit) {
            listener.onComplete();
            close();
            return;
          }
        }
      }
    } catch (WakeupException e) {
      // closed
    } catch (RuntimeException e) {
      if (!closed.get()) {
        LOG.warn("PRINT {} failed", topic, e);
        listener.onError(new SluiceException(ErrorCode.SERVER_ERROR, "Printing topic " + topic + " failed: "
            + e.getMessage()));
      }
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private String line(ConsumerRecord<byte[], byte[]> record) {
    return "rowtime: " + (record.timestamp() < 0 ? "N/A" : ROWTIME.format(Instant.ofEpochMilli(record.timestamp())))
        + ", key: " + keys.format(record.key())
        + ", value: " + values.format(record.value())
        + ", partition: " + record.partition();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<String> columnNames() {
    return List.of();
  }

  @Override
  public List<String> columnTypes() {
    return List.of();
  }

  @Override
  public String schema() {
    return "";
  }

  @Override
  public boolean isPull() {
    return false;
  }

  @Override
  public boolean isText() {
    return true;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      if (Thread.currentThread() != thread) {
        consumer.wakeup(); // the printing thread closes the consumer: it is not thread-safe
      }
      onClose.run();
    }
  }
}
