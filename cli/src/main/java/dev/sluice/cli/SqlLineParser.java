package dev.sluice.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Tells JLine when the prompt may accept what was typed: only once every statement ends with a
 * {@code ;} outside quotes and comments (or the line is a console command such as {@code help}).
 * Until then JLine shows the continuation prompt and keeps the statement in one history entry.
 *
 * <p>For completion it splits the line into words at blanks and SQL punctuation, without treating
 * backslashes or quotes specially, so typed SQL is never altered.
 */
final class SqlLineParser implements Parser {
  private final Predicate<String> complete;

  /** @param complete whether a buffer may be accepted */
  SqlLineParser(Predicate<String> complete) {
    this.complete = complete;
  }

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && !complete.test(line)) {
      throw new EOFError(-1, -1, "statement not terminated", ";");
    }
    return new Words(line, cursor);
  }

  /** The words of a line and the one under the cursor. */
  private static final class Words implements CompletingParsedLine {
    private final String line;
    private final int cursor;
    private final List<String> words = new ArrayList<>();
    private int wordIndex = -1;
    private int wordCursor;

    Words(String line, int cursor) {
      this.line = line;
      this.cursor = cursor;
      int start = -1;
      int endedBeforeCursor = 0;
      for (int i = 0; i <= line.length(); i++) {
        boolean separator = i == line.length() || isSeparator(line.charAt(i));
        if (!separator && start < 0) {
          start = i;
        }
        if (separator && start >= 0) {
          if (cursor >= start && cursor <= i) {
            wordIndex = words.size();
            wordCursor = cursor - start;
          } else if (i < cursor) {
            endedBeforeCursor++;
          }
          words.add(line.substring(start, i));
          start = -1;
        }
      }
      if (wordIndex < 0) { // the cursor is between words: complete an empty word there
        wordIndex = endedBeforeCursor;
        words.add(wordIndex, "");
        wordCursor = 0;
      }
    }

    private static boolean isSeparator(char c) {
      return Character.isWhitespace(c) || c == '(' || c == ')' || c == ',' || c == ';';
    }

    @Override
    public String word() {
      return words.get(wordIndex);
    }

    @Override
    public int wordCursor() {
      return wordCursor;
    }

    @Override
    public int wordIndex() {
      return wordIndex;
    }

    @Override
    public List<String> words() {
      return words;
    }

    @Override
    public String line() {
      return line;
    }

    @Override
    public int cursor() {
      return cursor;
    }

    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
      return candidate; // keywords need no quoting
    }

    @Override
    public int rawWordCursor() {
      return wordCursor;
    }

    @Override
    public int rawWordLength() {
      return word().length();
    }
  }
}
