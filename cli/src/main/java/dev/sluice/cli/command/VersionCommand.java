package dev.sluice.cli.command;

import dev.sluice.cli.CliSession;
import dev.sluice.cli.Version;
import dev.sluice.cli.rest.KsqlRestException;
import dev.sluice.cli.rest.ServerUnreachableException;
import java.util.regex.Matcher;

/** {@code version}: the CLI's version and, when reachable, the server's. */
final class VersionCommand extends CliCommand {

  VersionCommand() {
    super("version");
  }

  @Override
  public boolean lineCommand() {
    return true;
  }

  @Override
  public String syntax() {
    return "version";
  }

  @Override
  public String description() {
    return "Show the CLI and server versions.";
  }

  @Override
  public boolean execute(Matcher arguments, CliSession session) {
    session.console().println("CLI version:    " + Version.get());
    try {
      session.console().println("Server version: " + session.client().serverInfo().version());
    } catch (KsqlRestException | ServerUnreachableException e) {
      session.console().println("Server version: unknown (" + e.getMessage() + ")");
    }
    return true;
  }
}
