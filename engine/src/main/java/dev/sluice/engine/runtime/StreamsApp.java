package dev.sluice.engine.runtime;

import dev.sluice.engine.env.QueryLauncher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka Streams application running one query, with an explicit {@link QueryState}. It owns the
 * configuration every query shares: explicit naming of internal resources, a bounded commit interval,
 * a producer that cannot reorder or drop batches on a just-created topic, and state under the data dir.
 */
public final class StreamsApp implements QueryLauncher.Running, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

  private final String queryId;
  private final KafkaStreams streams;
  private final AtomicReference<QueryState> state = new AtomicReference<>(QueryState.PENDING);
  private volatile String lastError;

  public StreamsApp(String queryId, String applicationId, Topology topology, String bootstrapServers,
      Path stateDir, Map<String, Object> overrides, String offsetReset) {
    this.queryId = queryId;
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    p.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG,
        org.apache.kafka.streams.processor.UsePartitionTimeOnInvalidTimestamp.class);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), 1);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), offsetReset);
    // After a crash, the restarted query waits for the dead member's session to expire: keep that short.
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 2_000);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    p.putAll(overrides);
    this.streams = new KafkaStreams(topology, p);
    streams.setStateListener((next, previous) -> {
      if (next == KafkaStreams.State.RUNNING) {
        move(QueryState.RUNNING);
      } else if (next == KafkaStreams.State.ERROR) {
        move(QueryState.ERROR);
      }
    });
    streams.setUncaughtExceptionHandler(e -> {
      lastError = e.toString();
      LOG.warn("Query {} failed: {}", queryId, e.toString());
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
  }

  private void move(QueryState next) {
    state.updateAndGet(current -> current.canMoveTo(next) ? next : current);
  }

  public void start() {
    streams.start();
  }

  /** Waits until the application has its partitions and runs; false on timeout or failure. */
  public boolean awaitRunning(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (streams.state() == KafkaStreams.State.RUNNING) {
        return true;
      }
      if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
        return false;
      }
      try {
        TimeUnit.MILLISECONDS.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /** The lifecycle state, or PAUSED while PAUSE holds a query that is not failed or stopped. */
  @Override
  public QueryState state() {
    QueryState current = state.get();
    boolean held = current == QueryState.PENDING || current == QueryState.RUNNING;
    return held && streams.isPaused() ? QueryState.PAUSED : current;
  }

  /**
   * Kafka Streams' own pause: the threads go on polling and committing (so the group keeps its members) but
   * process nothing, and offsets stay where processing stopped. Allowed before {@link #start}.
   */
  @Override
  public void pause() {
    streams.pause();
  }

  @Override
  public void resume() {
    streams.resume();
  }

  public String queryId() {
    return queryId;
  }

  public String lastError() {
    return lastError;
  }

  @Override
  public void stop(boolean cleanUp) {
    // Leaving the group lets the next instance of this query take its partitions at once instead of
    // waiting out the session timeout.
    streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
        .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    if (cleanUp) {
      streams.cleanUp();
    }
    state.set(QueryState.TERMINATED);
  }

  @Override
  public void close() {
    stop(false);
  }
}
