package dev.sluice.parser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Not a test: a measurement of the two-stage parse, run by hand.
 *
 * <pre>
 *   cd sql-parser && mvn -o -q test-compile && java -cp target/classes:target/test-classes:$(find ~/.m2 -name 'antlr4-runtime-*.jar' | head -1) \
 *       dev.sluice.parser.ParseSpeed [../../shared/qtt]
 * </pre>
 *
 * Concatenates every statement of the QTT corpus's positive cases into one script (about 3,200 statements),
 * parses its first 1,000 statements and then all of it with {@link SqlParser#parse} in a fresh JVM (cold: the
 * JIT has not run and the ANTLR caches start empty), then again after warming up, and prints statements per second. It also parses each statement in SLL mode alone and
 * counts those that SLL rejects but LL accepts: each of those pays for a second parse, and a high count
 * would point at an ambiguity in the grammar that SLL cannot resolve.
 */
public final class ParseSpeed {
  private ParseSpeed() {}

  public static void main(String[] args) throws IOException {
    Path shared = Paths.get(args.length > 0 ? args[0] : "../../shared/qtt");
    List<String> statements = new ArrayList<>();
    for (String folder : List.of("query-validation-tests", "rest-query-validation-tests")) {
      try (Stream<Path> files = Files.list(shared.resolve(folder))) {
        for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          Map<?, ?> root = (Map<?, ?>) MiniJson.parse(Files.readString(file, StandardCharsets.UTF_8));
          for (Object test : (List<?>) root.get("tests")) {
            Map<?, ?> testCase = (Map<?, ?>) test;
            if (testCase.containsKey("expectedException") || testCase.containsKey("expectedError")) {
              continue;
            }
            for (Object statement : (List<?>) testCase.get("statements")) {
              String sql = ((String) statement).replace("{FORMAT}", "JSON").strip();
              // DEFINE would change later statements of the concatenated script; keep each one self-contained.
              if (!sql.regionMatches(true, 0, "DEFINE", 0, 6) && !sql.regionMatches(true, 0, "UNDEFINE", 0, 8)) {
                statements.add(sql.endsWith(";") ? sql : sql + ";");
              }
            }
          }
        }
      }
    }
    String script = String.join("\n", statements);
    System.out.printf(Locale.ROOT, "%d statements, %d characters%n", statements.size(), script.length());

    List<String> thousand = statements.subList(0, Math.min(1000, statements.size()));
    String small = String.join("\n", thousand);
    long start = System.nanoTime();
    SqlParser.parse(small);
    report("cold, " + thousand.size() + "-statement script", thousand.size(), System.nanoTime() - start);
    start = System.nanoTime();
    int parsed = SqlParser.parse(script).size();
    report("then the whole script", parsed, System.nanoTime() - start);

    for (int i = 0; i < 20; i++) {
      SqlParser.parse(script);
    }
    int rounds = 10;
    start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      parsed = SqlParser.parse(script).size();
    }
    report("warm, whole script (mean of " + rounds + ")", parsed, (System.nanoTime() - start) / rounds);
    start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      SqlParser.parse(small);
    }
    report("warm, " + thousand.size() + "-statement script", thousand.size(), (System.nanoTime() - start) / rounds);

    int sllFailures = 0;
    for (String sql : statements) {
      if (!parsesInSll(sql)) {
        sllFailures++;
        System.out.println("  SLL failed, LL needed: " + sql);
      }
    }
    System.out.printf(Locale.ROOT, "SLL fallbacks to LL: %d of %d statements%n", sllFailures, statements.size());
  }

  private static boolean parsesInSll(String sql) {
    SluiceLexer lexer = new SluiceLexer(CharStreams.fromString(VariableSubstitutor.substitute(sql, Map.of())));
    lexer.removeErrorListeners();
    SluiceParser parser = new SluiceParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    try {
      parser.singleStatement();
      return true;
    } catch (ParseCancellationException e) {
      return false;
    }
  }

  private static void report(String what, int statements, long nanos) {
    double seconds = nanos / 1e9;
    System.out.printf(Locale.ROOT, "%-40s %5d statements in %7.1f ms = %,10.0f statements/s%n", what, statements,
        seconds * 1e3, statements / seconds);
  }
}
