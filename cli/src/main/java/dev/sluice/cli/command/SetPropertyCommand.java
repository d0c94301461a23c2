package dev.sluice.cli.command;

import dev.sluice.cli.CliSession;
import java.util.regex.Matcher;

/**
 * {@code SET 'name' = 'value';}: sets a property for the statements and queries that follow. As in
 * ksqlDB's CLI it is kept client-side and sent as {@code streamsProperties} (to {@code /ksql}) and
 * {@code properties} (to {@code /query-stream}); the server validates it when it is used.
 */
final class SetPropertyCommand extends CliCommand {

  SetPropertyCommand() {
    super("set\\s+'((?:[^']|'')*)'\\s*=\\s*'((?:[^']|'')*)'");
  }

  @Override
  public boolean lineCommand() {
    return false;
  }

  @Override
  public String syntax() {
    return "SET '<property>' = '<value>';";
  }

  @Override
  public String description() {
    return "Set a property for later statements, e.g. 'auto.offset.reset'.";
  }

  @Override
  public boolean execute(Matcher arguments, CliSession session) {
    String name = unquote(arguments.group(1));
    String value = unquote(arguments.group(2));
    String previous = session.properties().put(name, value);
    if (previous == null) {
      session.console().println("Successfully changed local property '" + name + "' to '" + value
          + "'. Use the UNSET command to revert your change.");
    } else {
      session.console().println("Successfully changed local property '" + name + "' from '" + previous
          + "' to '" + value + "'.");
    }
    return true;
  }
}
