package dev.sluice.cli;

import dev.sluice.cli.command.CliCommands;
import dev.sluice.cli.command.ScriptRunner;

/**
 * Runs a piece of input, whatever its source: a statement accepted at the prompt, the {@code -e}
 * text, a {@code -f} file or a {@code RUN SCRIPT} file. It splits the input with
 * {@link StatementSplitter}, runs console commands itself and hands statements to
 * {@link StatementExecutor}. The first failure ends the input (the prompt then waits for the next; a
 * script ends with status 1), so no statement runs after one it may depend on has failed.
 */
public final class InputProcessor implements ScriptRunner {
  private final CliSession session;
  private final CliCommands commands;
  private final StatementExecutor executor;

  public InputProcessor(CliSession session) {
    this.session = session;
    this.commands = new CliCommands(this);
    this.executor = new StatementExecutor(session, commands);
  }

  public CliCommands commands() {
    return commands;
  }

  /** Whether the prompt may accept {@code buffer} (no statement is left without its {@code ;}). */
  public boolean isComplete(String buffer) {
    return StatementSplitter.isComplete(buffer, commands::isLineCommand);
  }

  @Override
  public boolean run(String text) {
    for (StatementSplitter.Segment segment : StatementSplitter.segments(text, commands::isLineCommand)) {
      boolean ok = segment.kind() == StatementSplitter.Kind.LINE_COMMAND
          ? commands.runLine(segment.text(), session)
          : executor.execute(segment.text());
      if (!ok) {
        return false;
      }
      if (session.exitRequested()) {
        return true;
      }
    }
    return true;
  }
}
