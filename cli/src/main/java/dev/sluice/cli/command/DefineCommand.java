package dev.sluice.cli.command;

import dev.sluice.cli.CliSession;
import java.util.regex.Matcher;

/**
 * {@code DEFINE name = 'value';}: sets a session variable. Like ksqlDB's CLI, the variable lives in the
 * CLI and is sent as {@code sessionVariables} with every request; the server substitutes {@code ${name}}.
 */
final class DefineCommand extends CliCommand {

  DefineCommand() {
    super("define\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*'((?:[^']|'')*)'");
  }

  @Override
  public boolean lineCommand() {
    return false;
  }

  @Override
  public String syntax() {
    return "DEFINE <name> = '<value>';";
  }

  @Override
  public String description() {
    return "Set a variable, used as ${name} in statements.";
  }

  @Override
  public boolean execute(Matcher arguments, CliSession session) {
    session.variables().put(arguments.group(1), unquote(arguments.group(2)));
    return true;
  }
}
