package dev.sluice.cli.command;

import dev.sluice.cli.CliSession;
import dev.sluice.cli.OutputFormat;
import java.util.regex.Matcher;

/** {@code output [TABULAR|JSON]}: shows or changes how results print. */
final class OutputCommand extends CliCommand {

  OutputCommand() {
    super("output(?:\\s+(\\S+))?");
  }

  @Override
  public boolean lineCommand() {
    return true;
  }

  @Override
  public String syntax() {
    return "output [TABULAR|JSON]";
  }

  @Override
  public String description() {
    return "Show or set the output format.";
  }

  @Override
  public boolean execute(Matcher arguments, CliSession session) {
    String format = arguments.group(1);
    if (format != null) {
      try {
        session.setOutput(OutputFormat.parse(format));
      } catch (IllegalArgumentException e) {
        session.console().error(e.getMessage());
        return false;
      }
    }
    session.console().println("Output format: " + session.output());
    return true;
  }
}
