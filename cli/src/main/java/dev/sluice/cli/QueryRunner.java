package dev.sluice.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.cli.render.RowTable;
import dev.sluice.cli.render.RowValues;
import dev.sluice.cli.rest.KsqlRestException;
import dev.sluice.cli.rest.QueryStream;
import dev.sluice.cli.rest.ServerUnreachableException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;

/**
 * Runs a {@code SELECT} or {@code PRINT} on {@code /query-stream} and prints each row the moment its
 * line arrives, so a push query shows its results live.
 *
 * <p>The query ends when the server ends the stream, when the row limit or the query timeout is
 * reached, or on Ctrl-C at the prompt. In the last three cases the CLI closes the stream and asks the
 * server to stop the query ({@code /close-query}); the CLI itself keeps running. An error line in the
 * stream ({@code {"error_code":..,"message":..}}) fails the statement.
 */
final class QueryRunner {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CliSession session;

  QueryRunner(CliSession session) {
    this.session = session;
  }

  /** Runs {@code sql} (ending with {@code ;}); returns false if it failed. */
  boolean run(String sql) {
    QueryStream stream;
    try {
      stream = session.client().streamQuery(sql, session.properties(), session.variables());
    } catch (KsqlRestException e) {
      StatementExecutor.printError(session, e);
      return false;
    } catch (ServerUnreachableException e) {
      session.console().error(e.getMessage());
      return false;
    }
    if (session.interactive()) {
      session.console().println("Press CTRL-C to interrupt");
    }
    Printer printer = new Printer();
    ScheduledExecutorService timer = startTimeout(stream);
    Terminal terminal = session.terminal();
    Terminal.SignalHandler previous = terminal == null ? null
        : terminal.handle(Terminal.Signal.INT, signal -> stream.close());
    try {
      printer.consume(stream);
    } finally {
      if (terminal != null) {
        terminal.handle(Terminal.Signal.INT, previous);
      }
      if (timer != null) {
        timer.shutdownNow();
      }
    }
    boolean endedByClient = stream.isClosed() || printer.limitReached;
    stream.close();
    if (endedByClient && printer.queryId != null) {
      try {
        session.client().closeQuery(printer.queryId);
      } catch (KsqlRestException | ServerUnreachableException e) {
        // the query may already be over (a pull query, a LIMIT); the stream is closed either way
      }
    }
    printer.finish();
    return printer.ok;
  }

  private ScheduledExecutorService startTimeout(QueryStream stream) {
    if (session.queryTimeoutMs() <= 0) {
      return null;
    }
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "sluice-query-timeout");
      thread.setDaemon(true);
      return thread;
    });
    timer.schedule(stream::close, session.queryTimeoutMs(), TimeUnit.MILLISECONDS);
    return timer;
  }

  /** Reads the stream and prints as it goes; remembers what {@link #run} needs afterwards. */
  private final class Printer {
    private final boolean tabular = session.output() == OutputFormat.TABULAR;
    private RowTable table;
    private String queryId;
    private long rows;
    private boolean limitReached;
    private boolean ok = true;

    void consume(QueryStream stream) {
      try {
        String line;
        while ((line = stream.nextLine()) != null) {
          if (!accept(line.trim())) {
            return;
          }
        }
      } catch (IOException e) {
        if (!stream.isClosed()) {
          session.console().error("The connection to the server was lost: " + e.getMessage());
          ok = false;
        }
      }
    }

    /** Handles one line; false when reading should stop. */
    private boolean accept(String line) {
      if (line.isEmpty()) {
        return true;
      }
      if (line.startsWith("[")) {
        return row(line);
      }
      JsonNode node = line.startsWith("{") ? parse(line) : null;
      if (node != null && node.has("columnNames")) {
        header(node, line);
      } else if (node != null && node.has("error_code")) {
        StatementExecutor.printError(session, new KsqlRestException(200,
            node.path("error_code").asInt(), node.path("message").asText(line), node));
        ok = false;
        return false;
      } else {
        // PRINT output and anything else the server chooses to say is shown as it comes
        session.console().println(line);
      }
      return true;
    }

    private void header(JsonNode header, String line) {
      queryId = header.path("queryId").isTextual() ? header.path("queryId").asText() : null;
      if (!tabular) {
        session.console().println(line);
        return;
      }
      table = new RowTable(texts(header.path("columnNames")), texts(header.path("columnTypes")),
          session.columnWidth());
      session.console().print(table.header());
    }

    private boolean row(String line) {
      if (tabular) {
        List<String> values;
        try {
          values = RowValues.parse(line);
        } catch (IOException e) {
          session.console().error("Unreadable row from the server: " + line);
          ok = false;
          return false;
        }
        if (table == null) { // no header: name the columns by position
          List<String> names = new ArrayList<>();
          for (int i = 1; i <= values.size(); i++) {
            names.add("COL" + i);
          }
          table = new RowTable(names, List.of(), session.columnWidth());
          session.console().print(table.header());
        }
        session.console().print(table.row(values));
      } else {
        session.console().println(line);
      }
      rows++;
      if (session.queryRowLimit() > 0 && rows >= session.queryRowLimit()) {
        limitReached = true;
        return false;
      }
      return true;
    }

    void finish() {
      if (!tabular) {
        return; // JSON output is the server's lines and nothing else
      }
      if (table != null) {
        session.console().print(table.footer());
      }
      if (limitReached) {
        session.console().println("Limit Reached");
      }
      if (ok && table != null) { // PRINT's lines have no table, and end without a word, as in ksqlDB's CLI
        session.console().println("Query terminated");
      }
    }

    private JsonNode parse(String line) {
      try {
        return JSON.readTree(line);
      } catch (JsonProcessingException e) {
        return null;
      }
    }

    private List<String> texts(JsonNode array) {
      List<String> texts = new ArrayList<>();
      for (JsonNode element : array) {
        texts.add(element.asText());
      }
      return texts;
    }
  }
}
