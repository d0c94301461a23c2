package dev.sluice.bench;

import dev.sluice.parser.ParsedStatement;
import dev.sluice.parser.SqlParser;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link SqlParser} on its own (lexing, the SLL parse with LL fallback, AST building), warm.
 *
 * <ul>
 *   <li>{@code script1000}: a generated 1,000-statement script ({@link Scripts}), milliseconds per script.
 *   <li>{@code slowViews}: the walking-skeleton CREATE STREAM ... AS SELECT alone, microseconds.
 *   <li>{@code windowedAggregation}: a longer statement (a windowed aggregation with LIKE, BETWEEN, HAVING), microseconds.
 *   <li>{@code showQueries}: the smallest statement, microseconds: the fixed cost per statement.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
public class ParseBenchmark {
  static final int STATEMENTS = 1_000;

  private String script;
  private String window;

  @Setup
  public void setUp() {
    script = Scripts.script(STATEMENTS);
    window = Scripts.statements(4).get(3);
    int parsed = SqlParser.parse(script).size();
    if (parsed != STATEMENTS) {
      throw new IllegalStateException("the script has " + parsed + " statements, not " + STATEMENTS);
    }
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public List<ParsedStatement> script1000() {
    return SqlParser.parse(script);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public List<ParsedStatement> slowViews() {
    return SqlParser.parse(Workload.QUERY);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public List<ParsedStatement> windowedAggregation() {
    return SqlParser.parse(window);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public List<ParsedStatement> showQueries() {
    return SqlParser.parse("SHOW QUERIES;");
  }

  /** Checks the setup and prints the script's size and its first statements, without measuring. */
  public static void main(String[] args) {
    String script = Scripts.script(STATEMENTS);
    System.out.printf(Locale.ROOT, "%d statements, %,d characters, %d lines%n", SqlParser.parse(script).size(),
        script.length(), script.lines().count());
    Scripts.statements(20).forEach(System.out::println);
  }
}
