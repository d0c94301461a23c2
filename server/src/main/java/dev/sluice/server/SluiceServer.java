package dev.sluice.server;

import dev.sluice.engine.EngineConfig;
import dev.sluice.engine.SluiceEngine;
import dev.sluice.server.rest.EngineFacade;
import dev.sluice.server.rest.RestServer;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Sluice server: in local mode the embedded Kafka broker, then the engine, then the REST API. It
 * starts them in that order and stops them in the reverse one (HTTP, engine, broker). {@link #main} is the
 * command-line entry point; tests and the CLI's integration test use {@link #start(ServerConfig)}.
 */
public final class SluiceServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SluiceServer.class);

  private final ServerConfig config;
  private final EmbeddedKafka kafka;
  private final SluiceEngine engine;
  private final RestServer rest;
  private final String bootstrapServers;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private boolean closed;

  private SluiceServer(ServerConfig config, EmbeddedKafka kafka, SluiceEngine engine, RestServer rest,
      String bootstrapServers) {
    this.config = config;
    this.kafka = kafka;
    this.engine = engine;
    this.rest = rest;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Starts a server and returns once it answers HTTP requests.
   *
   * @throws StartupException with a one-line reason when a port is taken or a component cannot start
   */
  public static SluiceServer start(ServerConfig config) {
    config.unknownKeys().forEach(key -> LOG.warn("Ignoring unknown configuration key '{}'", key));
    checkListenersFree(config.listeners());
    EmbeddedKafka kafka = null;
    SluiceEngine engine = null;
    try {
      String bootstrap = config.bootstrapServers();
      if (config.localMode()) {
        kafka = EmbeddedKafka.start(config.dataDir(), config.localKafkaPort());
        bootstrap = kafka.bootstrapServers();
      }
      engine = SluiceEngine.start(new EngineConfig(bootstrap, config.serviceId(), config.streamsStateDir(),
          config.streamsProperties(), config.extensionDir(), config.schemaRegistry().orElse(null),
          config.statementDefaults()));
      RestServer rest;
      try {
        rest = RestServer.start(config.listeners(),
            EngineFacade.of(engine, kafka == null ? "" : kafka.clusterId()), Version.get());
      } catch (IllegalStateException e) {
        if (Ports.isBindFailure(e)) {
          throw new StartupException(e.getMessage() + "; stop the other process or choose another port with "
              + "--listeners", e);
        }
        throw e;
      }
      SluiceServer server = new SluiceServer(config, kafka, engine, rest, bootstrap);
      LOG.info("{}", server.describe());
      return server;
    } catch (RuntimeException e) {
      closeQuietly(engine);
      closeQuietly(kafka);
      throw e;
    }
  }

  /** The actual port of the first HTTP listener. */
  public int port() {
    return rest.port();
  }

  /** The first listener's URL with its actual port, e.g. {@code http://127.0.0.1:8088}. */
  public String url() {
    URI first = config.listeners().get(0);
    return "http://" + first.getHost() + ":" + port();
  }

  public SluiceEngine engine() {
    return engine;
  }

  /** The Kafka cluster in use: the embedded broker's {@code 127.0.0.1:port} in local mode. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  public ServerConfig config() {
    return config;
  }

  /** The one startup line. */
  String describe() {
    String mode = kafka == null ? "" : ", local mode";
    return "Sluice " + Version.get() + " listening on " + url() + " (Kafka: " + bootstrapServers + mode
        + ", data in " + config.dataDirText() + ")";
  }

  /** Stops HTTP, then the engine, then the broker; safe to call twice. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    LOG.info("Sluice is shutting down");
    closeQuietly(rest);
    closeQuietly(engine);
    closeQuietly(kafka);
    LOG.info("Sluice stopped");
    stopped.countDown();
  }

  /** Blocks until {@link #close()} has finished. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  public static void main(String[] args) {
    CommandLine commandLine;
    try {
      commandLine = CommandLine.parse(args);
    } catch (CommandLine.UsageException | ConfigException e) {
      System.err.println("sluice: " + e.getMessage() + " (see --help)");
      System.exit(2);
      return;
    }
    if (commandLine.help()) {
      System.out.println(CommandLine.USAGE);
      return;
    }
    if (commandLine.version()) {
      System.out.println("Sluice " + Version.get());
      return;
    }
    SluiceServer server;
    try {
      server = start(commandLine.config());
    } catch (StartupException e) {
      LOG.debug("Startup failed", e);
      System.err.println("sluice: cannot start: " + e.getMessage());
      System.exit(1);
      return;
    } catch (RuntimeException e) {
      LOG.error("Startup failed", e);
      System.err.println("sluice: cannot start: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      org.apache.logging.log4j.LogManager.shutdown();
    }, "sluice-shutdown"));
    try {
      server.awaitStop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Fails fast, before the broker starts, when a listener's port is already taken. */
  private static void checkListenersFree(List<URI> listeners) {
    for (URI listener : listeners) {
      if (listener.getPort() == 0) {
        continue;
      }
      InetAddress host;
      try {
        host = InetAddress.getByName(listener.getHost());
      } catch (UnknownHostException e) {
        throw new StartupException("unknown host in listener " + listener);
      }
      if (!Ports.isFree(host, listener.getPort())) {
        throw new StartupException("port " + listener.getPort() + " on " + listener.getHost()
            + " is already in use (listener " + listener + "); stop the other process or choose another "
            + "port with --listeners");
      }
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.warn("Error while stopping {}: {}", closeable.getClass().getSimpleName(), e.toString());
    }
  }
}
