package dev.sluice.cli.command;

import dev.sluice.cli.CliSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;

/**
 * {@code RUN SCRIPT 'file.sql'} (a statement, as in ksqlDB) or {@code run script file.sql} (a console
 * command): runs a file's statements and commands in this session, stopping at the first error.
 * Relative paths are relative to the directory the CLI was started in.
 */
final class RunScriptCommand extends CliCommand {
  private static final int MAX_DEPTH = 16;

  private final ScriptRunner scripts;
  private int depth;

  RunScriptCommand(ScriptRunner scripts) {
    super("run\\s+script\\s+(?:'((?:[^']|'')*)'|(\\S+))");
    this.scripts = scripts;
  }

  @Override
  public boolean lineCommand() {
    return true;
  }

  @Override
  public boolean statement() {
    return true;
  }

  @Override
  public String syntax() {
    return "RUN SCRIPT '<file>'";
  }

  @Override
  public String description() {
    return "Run the statements in a file.";
  }

  @Override
  public boolean execute(Matcher arguments, CliSession session) {
    String name = arguments.group(1) != null ? unquote(arguments.group(1)) : arguments.group(2);
    String text;
    try {
      text = Files.readString(Path.of(name), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      session.console().error("Cannot read script " + name + ": " + e.getMessage());
      return false;
    }
    if (depth >= MAX_DEPTH) {
      session.console().error("RUN SCRIPT is nested more than " + MAX_DEPTH + " deep; is a script running itself?");
      return false;
    }
    depth++;
    try {
      return scripts.run(text);
    } finally {
      depth--;
    }
  }
}
