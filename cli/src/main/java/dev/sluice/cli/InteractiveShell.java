package dev.sluice.cli;

import dev.sluice.cli.rest.KsqlRestException;
import dev.sluice.cli.rest.ServerInfo;
import dev.sluice.cli.rest.ServerUnreachableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The {@code sluice>} prompt: JLine line editing with multi-line statements, persistent history,
 * Ctrl-R search and keyword completion. Ctrl-C clears the line being typed (and stops a running query,
 * see {@link QueryRunner}); Ctrl-D, {@code exit} or {@code quit} leave. A server that cannot be reached
 * is reported but does not end the CLI: it may come up later, or {@code server <url>} may pick another.
 */
final class InteractiveShell {
  static final String PROMPT = "sluice> ";
  static final String CONTINUATION_PROMPT = "      > ";

  private final CliSession session;
  private final InputProcessor processor;
  private final Terminal terminal;
  private final Path historyFile;

  /** @param historyFile where history persists, or null to keep it in memory only */
  InteractiveShell(CliSession session, Terminal terminal, Path historyFile) {
    this.session = session;
    this.processor = new InputProcessor(session);
    this.terminal = terminal;
    this.historyFile = historyFile;
  }

  /** The default history file, {@code ~/.sluice/history}; null if its directory cannot be made. */
  static Path defaultHistoryFile() {
    try {
      Path directory = Path.of(System.getProperty("user.home"), ".sluice");
      Files.createDirectories(directory);
      return directory.resolve("history");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  int run() {
    LineReaderBuilder builder = LineReaderBuilder.builder()
        .appName("sluice")
        .terminal(terminal)
        .parser(new SqlLineParser(processor::isComplete))
        .completer(new KeywordCompleter())
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION_PROMPT)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' is SQL, not a history reference
        .option(LineReader.Option.CASE_INSENSITIVE, true);
    if (historyFile != null) {
      builder.variable(LineReader.HISTORY_FILE, historyFile);
    }
    LineReader reader = builder.build();
    session.attach(terminal, reader);
    printBanner();
    while (!session.exitRequested()) {
      String input;
      try {
        input = reader.readLine(PROMPT);
      } catch (UserInterruptException e) {
        continue;
      } catch (EndOfFileException e) {
        break;
      }
      processor.run(input);
    }
    try {
      reader.getHistory().save();
    } catch (IOException e) {
      session.console().error("Could not save the history to " + historyFile + ": " + e.getMessage());
    }
    session.console().stopSpool();
    session.console().println("Exiting Sluice.");
    return 0;
  }

  private void printBanner() {
    StringBuilder banner = new StringBuilder();
    banner.append("Sluice CLI ").append(Version.get()).append('\n');
    session.console().print(banner.toString());
    try {
      ServerInfo info = session.client().serverInfo();
      session.console().println("Server: " + session.client().server() + " (version " + info.version()
          + (info.status().isEmpty() ? "" : ", " + info.status()) + ")");
    } catch (ServerUnreachableException | KsqlRestException e) {
      session.console().error("WARNING: " + e.getMessage());
      session.console().println("Start the server, or point the CLI at another one with 'server <url>'.");
    }
    session.console().println("Type 'help' for the commands; statements end with ';'. Ctrl-D or 'exit' leaves.\n");
  }
}
