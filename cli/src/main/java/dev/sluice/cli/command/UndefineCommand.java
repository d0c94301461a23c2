package dev.sluice.cli.command;

import dev.sluice.cli.CliSession;
import java.util.regex.Matcher;

/** {@code UNDEFINE name;}: removes a session variable; warns when there was none. */
final class UndefineCommand extends CliCommand {

  UndefineCommand() {
    super("undefine\\s+([A-Za-z_][A-Za-z0-9_]*)");
  }

  @Override
  public boolean lineCommand() {
    return false;
  }

  @Override
  public String syntax() {
    return "UNDEFINE <name>;";
  }

  @Override
  public String description() {
    return "Remove a variable.";
  }

  @Override
  public boolean execute(Matcher arguments, CliSession session) {
    String name = arguments.group(1);
    if (session.variables().remove(name) == null) {
      session.console().println("WARNING: Cannot undefine variable '" + name + "' which was never defined");
    }
    return true;
  }
}
