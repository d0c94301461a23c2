package dev.sluice.bench;

import dev.sluice.parser.SqlParser;
import dev.sluice.parser.ast.Query;
import dev.sluice.parser.ast.Statement;
import dev.sluice.planner.function.FunctionRegistry;
import dev.sluice.planner.plan.PhysicalPlanner;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Warm planning of the walking-skeleton query ({@link Workload#QUERY}, a CREATE STREAM ... AS SELECT with a
 * filter and three projections) against a catalog holding one stream, exactly as the engine plans a persistent
 * query: a new {@link PhysicalPlanner} over the catalog and the built-in functions, then
 * {@code plan(query, true)} (Calcite conversion, optimization, physical steps, key check). Microseconds.
 *
 * <ul>
 *   <li>{@code plan}: the statement parsed once in setup; planning only.
 *   <li>{@code parseAndPlan}: text in, plan out: {@link SqlParser#parse} and then the same planning.
 * </ul>
 * For the first plan in a fresh JVM see {@link ColdStartBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlanBenchmark {
  private Query query;

  @Setup
  public void setUp() {
    query = query(Workload.QUERY);
    if (!plan(query).schema().toSql().equals("`USER_ID` STRING KEY, `PAGE` STRING, `SECS` DECIMAL(26, 6)")) {
      throw new IllegalStateException("unexpected plan: " + plan(query).schema().toSql());
    }
  }

  @Benchmark
  public PhysicalPlanner.PlannedQuery plan() {
    return plan(query);
  }

  @Benchmark
  public PhysicalPlanner.PlannedQuery parseAndPlan() {
    return plan(query(Workload.QUERY));
  }

  static Query query(String sql) {
    return ((Statement.CreateAsSelect) SqlParser.parse(sql).get(0).statement()).query();
  }

  static PhysicalPlanner.PlannedQuery plan(Query query) {
    return new PhysicalPlanner(Workload.CATALOG, FunctionRegistry.builtIn()).plan(query, true);
  }

  /** Checks the setup and prints the plan, without measuring. */
  public static void main(String[] args) {
    PhysicalPlanner.PlannedQuery planned = plan(query(Workload.QUERY));
    System.out.println(planned.optimizedPlan());
    System.out.println(planned.schema().toSql());
  }
}
