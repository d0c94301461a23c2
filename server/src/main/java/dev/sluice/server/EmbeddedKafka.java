package dev.sluice.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-node Kafka broker of local mode, in this JVM: KRaft, broker and controller in one node,
 * listening on 127.0.0.1 only, with its log under {@code <data-dir>/kafka}. It follows the verified recipe of
 * {@code design/embedded-kafka.md}: the storage is formatted once (a restart on the same directory skips the
 * formatter and finds its topics again), retention is off so old event times are kept, and every
 * replication factor is 1.
 *
 * <p>The broker takes the preferred port (9092 by default) so that other Kafka tools can reach it; when that
 * is busy it takes a free port and says so in the log. Ports are probed first and the start is retried on a
 * bind failure, since a probe can race with another process.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final String HOST = "127.0.0.1";
  private static final int ATTEMPTS = 5;
  private static final Object LOCALE_LOCK = new Object();

  private final KafkaRaftServer server;
  private final Path logDir;
  private final int port;
  private final String clusterId;
  private boolean closed;

  private EmbeddedKafka(KafkaRaftServer server, Path logDir, int port, String clusterId) {
    this.server = server;
    this.logDir = logDir;
    this.port = port;
    this.clusterId = clusterId;
  }

  /**
   * Formats {@code <dataDir>/kafka} if it is new, then starts the broker and returns once it serves clients.
   *
   * @param preferredPort the broker port to try first; 0 takes a free port
   */
  public static EmbeddedKafka start(Path dataDir, int preferredPort) {
    InetAddress loopback = loopback();
    Path logDir = dataDir.resolve("kafka").toAbsolutePath().normalize();
    try {
      Files.createDirectories(logDir);
    } catch (IOException e) {
      throw new StartupException("cannot create the Kafka data directory " + logDir + ": " + e.getMessage(), e);
    }
    boolean preferred = preferredPort > 0;
    if (preferred && !Ports.isFree(loopback, preferredPort)) {
      preferred = false;
    }
    RuntimeException lastFailure = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int brokerPort = preferred && attempt == 0 ? preferredPort : Ports.free(loopback);
      int controllerPort = Ports.free(loopback);
      while (controllerPort == brokerPort) {
        controllerPort = Ports.free(loopback);
      }
      Properties properties = brokerProperties(logDir, brokerPort, controllerPort);
      KafkaRaftServer server = null;
      try {
        server = startInRootLocale(properties, logDir);
        if (preferredPort > 0 && brokerPort != preferredPort) {
          LOG.warn("Embedded Kafka broker listens on {}:{} (port {} was in use)", HOST, brokerPort, preferredPort);
        }
        return new EmbeddedKafka(server, logDir, brokerPort, readClusterId(logDir));
      } catch (RuntimeException e) {
        if (server != null) {
          stop(server);
        }
        if (e instanceof StartupException) {
          throw e;
        }
        if (!Ports.isBindFailure(e)) {
          throw new StartupException("the embedded Kafka broker failed to start: " + e.getMessage(), e);
        }
        LOG.info("Embedded Kafka broker could not bind its ports, retrying with others");
        lastFailure = e;
      }
    }
    throw new StartupException("the embedded Kafka broker found no free port after " + ATTEMPTS + " attempts",
        lastFailure);
  }

  /** {@code 127.0.0.1:<port>}, for clients. */
  public String bootstrapServers() {
    return HOST + ":" + port;
  }

  public int port() {
    return port;
  }

  public String clusterId() {
    return clusterId;
  }

  public Path logDir() {
    return logDir;
  }

  /** Stops the broker and waits until it has released its data directory. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      stop(server);
    }
  }

  /**
   * Builds the broker's configuration and starts it with the JVM's default locale set to {@link Locale#ROOT}.
   * Kafka 4.4's {@code KafkaConfig} upper-cases {@code group.coordinator.rebalance.protocols} in the default
   * locale, so under a Turkish locale "classic" becomes "CLASSİC" and the broker refuses to start. The lock
   * keeps two brokers in one JVM (tests) from restoring each other's locale.
   */
  private static KafkaRaftServer startInRootLocale(Properties properties, Path logDir) {
    synchronized (LOCALE_LOCK) {
      Locale previous = Locale.getDefault();
      Locale.setDefault(Locale.ROOT);
      try {
        KafkaConfig config = KafkaConfig.fromProps(properties, false);
        formatOnce(config, logDir);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
          server.startup();
        } catch (RuntimeException e) {
          stop(server);
          throw e;
        }
        return server;
      } finally {
        Locale.setDefault(previous);
      }
    }
  }

  static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
    p.put("log.dirs", logDir.toString());
    for (String key : List.of("offsets.topic.replication.factor", "offsets.topic.num.partitions",
        "transaction.state.log.replication.factor", "transaction.state.log.min.isr",
        "share.coordinator.state.topic.replication.factor", "share.coordinator.state.topic.min.isr")) {
      p.put(key, "1");
    }
    p.put("default.replication.factor", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("group.streams.initial.rebalance.delay.ms", "0");
    p.put("log.retention.ms", "-1");
    p.put("auto.create.topics.enable", "false");
    return p;
  }

  /** Formats the storage unless {@code meta.properties} says it already is: re-formatting would fail. */
  private static void formatOnce(KafkaConfig config, Path logDir) {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    try {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(1)
          .setClusterId(Uuid.randomUuid().toString())
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setControllerListenerName("CONTROLLER")
          .setMetadataLogDirectory(config.metadataLogDir())
          .setDirectories(List.of(logDir.toString()))
          .run();
    } catch (Exception e) {
      throw new StartupException("cannot format the Kafka data directory " + logDir + ": " + e.getMessage(), e);
    }
    LOG.info("Formatted a new Kafka data directory in {}", logDir);
  }

  private static String readClusterId(Path logDir) {
    Properties meta = new Properties();
    try (InputStream in = Files.newInputStream(logDir.resolve("meta.properties"))) {
      meta.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return meta.getProperty("cluster.id", "");
  }

  private static void stop(KafkaRaftServer server) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      LOG.warn("Embedded Kafka broker did not shut down cleanly: {}", e.toString());
    }
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByName(HOST);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
