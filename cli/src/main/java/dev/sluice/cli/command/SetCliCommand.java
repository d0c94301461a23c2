package dev.sluice.cli.command;

import dev.sluice.cli.CliSession;
import java.util.regex.Matcher;

/**
 * {@code SET CLI COLUMN-WIDTH n}: fixes the width of query result columns (0 sizes them from the
 * column names and types again), as in ksqlDB's CLI.
 */
final class SetCliCommand extends CliCommand {

  SetCliCommand() {
    super("set\\s+cli\\s+column-width\\s+(\\d+)");
  }

  @Override
  public boolean lineCommand() {
    return true;
  }

  @Override
  public boolean statement() {
    return true;
  }

  @Override
  public String syntax() {
    return "SET CLI COLUMN-WIDTH <n>";
  }

  @Override
  public String description() {
    return "Fix the width of query result columns (0: automatic).";
  }

  @Override
  public boolean execute(Matcher arguments, CliSession session) {
    int width;
    try {
      width = Integer.parseInt(arguments.group(1));
    } catch (NumberFormatException e) {
      session.console().error("Column width out of range: " + arguments.group(1));
      return false;
    }
    session.setColumnWidth(width);
    session.console().println(width == 0 ? "Column width: automatic" : "Column width: " + width);
    return true;
  }
}
