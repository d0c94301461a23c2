package dev.sluice.cli.command;

import dev.sluice.cli.CliSession;
import java.util.Locale;
import java.util.regex.Matcher;

/** {@code help}: lists the client-side commands; SQL statements are documented in the SQL reference. */
final class HelpCommand extends CliCommand {
  private final CliCommands commands;

  HelpCommand(CliCommands commands) {
    super("help|\\?");
    this.commands = commands;
  }

  @Override
  public boolean lineCommand() {
    return true;
  }

  @Override
  public String syntax() {
    return "help";
  }

  @Override
  public String description() {
    return "Show this list.";
  }

  @Override
  public boolean execute(Matcher arguments, CliSession session) {
    StringBuilder out = new StringBuilder();
    out.append("SQL statements end with ';' and may span several lines. SELECT and PRINT stream their\n")
        .append("results; press Ctrl-C to stop a push query. Client-side commands:\n\n");
    for (CliCommand command : commands.all()) {
      out.append(String.format(Locale.ROOT, "  %-34s %s%n", command.syntax(), command.description()));
    }
    session.console().print(out.toString());
    return true;
  }
}
