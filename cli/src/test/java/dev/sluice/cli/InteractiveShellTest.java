package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cli.rest.KsqlRestClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The prompt on a dumb JLine terminal fed from a string: multi-line input, history, Ctrl-C, exit. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InteractiveShellTest {
  private static final String STREAMS = "[{\"@type\":\"streams\",\"streams\":[{\"name\":\"S\",\"topic\":\"s\","
      + "\"keyFormat\":\"KAFKA\",\"valueFormat\":\"JSON\",\"isWindowed\":false}]}]";

  @TempDir
  Path dir;

  private FakeKsqlServer server;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private Terminal terminal;

  @BeforeEach
  void start() throws IOException {
    server = new FakeKsqlServer();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    if (terminal != null) {
      terminal.close();
    }
  }

  private int runShell(String url, String input) throws IOException {
    terminal = new DumbTerminal("test", "dumb", new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        output, StandardCharsets.UTF_8);
    Console console = new Console(terminal.writer(), terminal.writer(), false);
    CliSession session = new CliSession(new KsqlRestClient(url, null, null), console, true,
        OutputFormat.TABULAR, 0, 0);
    return new InteractiveShell(session, terminal, dir.resolve("history")).run();
  }

  private String output() {
    return output.toString(StandardCharsets.UTF_8);
  }

  @Test
  void multiLineStatementsRunOnceTerminatedAndGoToHistory() throws Exception {
    server.onKsql("SHOW\nSTREAMS;", 200, STREAMS);

    int status = runShell(server.url(), "SHOW\nSTREAMS;\nhelp\nexit\n");

    assertThat(status).isZero();
    assertThat(output()).contains("Server: " + server.url() + " (version 9.9.9, RUNNING)",
        " Stream Name | Kafka Topic |", " S           | s ", "SET CLI COLUMN-WIDTH <n>", "Exiting Sluice.");
    assertThat(Files.readString(dir.resolve("history"))).contains("SHOW\\nSTREAMS;", "help", "exit");
  }

  @Test
  void ctrlCStopsAPushQueryAndThePromptCarriesOn() throws Exception {
    server.onKsql("SHOW STREAMS;", 200, STREAMS)
        .onQuery("SELECT * FROM s EMIT CHANGES;", chunks -> {
          chunks.write("{\"queryId\":\"q1\",\"columnNames\":[\"ID\"],\"columnTypes\":[\"STRING\"]}\n");
          chunks.write("[\"u1\"]\n");
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
          while (!output().contains("|u1") && System.nanoTime() < deadline) {
            Thread.sleep(10);
          }
          terminal.raise(Terminal.Signal.INT); // what Ctrl-C does
          while (server.closedQueries.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
          }
        });

    int status = runShell(server.url(), "SELECT * FROM s EMIT CHANGES;\nSHOW STREAMS;\nexit\n");

    assertThat(status).isZero();
    assertThat(server.closedQueries).containsExactly("q1");
    assertThat(output()).contains("Press CTRL-C to interrupt", "|u1              |\n+----------------+\nQuery terminated\n",
        " S           | s ");
  }

  @Test
  void unreachableServerKeepsThePrompt() throws Exception {
    int status = runShell("http://127.0.0.1:1", "server " + server.url() + "\nexit\n");

    assertThat(status).isZero();
    assertThat(output()).contains("WARNING: Could not connect to the server at http://127.0.0.1:1",
        "Server: " + server.url(), "Server version: 9.9.9");
  }
}
