package dev.sluice.bench;

import dev.sluice.parser.ParsedStatement;
import dev.sluice.parser.SqlParser;
import dev.sluice.parser.ast.Query;
import dev.sluice.planner.plan.PhysicalPlanner;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first statement in a fresh JVM: what a user waits for on the first statement after starting the server
 * or the CLI. Each measurement is one call in its own forked JVM (JMH {@code SingleShotTime}, no warm-up), so
 * class loading, static initialization (ANTLR's ATN, Calcite, the function registry) and the interpreter are
 * all in the figure. Milliseconds.
 *
 * <ul>
 *   <li>{@code firstParse}: the first {@link SqlParser#parse} of {@link Workload#QUERY}.
 *   <li>{@code firstPlan}: the first plan, the statement having been parsed once in setup (not measured), so
 *       the parser is loaded and the planner is cold.
 *   <li>{@code firstParseAndPlan}: both, nothing loaded before.
 * </ul>
 *
 * <p>{@link #main} does the same in the current JVM and also times the next few statements, to show how fast
 * the cost falls away.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(8)
public class ColdStartBenchmark {

  /** Holds the parsed query for {@code firstPlan}; a separate state so the other two benchmarks skip it. */
  @State(Scope.Benchmark)
  public static class Parsed {
    Query query;

    @Setup
    public void setUp() {
      query = PlanBenchmark.query(Workload.QUERY);
    }
  }

  @Benchmark
  public List<ParsedStatement> firstParse() {
    return SqlParser.parse(Workload.QUERY);
  }

  @Benchmark
  public PhysicalPlanner.PlannedQuery firstPlan(Parsed parsed) {
    return PlanBenchmark.plan(parsed.query);
  }

  @Benchmark
  public PhysicalPlanner.PlannedQuery firstParseAndPlan() {
    return PlanBenchmark.plan(PlanBenchmark.query(Workload.QUERY));
  }

  /** Run in a fresh JVM: times the first parse, the first plan, and the next ones. */
  public static void main(String[] args) {
    long t0 = System.nanoTime();
    Query query = PlanBenchmark.query(Workload.QUERY);
    long t1 = System.nanoTime();
    PlanBenchmark.plan(query);
    long t2 = System.nanoTime();
    System.out.printf(Locale.ROOT, "first parse %8.2f ms%nfirst plan  %8.2f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    for (int i = 2; i <= 5; i++) {
      long s = System.nanoTime();
      PlanBenchmark.plan(PlanBenchmark.query(Workload.QUERY));
      System.out.printf(Locale.ROOT, "parse + plan #%d %8.2f ms%n", i, (System.nanoTime() - s) / 1e6);
    }
  }
}
