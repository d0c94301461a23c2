package dev.sluice.cli.command;

import dev.sluice.cli.CliSession;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command the CLI runs itself instead of sending it to the server. Two kinds exist, as in ksqlDB's
 * CLI: console commands ({@code help}, {@code server url}, ...) that take a whole line and need no
 * {@code ;}, and client-side statements ({@code DEFINE}, {@code SET 'k'='v'}, ...) that are SQL and end
 * with {@code ;} like any other statement. Each command is one class with its syntax as a pattern.
 */
public abstract class CliCommand {
  private final Pattern pattern;

  /** @param regex the whole command without its {@code ;}; matched case-insensitively */
  protected CliCommand(String regex) {
    this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  }

  /** The match of {@code text} against the command's syntax, or null if it is not this command. */
  public final Matcher match(String text) {
    Matcher matcher = pattern.matcher(text.trim());
    return matcher.matches() ? matcher : null;
  }

  /** True for a console command recognised on its own line without {@code ;}. */
  public abstract boolean lineCommand();

  /** True for a command that may also appear as a {@code ;}-terminated statement. */
  public boolean statement() {
    return !lineCommand();
  }

  /** The syntax as {@code help} shows it. */
  public abstract String syntax();

  /** One line on what the command does. */
  public abstract String description();

  /** Runs the command; returns false if it failed (and has said why). */
  public abstract boolean execute(Matcher arguments, CliSession session);

  /** Reads a {@code '...'} literal's content: {@code ''} stands for one quote. */
  protected static String unquote(String literal) {
    return literal == null ? null : literal.replace("''", "'");
  }
}
