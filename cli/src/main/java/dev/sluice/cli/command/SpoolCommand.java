package dev.sluice.cli.command;

import dev.sluice.cli.CliSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;

/** {@code spool <file>|OFF}: copies everything the CLI prints to a file, until {@code spool OFF}. */
final class SpoolCommand extends CliCommand {

  SpoolCommand() {
    super("spool(?:\\s+(.+))?");
  }

  @Override
  public boolean lineCommand() {
    return true;
  }

  @Override
  public String syntax() {
    return "spool <file> | spool OFF";
  }

  @Override
  public String description() {
    return "Copy all output to a file (appending), or stop.";
  }

  @Override
  public boolean execute(Matcher arguments, CliSession session) {
    String target = arguments.group(1);
    if (target == null) {
      Path file = session.console().spoolFile();
      session.console().println(file == null ? "Spooling is off." : "Spooling to " + file);
      return true;
    }
    target = target.trim();
    if (target.length() > 1 && target.startsWith("'") && target.endsWith("'")) {
      target = unquote(target.substring(1, target.length() - 1));
    }
    if (target.toUpperCase(Locale.ROOT).equals("OFF")) {
      Path file = session.console().stopSpool();
      session.console().println(file == null ? "Spooling was not on." : "Spooling to " + file + " stopped.");
      return true;
    }
    try {
      Path file = Path.of(target).toAbsolutePath();
      session.console().startSpool(file);
      session.console().println("Session will be spooled to " + file);
      return true;
    } catch (IOException | RuntimeException e) {
      session.console().error("Cannot spool to " + target + ": " + e.getMessage());
      return false;
    }
  }
}
