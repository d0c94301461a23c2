package dev.sluice.cli.command;

import dev.sluice.cli.CliSession;
import java.util.regex.Matcher;

/** {@code UNSET 'name';}: removes a property set with {@code SET}. */
final class UnsetPropertyCommand extends CliCommand {

  UnsetPropertyCommand() {
    super("unset\\s+'((?:[^']|'')*)'");
  }

  @Override
  public boolean lineCommand() {
    return false;
  }

  @Override
  public String syntax() {
    return "UNSET '<property>';";
  }

  @Override
  public String description() {
    return "Remove a property set with SET.";
  }

  @Override
  public boolean execute(Matcher arguments, CliSession session) {
    String name = unquote(arguments.group(1));
    String previous = session.properties().remove(name);
    if (previous == null) {
      session.console().error("Cannot unset local property '" + name + "' which was never set");
      return false;
    }
    session.console().println("Successfully unset local property '" + name + "' (value was '" + previous + "').");
    return true;
  }
}
