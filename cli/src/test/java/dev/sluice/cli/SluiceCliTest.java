package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in {@code -f}/{@code -e} mode against {@link FakeKsqlServer}: what it sends, prints and exits with. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SluiceCliTest {
  private static final String CREATED = "[{\"@type\":\"currentStatus\",\"statementText\":\"CREATE STREAM ...\","
      + "\"commandId\":\"stream/S/create\",\"commandStatus\":{\"status\":\"SUCCESS\",\"message\":\"Stream created\"},"
      + "\"commandSequenceNumber\":2,\"warnings\":[]}]";
  private static final String STREAMS = "[{\"@type\":\"streams\",\"statementText\":\"SHOW STREAMS;\",\"streams\":["
      + "{\"type\":\"STREAM\",\"name\":\"S\",\"topic\":\"s\",\"keyFormat\":\"KAFKA\",\"valueFormat\":\"JSON\","
      + "\"isWindowed\":false}],\"warnings\":[]}]";
  private static final String HEADER = "{\"queryId\":\"transient_S_1\",\"columnNames\":[\"ID\",\"PAGE\",\"SCORE\"],"
      + "\"columnTypes\":[\"STRING\",\"STRING\",\"DOUBLE\"]}\n";
  private static final String CREATE_SQL =
      "CREATE STREAM s (id STRING KEY, page STRING, score DOUBLE) WITH (kafka_topic='s', value_format='JSON');";

  @TempDir
  Path dir;

  private FakeKsqlServer server;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws IOException {
    server = new FakeKsqlServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private int run(String... args) {
    String[] withServer = new String[args.length + 1];
    withServer[0] = server.url();
    System.arraycopy(args, 0, withServer, 1, args.length);
    return runWithoutServer(withServer);
  }

  private int runWithoutServer(String... args) {
    return SluiceCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path script(String text) throws IOException {
    return Files.writeString(dir.resolve("script.sql"), text);
  }

  /** Waits up to 10 s for a condition; how the fake server waits for the CLI to print. */
  private static boolean await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(10);
    }
    return false;
  }

  @Test
  void scriptPrintsTablesAndStreamsRowsAsTheyArrive() throws Exception {
    AtomicBoolean firstRowShownBeforeSecondSent = new AtomicBoolean();
    server.onKsql(CREATE_SQL, 200, CREATED)
        .onKsql("SHOW\n  STREAMS;", 200, STREAMS)
        .onQuery("SELECT * FROM s EMIT CHANGES;", chunks -> {
          chunks.write(HEADER);
          chunks.write("[\"u1\",\"/home\",0.12]\n");
          // the second row is only sent once the first is on the CLI's output: rows are not buffered
          firstRowShownBeforeSecondSent.set(await(() -> out().contains("|u1 ")));
          Thread.sleep(50);
          chunks.write("[\"u2\",");
          Thread.sleep(50);
          chunks.write("\"/a\",1E3]\n");
        });
    Path file = script("-- a small session\n" + CREATE_SQL + "\nSHOW\n  STREAMS;\n\nSELECT * FROM s EMIT CHANGES;\n");

    int status = run("-f", file.toString());

    assertThat(err()).isEmpty();
    assertThat(status).isZero();
    assertThat(firstRowShownBeforeSecondSent).isTrue();
    assertThat(out()).isEqualTo(String.join("\n",
        " Message",
        "----------------",
        " Stream created",
        "----------------",
        " Stream Name | Kafka Topic | Key Format | Value Format | Windowed",
        "------------------------------------------------------------------",
        " S           | s           | KAFKA      | JSON         | false",
        "------------------------------------------------------------------",
        "+----------------+----------------+--------------+",
        "|ID              |PAGE            |SCORE         |",
        "+----------------+----------------+--------------+",
        "|u1              |/home           |0.12          |",
        "|u2              |/a              |1E3           |",
        "+----------------+----------------+--------------+",
        "Query terminated",
        ""));
    assertThat(server.ksqlRequests).hasSize(2);
    assertThat(server.ksqlRequests.get(1).path("ksql").asText()).isEqualTo("SHOW\n  STREAMS;");
    assertThat(server.queryRequests.get(0).path("sql").asText()).isEqualTo("SELECT * FROM s EMIT CHANGES;");
    assertThat(server.accepts).containsExactly("application/vnd.ksql.v1+json", "application/vnd.ksql.v1+json",
        "application/vnd.ksqlapi.delimited.v1");
    assertThat(server.closedQueries).isEmpty(); // the server ended it
  }

  @Test
  void statementErrorStopsTheScriptWithStatusOne() throws Exception {
    server.onKsql("SHOW STREAMS;", 200, STREAMS)
        .onKsql("CREATE STREAM bad;", 400, "{\"@type\":\"statement_error\",\"error_code\":40001,"
            + "\"message\":\"line 1:18: Syntax error at or near ';'\",\"statementText\":\"CREATE STREAM bad;\"}");

    int status = run("-e", "SHOW STREAMS; CREATE STREAM bad; SHOW STREAMS;");

    assertThat(status).isEqualTo(1);
    assertThat(err()).isEqualTo("line 1:18: Syntax error at or near ';'\n");
    assertThat(out()).contains(" S           | s ");
    assertThat(server.ksqlRequests).hasSize(2);
  }

  @Test
  void rowLimitStopsAPushQueryAndClosesIt() throws Exception {
    server.onQuery("SELECT * FROM s EMIT CHANGES;", chunks -> {
      chunks.write(HEADER);
      for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
        chunks.write("[\"u" + i + "\",\"/p\",1.5]\n"); // fails once the CLI hangs up
        Thread.sleep(20);
      }
    });

    int status = run("--query-row-limit", "2", "-e", "SELECT * FROM s EMIT CHANGES;");

    assertThat(status).isZero();
    assertThat(out()).endsWith(String.join("\n",
        "|u0              |/p              |1.5           |",
        "|u1              |/p              |1.5           |",
        "+----------------+----------------+--------------+",
        "Limit Reached",
        "Query terminated",
        ""));
    assertThat(server.closedQueries).containsExactly("transient_S_1");
  }

  @Test
  void queryTimeoutEndsAPushQueryThatHasNoMoreRows() throws Exception {
    server.onQuery("SELECT * FROM s EMIT CHANGES;", chunks -> {
      chunks.write(HEADER);
      chunks.write("[\"u1\",\"/home\",0.5]\n");
      await(() -> !server.closedQueries.isEmpty());
    });

    long started = System.nanoTime();
    int status = run("--query-timeout", "300", "-e", "SELECT * FROM s EMIT CHANGES;");

    assertThat(status).isZero();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(300);
    assertThat(out()).contains("|u1 ").endsWith("+\nQuery terminated\n");
    assertThat(server.closedQueries).containsExactly("transient_S_1");
  }

  @Test
  void printShowsTheServersLinesAsTheyCome() throws Exception {
    server.onQuery("PRINT 'pageviews' FROM BEGINNING LIMIT 1;", chunks -> {
      chunks.write("Key format: KAFKA_STRING\n");
      chunks.write("Value format: JSON or KAFKA_STRING\n");
      chunks.write("rowtime: 2026/11/24 23:57:04.421 Z, key: u1, value: {\"PAGE\":\"/home\"}, partition: 0\n");
    });

    int status = run("-e", "PRINT 'pageviews' FROM BEGINNING LIMIT 1;");

    assertThat(status).isZero();
    assertThat(out()).isEqualTo(String.join("\n",
        "Key format: KAFKA_STRING",
        "Value format: JSON or KAFKA_STRING",
        "rowtime: 2026/11/24 23:57:04.421 Z, key: u1, value: {\"PAGE\":\"/home\"}, partition: 0",
        ""));
  }

  @Test
  void anErrorLineInTheStreamFailsTheQuery() throws Exception {
    server.onQuery("SELECT * FROM s;", chunks -> {
      chunks.write(HEADER);
      chunks.write("{\"@type\":\"generic_error\",\"error_code\":50000,\"message\":\"Query failed: boom\"}\n");
    });

    int status = run("-e", "SELECT * FROM s;");

    assertThat(status).isEqualTo(1);
    assertThat(err()).isEqualTo("Query failed: boom\n");
    assertThat(out()).doesNotContain("Query terminated");
  }

  @Test
  void aRejectedQueryFailsWithTheServersMessage() throws Exception {
    int status = run("-e", "SELECT nothing FROM nowhere;");

    assertThat(status).isEqualTo(1);
    assertThat(err()).isEqualTo("no such query\n");
  }

  @Test
  void variablesAndPropertiesAreKeptByTheCliAndSentWithEveryRequest() throws Exception {
    server.onKsql("SHOW STREAMS;", 200, STREAMS)
        .onQuery("SELECT * FROM ${src};", chunks -> chunks.write(HEADER));

    int status = run("-d", "src=s", "-e", "DEFINE who = 'it''s me'; SET 'auto.offset.reset' = 'earliest';"
        + " SHOW STREAMS; SELECT * FROM ${src}; UNDEFINE who; UNSET 'auto.offset.reset'; SHOW STREAMS;"
        + " SHOW VARIABLES;");

    assertThat(err()).isEmpty();
    assertThat(status).isZero();
    assertThat(server.ksqlRequests.get(0).path("sessionVariables").toString())
        .isEqualTo("{\"src\":\"s\",\"who\":\"it's me\"}");
    assertThat(server.ksqlRequests.get(0).path("streamsProperties").toString())
        .isEqualTo("{\"auto.offset.reset\":\"earliest\"}");
    assertThat(server.queryRequests.get(0).path("properties").toString())
        .isEqualTo("{\"auto.offset.reset\":\"earliest\"}");
    assertThat(server.queryRequests.get(0).path("sessionVariables").toString())
        .isEqualTo("{\"src\":\"s\",\"who\":\"it's me\"}");
    assertThat(server.ksqlRequests.get(1).path("sessionVariables").toString()).isEqualTo("{\"src\":\"s\"}");
    assertThat(server.ksqlRequests.get(1).path("streamsProperties").toString()).isEqualTo("{}");
    assertThat(out()).contains(
        "Successfully changed local property 'auto.offset.reset' to 'earliest'. Use the UNSET command to revert your change.\n",
        "Successfully unset local property 'auto.offset.reset' (value was 'earliest').\n",
        " Variable Name | Value\n"
            + "-----------------------\n"
            + " src           | s\n"
            + "-----------------------\n");
  }

  @Test
  void jsonOutputPrintsTheEntitiesAndRowsAsSent() throws Exception {
    server.onKsql("SHOW STREAMS;", 200, STREAMS)
        .onQuery("SELECT * FROM s;", chunks -> {
          chunks.write(HEADER);
          chunks.write("[\"u1\",\"/home\",0.12]\n");
        });

    int status = run("--output", "JSON", "-e", "SHOW STREAMS; SELECT * FROM s;");

    assertThat(status).isZero();
    assertThat(out()).startsWith("[ {\n  \"@type\" : \"streams\",\n")
        .endsWith("} ]\n" + HEADER + "[\"u1\",\"/home\",0.12]\n");
  }

  @Test
  void runScriptAndConsoleCommandsInAFile() throws Exception {
    server.onKsql("SHOW STREAMS;", 200, STREAMS);
    Path inner = Files.writeString(dir.resolve("inner.sql"), "SHOW STREAMS;\n");
    Path spool = dir.resolve("spool.txt");
    Path file = script("spool " + spool + "\nRUN SCRIPT '" + inner + "';\nspool off\noutput JSON\nversion\n"
        + "exit\nSHOW STREAMS;\n");

    int status = run("-f", file.toString());

    assertThat(err()).isEmpty();
    assertThat(status).isZero();
    assertThat(server.ksqlRequests).hasSize(1); // nothing after exit
    assertThat(out()).contains(" S           | s ", "Output format: JSON", "Server version: 9.9.9");
    assertThat(Files.readString(spool)).contains(" S           | s ").doesNotContain("Output format");
  }

  @Test
  void unreachableServerIsReportedWithItsAddress() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    int status = runWithoutServer("http://127.0.0.1:" + port, "-e", "SHOW STREAMS;");

    assertThat(status).isEqualTo(1);
    assertThat(err()).startsWith("Could not connect to the server at http://127.0.0.1:" + port + ": ");
  }

  @Test
  void wrongCommandLineExitsWithTwo() {
    int status = runWithoutServer("--bogus");

    assertThat(status).isEqualTo(2);
    assertThat(err()).startsWith("Error: Unknown option: --bogus\nUsage: sluice-cli");
  }
}
