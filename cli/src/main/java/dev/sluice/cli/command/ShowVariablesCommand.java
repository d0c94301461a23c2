package dev.sluice.cli.command;

import dev.sluice.cli.CliSession;
import dev.sluice.cli.render.Table;
import java.util.Map;
import java.util.regex.Matcher;

/** {@code SHOW VARIABLES;}: the session variables, which only the CLI knows. */
final class ShowVariablesCommand extends CliCommand {

  ShowVariablesCommand() {
    super("(?:show|list)\\s+variables");
  }

  @Override
  public boolean lineCommand() {
    return false;
  }

  @Override
  public String syntax() {
    return "SHOW VARIABLES;";
  }

  @Override
  public String description() {
    return "List the variables.";
  }

  @Override
  public boolean execute(Matcher arguments, CliSession session) {
    Table table = Table.withHeader("Variable Name", "Value");
    for (Map.Entry<String, String> variable : session.variables().entrySet()) {
      table.row(variable.getKey(), variable.getValue());
    }
    session.console().print(table.render());
    return true;
  }
}
