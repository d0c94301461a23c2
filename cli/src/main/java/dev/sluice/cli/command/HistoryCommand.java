package dev.sluice.cli.command;

import dev.sluice.cli.CliSession;
import java.util.Locale;
import java.util.regex.Matcher;
import org.jline.reader.History;

/** {@code history}: prints the statements entered so far (kept in {@code ~/.sluice/history}). */
final class HistoryCommand extends CliCommand {

  HistoryCommand() {
    super("history");
  }

  @Override
  public boolean lineCommand() {
    return true;
  }

  @Override
  public String syntax() {
    return "history";
  }

  @Override
  public String description() {
    return "Show the command history (Ctrl-R searches it).";
  }

  @Override
  public boolean execute(Matcher arguments, CliSession session) {
    if (session.reader() == null) {
      return true;
    }
    StringBuilder out = new StringBuilder();
    for (History.Entry entry : session.reader().getHistory()) {
      out.append(String.format(Locale.ROOT, "%5d  %s%n", entry.index() + 1, entry.line()));
    }
    session.console().print(out.toString());
    return true;
  }
}
