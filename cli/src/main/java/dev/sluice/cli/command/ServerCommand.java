package dev.sluice.cli.command;

import dev.sluice.cli.CliSession;
import dev.sluice.cli.rest.KsqlRestException;
import dev.sluice.cli.rest.ServerInfo;
import dev.sluice.cli.rest.ServerUnreachableException;
import java.util.regex.Matcher;

/**
 * {@code server [url]}: shows the server the CLI talks to, or switches to another. The switch happens
 * even when the new server does not answer yet (with a warning), so a server that is still starting can
 * be selected.
 */
final class ServerCommand extends CliCommand {

  ServerCommand() {
    super("server(?:\\s+(\\S+))?");
  }

  @Override
  public boolean lineCommand() {
    return true;
  }

  @Override
  public String syntax() {
    return "server [<url>]";
  }

  @Override
  public String description() {
    return "Show the server address, or switch to another server.";
  }

  @Override
  public boolean execute(Matcher arguments, CliSession session) {
    String url = arguments.group(1);
    if (url == null) {
      session.console().println("Server: " + session.client().server());
      return true;
    }
    try {
      session.client().setServer(url);
    } catch (IllegalArgumentException e) {
      session.console().error(e.getMessage());
      return false;
    }
    session.console().println("Server: " + session.client().server());
    try {
      ServerInfo info = session.client().serverInfo();
      session.console().println("Server version: " + info.version() + " (status: " + info.status() + ")");
    } catch (KsqlRestException | ServerUnreachableException e) {
      session.console().error("WARNING: " + e.getMessage());
    }
    return true;
  }
}
