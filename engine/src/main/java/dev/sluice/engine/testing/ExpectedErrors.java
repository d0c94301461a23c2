package dev.sluice.engine.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether Sluice's error is the one a negative case expects. ksqlDB's messages are ksqlDB's own, so
 * an exact match cannot be required of another engine; the error must instead say the same thing in
 * substance:
 * <ol>
 *   <li>the same kind of failure: a rejected statement (ksqlDB's {@code ParseFailedException},
 *       {@code KsqlStatementException}, {@code KsqlException}) or a query failing on a record
 *       ({@code StreamsException});
 *   <li>the same subject: every name, quoted text, upper-case identifier (other than SQL keywords) and
 *       number that ksqlDB's message mentions also appears in Sluice's message as a word, and when ksqlDB's
 *       message names fewer than two such things, at least a third of its other words appear as well.
 *       Positions are not compared (ksqlDB numbers lines across the whole script of a test), and a syntax
 *       error matches any syntax error: where a parser stops and what it expected there are its own.
 *   <li>never an error saying that Sluice does not support something yet: ksqlDB's check was not reached.
 * </ol>
 * Whether Sluice's message also contains ksqlDB's text verbatim is reported apart.
 */
final class ExpectedErrors {
  private static final Pattern QUOTED = Pattern.compile("'([^']+)'|`([^`]+)`|\"([^\"]+)\"");
  /** Positions depend on how a harness feeds statements (ksqlDB numbers lines across a whole script). */
  private static final Pattern POSITION = Pattern.compile("(?i)line:? (\\d+)(:|, col: )(\\d+):?");
  private static final Pattern SYNTAX = Pattern.compile(
      "(?i)syntax error|mismatched input|extraneous input|no viable alternative|missing '.+' at");
  private static final Pattern IDENT = Pattern.compile("\\b[A-Z][A-Z0-9_]*[A-Z0-9_]\\b|\\b\\d+\\b");
  private static final Pattern WORD = Pattern.compile("[A-Za-z]{4,}");
  /** SQL keywords name a clause, which a position says as well; they are not what an error is about. */
  private static final Set<String> IGNORED_IDENTS = Set.of("KSQL", "KSQLDB", "SELECT", "FROM", "WHERE", "WITH",
      "CREATE", "STREAM", "TABLE", "INSERT", "INTO", "VALUES", "GROUP", "BY", "PARTITION", "HAVING", "WINDOW",
      "AS", "JOIN", "ON", "EMIT", "CHANGES", "FINAL", "AND", "OR", "NOT");
  private static final Set<String> STOP_WORDS = Set.of("this", "that", "with", "from", "have", "does", "must",
      "should", "were", "been", "into", "only", "when", "than", "which", "please", "either", "their", "there",
      "these", "will", "they", "them", "also", "while", "because", "cannot", "could", "would");

  private ExpectedErrors() {}

  /** The verdict on one error: whether it passes, whether ksqlDB's text is in it, and why it does not pass. */
  record Verdict(boolean passed, boolean ksqlText, String reason) {}

  static Verdict judge(TestCase.ExpectedError expected, Throwable error, CaseResult.Stage stage) {
    List<String> messages = messages(error);
    String all = String.join(" | ", messages);
    boolean ksqlText = expected.message() == null ? false : contains(messages, expected.message());
    if (expected.causeMessage() != null) {
      ksqlText = ksqlText && contains(messages, expected.causeMessage());
    }
    boolean runtimeExpected = expected.runtime();
    boolean runtimeActual = stage == CaseResult.Stage.EXECUTE;
    if (runtimeExpected != runtimeActual) {
      return new Verdict(false, ksqlText, "expected " + (runtimeExpected ? "the query to fail on a record"
          : "the statement to be rejected") + " (" + describe(expected) + "), but "
          + (runtimeActual ? "the query failed while processing: " : "the statement was rejected: ")
          + TestFiles.oneLine(all));
    }
    if (ksqlText) {
      return new Verdict(true, true, null);
    }
    if (all.contains("not supported yet")) {
      // Sluice stopped at a feature it does not have yet; whatever ksqlDB rejected was not checked.
      return new Verdict(false, false, "expected " + describe(expected) + ", but Sluice does not support the"
          + " statement yet: " + TestFiles.oneLine(all));
    }
    if (expected.message() == null) {
      return new Verdict(true, false, null);
    }
    String text = expected.message() + (expected.causeMessage() == null ? "" : " " + expected.causeMessage());
    if (SYNTAX.matcher(text).find()) {
      // Which token a parser stops at, and what it expected there, are the parser's own: a syntax error
      // is the same thing in substance as another syntax error of the same statement.
      return stage == CaseResult.Stage.PARSE ? new Verdict(true, false, null)
          : new Verdict(false, false, "expected a syntax error (" + describe(expected) + "), got: "
              + TestFiles.oneLine(all));
    }
    List<String> missing = new ArrayList<>();
    Set<String> subjects = subjects(text);
    for (String s : subjects) {
      if (!containsWord(all, s)) {
        missing.add(s);
      }
    }
    boolean wordsOk = true;
    if (subjects.size() < 2) {
      List<String> words = words(text);
      long present = words.stream().filter(w -> containsWord(all, w)).count();
      wordsOk = words.isEmpty() || present * 3 >= words.size();
    }
    if (missing.isEmpty() && wordsOk) {
      return new Verdict(true, false, null);
    }
    return new Verdict(false, false, "error differs: expected \"" + TestFiles.oneLine(text) + "\""
        + (missing.isEmpty() ? "" : " (missing " + missing + ")") + ", got \"" + TestFiles.oneLine(all) + "\"");
  }

  static String describe(TestCase.ExpectedError e) {
    String type = e.type() == null ? "" : e.type().substring(e.type().lastIndexOf('.') + 1);
    return type + (e.message() == null ? "" : ": " + TestFiles.oneLine(e.message()));
  }

  /** The names, quoted texts, identifiers, numbers and positions a message is about. */
  static Set<String> subjects(String message) {
    Set<String> out = new LinkedHashSet<>();
    Matcher q = QUOTED.matcher(message);
    StringBuilder rest = new StringBuilder();
    int last = 0;
    while (q.find()) {
      String s = q.group(1) != null ? q.group(1) : q.group(2) != null ? q.group(2) : q.group(3);
      if (!s.isBlank()) {
        out.add(s.strip());
      }
      rest.append(message, last, q.start()).append(' ');
      last = q.end();
    }
    rest.append(message.substring(last));
    Matcher id = IDENT.matcher(POSITION.matcher(rest).replaceAll(" "));
    while (id.find()) {
      if (!IGNORED_IDENTS.contains(id.group())) {
        out.add(id.group());
      }
    }
    return out;
  }

  /** The distinct ordinary words of a message: not quoted, not upper-case identifiers, not stop words. */
  private static List<String> words(String message) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = WORD.matcher(QUOTED.matcher(message).replaceAll(" "));
    while (m.find()) {
      String w = m.group();
      if (!w.equals(w.toUpperCase(Locale.ROOT)) && !STOP_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
        out.add(w.toLowerCase(Locale.ROOT));
      }
    }
    return new ArrayList<>(out);
  }

  private static boolean containsWord(String haystack, String word) {
    Pattern p = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(word) + "(?![A-Za-z0-9_])",
        Pattern.CASE_INSENSITIVE);
    return p.matcher(haystack).find();
  }

  private static boolean contains(List<String> messages, String expected) {
    String want = normalize(expected);
    return messages.stream().anyMatch(m -> normalize(m).contains(want));
  }

  private static String normalize(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  /** The messages of an error and its causes, outermost first. */
  static List<String> messages(Throwable error) {
    List<String> out = new ArrayList<>();
    Set<Throwable> seen = new java.util.HashSet<>();
    for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
      if (t.getMessage() != null && (out.isEmpty() || !out.get(out.size() - 1).equals(t.getMessage()))) {
        out.add(t.getMessage());
      }
    }
    if (out.isEmpty()) {
      out.add(error.getClass().getSimpleName());
    }
    return out;
  }
}
