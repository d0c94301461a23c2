package dev.sluice.engine.testing;

import dev.sluice.engine.serde.registry.SchemaRegistryConfig;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A real Schema Registry on loopback for tests and the SQL test runner: the Apicurio Registry runner jar (which
 * the build fetches from Maven Central) started as a child process on a free port, with its data in memory,
 * serving the Confluent API under {@code /apis/ccompat/v7}. Canonical hashing is on, so that the same schema
 * written differently gets the same id, as in Confluent's registry. One process per JVM is shared
 * ({@link #shared()}) and stopped when the JVM exits; it starts in about 3 s.
 */
public final class LocalSchemaRegistry implements AutoCloseable {
  /** The system property naming the runner jar; the build sets it for tests. */
  public static final String RUNNER_PROPERTY = "sluice.test.registry.runner";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static Optional<LocalSchemaRegistry> shared;

  private final Process process;
  private final String url;

  private LocalSchemaRegistry(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  /**
   * The JVM's registry, started on first use from the runner jar that {@value #RUNNER_PROPERTY} names; empty when
   * the property is unset or the jar is not there (the registry cases are then skipped).
   *
   * @throws IllegalStateException when the jar is there but the registry does not start
   */
  public static synchronized Optional<LocalSchemaRegistry> shared() {
    if (shared == null) {
      String runner = System.getProperty(RUNNER_PROPERTY, "");
      if (runner.isBlank() || !Files.isRegularFile(Path.of(runner))) {
        shared = Optional.empty();
      } else {
        LocalSchemaRegistry registry = start(Path.of(runner));
        Runtime.getRuntime().addShutdownHook(new Thread(registry::close, "schema-registry-stop"));
        shared = Optional.of(registry);
      }
    }
    return shared;
  }

  /** Starts the runner jar on a free loopback port and waits until it answers. */
  public static LocalSchemaRegistry start(Path runnerJar) {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Process process;
    File log;
    try {
      log = Files.createTempFile("sluice-schema-registry-", ".log").toFile();
      log.deleteOnExit();
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      process = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
          "-Dapicurio.ccompat.use-canonical-hash=true", "-jar", runnerJar.toAbsolutePath().toString()))
          .redirectErrorStream(true).redirectOutput(log).start();
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the Schema Registry from " + runnerJar + ": " + e, e);
    }
    String url = "http://127.0.0.1:" + port + "/apis/ccompat/v7";
    LocalSchemaRegistry registry = new LocalSchemaRegistry(process, url);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The Schema Registry exited with code " + process.exitValue()
            + " while starting; see " + log);
      }
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url + "/subjects"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return registry;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        registry.close();
        throw new IllegalStateException("Interrupted while the Schema Registry started", e);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        registry.close();
        throw new IllegalStateException("Interrupted while the Schema Registry started", e);
      }
    }
    registry.close();
    throw new IllegalStateException("The Schema Registry did not answer within " + START_TIMEOUT.toSeconds()
        + " s; see " + log);
  }

  /** The base URL of its Confluent-compatible API. */
  public String url() {
    return url;
  }

  public SchemaRegistryConfig config() {
    return SchemaRegistryConfig.of(url);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
