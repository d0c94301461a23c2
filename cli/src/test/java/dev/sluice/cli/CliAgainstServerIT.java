package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.server.ServerConfig;
import dev.sluice.server.SluiceServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against a real Sluice server in local mode (embedded broker on a temporary data directory):
 * a {@code -f} script creates a stream, inserts a row, lists the streams and reads the row back with a
 * push query, and the printed tables are checked.
 *
 * <p>The server comes from the test-scope dependency on {@code sluice-server}; the CLI still reaches it
 * over HTTP only, exactly as a user's CLI would.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CliAgainstServerIT {
  private static final String SCRIPT = String.join("\n",
      "-- written by CliAgainstServerIT",
      "CREATE STREAM s (id STRING KEY, page STRING, score DOUBLE)",
      "  WITH (kafka_topic='s', value_format='JSON', partitions=1);",
      "INSERT INTO s (id, page, score) VALUES ('u1', '/home', 0.5);",
      "SHOW STREAMS;",
      "SET 'auto.offset.reset' = 'earliest';",
      "SELECT * FROM s EMIT CHANGES LIMIT 1;",
      "");

  @TempDir
  Path dir;

  @Test
  void scriptCreatesInsertsListsAndQueries() throws Exception {
    Path script = Files.writeString(dir.resolve("script.sql"), SCRIPT);
    try (SluiceServer server = startServer(dir.resolve("data"))) {
      String url = server.url();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();

      int status = SluiceCli.run(new String[] {url, "--query-timeout", "120000", "-f", script.toString()},
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

      String printed = out.toString(StandardCharsets.UTF_8);
      assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
      assertThat(status).as(printed).isZero();
      assertThat(printed).contains(" Message\n", "Stream created");
      assertThat(printed).containsPattern("(?m)^ Stream Name +\\| Kafka Topic +\\| Key Format +\\| Value Format +\\| Windowed$");
      assertThat(printed).containsPattern("(?m)^ S +\\| s +\\| KAFKA +\\| JSON +\\| false$");
      assertThat(printed).contains(
          "Successfully changed local property 'auto.offset.reset' to 'earliest'.",
          "+----------------+----------------+--------------+\n"
              + "|ID              |PAGE            |SCORE         |\n"
              + "+----------------+----------------+--------------+\n"
              + "|u1              |/home           |0.5           |\n"
              + "+----------------+----------------+--------------+\n");
      assertThat(printed).endsWith("Query terminated\n");
    }
  }

  /** A server in local mode on ephemeral ports, its data under {@code dataDir}. */
  private static SluiceServer startServer(Path dataDir) {
    return SluiceServer.start(ServerConfig.defaults()
        .with(ServerConfig.LISTENERS, "http://127.0.0.1:0")
        .with(ServerConfig.DATA_DIR, dataDir.toString())
        .with(ServerConfig.LOCAL_KAFKA_PORT, 0)
        .with(ServerConfig.COMMIT_INTERVAL_MS, 100));
  }
}
