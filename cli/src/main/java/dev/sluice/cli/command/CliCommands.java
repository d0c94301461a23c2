package dev.sluice.cli.command;

import dev.sluice.cli.CliSession;
import java.util.List;
import java.util.regex.Matcher;

/** The registry of every client-side command, in the order {@code help} lists them. */
public final class CliCommands {
  private final List<CliCommand> commands;

  public CliCommands(ScriptRunner scripts) {
    this.commands = List.of(new HelpCommand(this), new ClearCommand(), new HistoryCommand(),
        new VersionCommand(), new ServerCommand(), new OutputCommand(), new SpoolCommand(),
        new SetCliCommand(), new RunScriptCommand(scripts), new DefineCommand(), new UndefineCommand(),
        new ShowVariablesCommand(), new SetPropertyCommand(), new UnsetPropertyCommand(),
        new ExitCommand());
  }

  public List<CliCommand> all() {
    return commands;
  }

  /** Whether {@code line} is a console command that needs no {@code ;}. */
  public boolean isLineCommand(String line) {
    return find(line, true) != null;
  }

  /** Runs the console command on {@code line}; false if it is none or failed. */
  public boolean runLine(String line, CliSession session) {
    return run(find(line, true), line, session);
  }

  /** Whether a {@code ;}-terminated statement is one the CLI runs itself. */
  public boolean isStatementCommand(String statement) {
    return find(statement, false) != null;
  }

  /** Runs a client-side statement; false if it is none or failed. */
  public boolean runStatement(String statement, CliSession session) {
    return run(find(statement, false), statement, session);
  }

  private CliCommand find(String text, boolean line) {
    for (CliCommand command : commands) {
      if ((line ? command.lineCommand() : command.statement()) && command.match(text) != null) {
        return command;
      }
    }
    return null;
  }

  private static boolean run(CliCommand command, String text, CliSession session) {
    if (command == null) {
      return false;
    }
    Matcher arguments = command.match(text);
    return command.execute(arguments, session);
  }
}
