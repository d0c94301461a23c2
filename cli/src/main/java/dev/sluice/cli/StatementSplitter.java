package dev.sluice.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Cuts console or script input into the units the CLI runs: SQL statements ending at a {@code ;} that
 * lies outside string literals, quoted identifiers and comments, and CLI commands such as {@code help}
 * or {@code spool out.txt} that take a whole line and need no {@code ;}.
 *
 * <p>It exists so that the interactive prompt (which must know whether a buffer is complete before it
 * accepts it) and {@code -e}/{@code -f}/{@code RUN SCRIPT} (which run the same text at once) agree on
 * exactly one reading of the input. It understands {@code 'it''s'} strings, {@code "quoted"} and
 * {@code `back-quoted`} identifiers, {@code --} line comments and {@code /* *}{@code /} block comments;
 * it never changes the statement text it returns.
 */
public final class StatementSplitter {

  /** What a piece of input is. */
  public enum Kind {
    /** A CLI command that occupies its line, e.g. {@code server http://host:8088}. */
    LINE_COMMAND,
    /** A SQL statement (client-side ones such as {@code DEFINE} included). */
    STATEMENT
  }

  /**
   * One unit of input.
   *
   * @param text the command line or statement text, trimmed, without its terminating {@code ;}
   * @param terminated false only for a statement that reached the end of input without {@code ;}
   */
  public record Segment(Kind kind, String text, boolean terminated) {
  }

  private StatementSplitter() {
  }

  /** The SQL statements in {@code text}, each without its {@code ;}; a final unterminated one included. */
  public static List<String> statements(String text) {
    List<String> result = new ArrayList<>();
    for (Segment segment : segments(text, line -> false)) {
      result.add(segment.text());
    }
    return result;
  }

  /**
   * Splits {@code text} into segments. A line whose text (minus an optional trailing {@code ;}) the
   * predicate accepts is a {@link Kind#LINE_COMMAND}, but only where a statement could start.
   */
  public static List<Segment> segments(String text, Predicate<String> isLineCommand) {
    List<Segment> result = new ArrayList<>();
    int pos = 0;
    int length = text.length();
    while (true) {
      pos = skipInsignificant(text, pos);
      if (pos >= length) {
        return result;
      }
      int endOfLine = text.indexOf('\n', pos);
      String line = text.substring(pos, endOfLine < 0 ? length : endOfLine).trim();
      if (isLineCommand.test(stripSemicolon(line))) {
        result.add(new Segment(Kind.LINE_COMMAND, stripSemicolon(line), true));
        pos = endOfLine < 0 ? length : endOfLine + 1;
        continue;
      }
      int end = statementEnd(text, pos);
      if (end < 0) {
        String rest = text.substring(pos).trim();
        result.add(new Segment(Kind.STATEMENT, rest, false));
        return result;
      }
      String statement = text.substring(pos, end).trim();
      if (!statement.isEmpty()) {
        result.add(new Segment(Kind.STATEMENT, statement, true));
      }
      pos = end + 1;
    }
  }

  /** Whether every statement in {@code text} is terminated, i.e. the prompt may accept it. */
  public static boolean isComplete(String text, Predicate<String> isLineCommand) {
    for (Segment segment : segments(text, isLineCommand)) {
      if (!segment.terminated()) {
        return false;
      }
    }
    return true;
  }

  /** The index of the {@code ;} ending the statement that starts at {@code from}, or -1. */
  static int statementEnd(String text, int from) {
    int i = from;
    int length = text.length();
    while (i < length) {
      char c = text.charAt(i);
      if (c == ';') {
        return i;
      }
      if (c == '\'' || c == '"' || c == '`') {
        int close = text.indexOf(c, i + 1);
        if (close < 0) {
          return -1;
        }
        i = close + 1;
      } else if (startsLineComment(text, i) || startsBlockComment(text, i)) {
        i = skipComment(text, i);
      } else {
        i++;
      }
    }
    return -1;
  }

  /** The first position at or after {@code from} that is neither whitespace nor inside a comment. */
  static int skipInsignificant(String text, int from) {
    int i = from;
    int length = text.length();
    while (i < length) {
      if (Character.isWhitespace(text.charAt(i))) {
        i++;
      } else if (startsBlockComment(text, i) && text.indexOf("*/", i + 2) < 0) {
        break; // an unclosed comment is an unfinished statement, so the prompt keeps reading
      } else if (startsLineComment(text, i) || startsBlockComment(text, i)) {
        i = skipComment(text, i);
      } else {
        break;
      }
    }
    return i;
  }

  private static boolean startsLineComment(String text, int i) {
    return text.startsWith("--", i);
  }

  private static boolean startsBlockComment(String text, int i) {
    return text.startsWith("/*", i);
  }

  /** Skips the comment at {@code i}; an unclosed block comment runs to the end of input. */
  private static int skipComment(String text, int i) {
    if (startsLineComment(text, i)) {
      int newline = text.indexOf('\n', i);
      return newline < 0 ? text.length() : newline + 1;
    }
    int close = text.indexOf("*/", i + 2);
    return close < 0 ? text.length() : close + 2;
  }

  private static String stripSemicolon(String line) {
    String trimmed = line.trim();
    while (trimmed.endsWith(";")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1).trim();
    }
    return trimmed;
  }
}
