package dev.sluice.cli.command;

import dev.sluice.cli.CliSession;
import java.util.regex.Matcher;

/** {@code exit} / {@code quit} (or Ctrl-D at the prompt): ends the CLI. */
final class ExitCommand extends CliCommand {

  ExitCommand() {
    super("exit|quit");
  }

  @Override
  public boolean lineCommand() {
    return true;
  }

  @Override
  public String syntax() {
    return "exit | quit";
  }

  @Override
  public String description() {
    return "Leave the CLI (Ctrl-D does the same).";
  }

  @Override
  public boolean execute(Matcher arguments, CliSession session) {
    session.requestExit();
    return true;
  }
}
