package dev.sluice.cli;

import dev.sluice.cli.rest.KsqlRestClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;

/**
 * The state one CLI run keeps between statements: the server client, the output format, and what
 * ksqlDB's CLI keeps on the client side and sends with every request: properties set with
 * {@code SET 'k'='v'} (as {@code streamsProperties}/{@code properties}) and variables from
 * {@code DEFINE} or {@code -d} (as {@code sessionVariables}). Nothing here is stored on the server.
 */
public final class CliSession {
  private final KsqlRestClient client;
  private final Console console;
  private final boolean interactive;
  private final Map<String, String> properties = new LinkedHashMap<>();
  private final Map<String, String> variables = new LinkedHashMap<>();
  private final long queryRowLimit;
  private final long queryTimeoutMs;
  private OutputFormat output;
  private int columnWidth;
  private boolean exitRequested;
  private Terminal terminal;
  private LineReader reader;

  /**
   * @param queryRowLimit rows after which a query is stopped; 0 for no limit
   * @param queryTimeoutMs milliseconds after which a query is stopped; 0 for no timeout
   */
  public CliSession(KsqlRestClient client, Console console, boolean interactive, OutputFormat output,
      long queryRowLimit, long queryTimeoutMs) {
    this.client = client;
    this.console = console;
    this.interactive = interactive;
    this.output = output;
    this.queryRowLimit = queryRowLimit;
    this.queryTimeoutMs = queryTimeoutMs;
  }

  public KsqlRestClient client() {
    return client;
  }

  public Console console() {
    return console;
  }

  /** True at the prompt; false for {@code -e} and {@code -f}, where the first error ends the run. */
  public boolean interactive() {
    return interactive;
  }

  /** Client-side properties, sent with every request; insertion-ordered. */
  public Map<String, String> properties() {
    return properties;
  }

  /** Session variables, sent with every request; insertion-ordered. */
  public Map<String, String> variables() {
    return variables;
  }

  public long queryRowLimit() {
    return queryRowLimit;
  }

  public long queryTimeoutMs() {
    return queryTimeoutMs;
  }

  public OutputFormat output() {
    return output;
  }

  public void setOutput(OutputFormat output) {
    this.output = output;
  }

  /** The width of every query result column, or 0 to size columns from their names and types. */
  public int columnWidth() {
    return columnWidth;
  }

  public void setColumnWidth(int columnWidth) {
    this.columnWidth = columnWidth;
  }

  public boolean exitRequested() {
    return exitRequested;
  }

  public void requestExit() {
    this.exitRequested = true;
  }

  /** The interactive terminal, or null with {@code -e}/{@code -f}. */
  public Terminal terminal() {
    return terminal;
  }

  /** The interactive line reader (history lives there), or null with {@code -e}/{@code -f}. */
  public LineReader reader() {
    return reader;
  }

  void attach(Terminal terminal, LineReader reader) {
    this.terminal = terminal;
    this.reader = reader;
  }
}
