package dev.sluice.cli;

import dev.sluice.cli.rest.KsqlRestClient;
import dev.sluice.cli.rest.KsqlRestException;
import dev.sluice.cli.rest.ServerUnreachableException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The {@code sluice-cli} entry point: parses the command line and either runs {@code -e}/{@code -f}
 * statements and exits, or opens the interactive prompt. Exit status: 0 on success, 1 when a statement
 * failed or the server could not be reached (with {@code -e}/{@code -f}), 2 for a wrong command line.
 */
public final class SluiceCli {
  /** Exit status: every statement succeeded. */
  public static final int OK = 0;
  /** Exit status: a statement failed or the server was not reachable. */
  public static final int FAILED = 1;
  /** Exit status: the command line was wrong. */
  public static final int USAGE = 2;

  private SluiceCli() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the CLI as {@code main} does, writing to the given streams; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CliOptions options;
    try {
      options = CliOptions.parse(args);
    } catch (CliOptions.UsageException e) {
      err.println("Error: " + e.getMessage());
      err.print(CliOptions.USAGE);
      err.flush();
      return USAGE;
    }
    if (options.help()) {
      out.print(CliOptions.USAGE);
      out.flush();
      return OK;
    }
    if (options.version()) {
      out.println("Sluice CLI " + Version.get());
      out.flush();
      return OK;
    }
    String password = options.password();
    if (options.user() != null && password == null) {
      if (System.console() == null) {
        err.println("Error: -u/--user needs -p/--password when there is no console to ask for it");
        return USAGE;
      }
      char[] typed = System.console().readPassword("Password for %s: ", options.user());
      password = typed == null ? "" : new String(typed);
    }
    KsqlRestClient client;
    try {
      client = new KsqlRestClient(options.server(), options.user(), password);
    } catch (IllegalArgumentException e) {
      err.println("Error: " + e.getMessage());
      return USAGE;
    }
    return options.batch() ? runBatch(options, client, out, err) : runInteractive(options, client, err);
  }

  private static int runBatch(CliOptions options, KsqlRestClient client, PrintStream out, PrintStream err) {
    Console console = new Console(writer(out), writer(err), false);
    String text = options.execute();
    if (text == null) {
      try {
        text = Files.readString(options.file(), StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        console.error("Cannot read " + options.file() + ": " + e.getMessage());
        return FAILED;
      }
    }
    CliSession session = new CliSession(client, console, false, options.output(), options.queryRowLimit(),
        options.queryTimeoutMs());
    session.variables().putAll(options.defines());
    try {
      client.serverInfo();
    } catch (ServerUnreachableException | KsqlRestException e) {
      console.error(e.getMessage());
      return FAILED;
    }
    boolean ok = new InputProcessor(session).run(text);
    console.stopSpool();
    return ok ? OK : FAILED;
  }

  private static int runInteractive(CliOptions options, KsqlRestClient client, PrintStream err) {
    Terminal terminal;
    try {
      terminal = TerminalBuilder.builder().name("sluice").system(true).build();
    } catch (IOException e) {
      err.println("Error: cannot open the terminal: " + e.getMessage());
      return FAILED;
    }
    try (terminal) {
      boolean color = !"dumb".equals(terminal.getType());
      Console console = new Console(terminal.writer(), terminal.writer(), color);
      CliSession session = new CliSession(client, console, true, options.output(), options.queryRowLimit(),
          options.queryTimeoutMs());
      session.variables().putAll(options.defines());
      return new InteractiveShell(session, terminal, InteractiveShell.defaultHistoryFile()).run();
    } catch (IOException e) {
      err.println("Error: " + e.getMessage());
      return FAILED;
    }
  }

  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }
}
