package dev.sluice.cli.command;

import dev.sluice.cli.CliSession;
import java.util.regex.Matcher;
import org.jline.utils.InfoCmp;

/** {@code clear}: clears the terminal screen; does nothing without a terminal. */
final class ClearCommand extends CliCommand {

  ClearCommand() {
    super("clear");
  }

  @Override
  public boolean lineCommand() {
    return true;
  }

  @Override
  public String syntax() {
    return "clear";
  }

  @Override
  public String description() {
    return "Clear the screen.";
  }

  @Override
  public boolean execute(Matcher arguments, CliSession session) {
    if (session.terminal() != null) {
      session.terminal().puts(InfoCmp.Capability.clear_screen);
      session.terminal().flush();
    }
    return true;
  }
}
