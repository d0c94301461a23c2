package dev.sluice.bench;

import dev.sluice.engine.codegen.CalcCompiler;
import dev.sluice.engine.codegen.RowFunction;
import dev.sluice.engine.runtime.StreamDataContext;
import dev.sluice.parser.SqlParser;
import dev.sluice.parser.ast.Statement;
import dev.sluice.planner.function.FunctionRegistry;
import dev.sluice.planner.plan.PhysicalPlanner;
import dev.sluice.planner.plan.StreamCalc;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.DataContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Only the expressions of the walking-skeleton query: the {@link RowFunction} that {@link CalcCompiler}
 * generates for its filter + projection, applied to pre-built input rows, versus a hand-written lambda of
 * the same shape doing the same work. One operation is one input row (about half pass the filter).
 *
 * <p>{@code compiled} and {@code handWritten} reuse one output array, so they measure the expression code
 * alone. {@code compiledAsCalcProcessor} adds what the engine's Calc processor does around the call for
 * each record: a fresh output array and rescaling DECIMAL columns to their declared scale.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CalcBenchmark {
  static final int ROWS = Workload.RECORDS;

  private static final BigDecimal THOUSAND = new BigDecimal("1000.0");

  /** The hand-written equivalent: null-safe like SQL, the same types as the generated code produces. */
  static final RowFunction HAND_WRITTEN = (root, in, out) -> {
    Long duration = (Long) in[2];
    if (duration == null || duration <= 100) {
      return false;
    }
    String page = (String) in[1];
    out[0] = in[0];
    out[1] = page == null ? null : page.toUpperCase(Locale.ROOT);
    out[2] = BigDecimal.valueOf(duration).divide(THOUSAND, 6, RoundingMode.HALF_UP);
    return true;
  };

  private Object[][] rows;
  private RowFunction compiled;
  private RowFunction handWritten;
  private int width;
  private int[] decimalColumns;
  private int[] decimalScales;
  private final DataContext root = new StreamDataContext();
  private Object[] out;

  @Setup(Level.Trial)
  public void setUp() {
    StreamCalc calc = calc();
    CalcCompiler.Compiled c = new CalcCompiler(FunctionRegistry.builtIn(), getClass().getClassLoader()).compile(calc);
    compiled = c.newInstance();
    handWritten = HAND_WRITTEN;
    List<Column> columns = calc.schema().columns();
    width = columns.size();
    decimalColumns = java.util.stream.IntStream.range(0, width)
        .filter(i -> columns.get(i).type().base() == SqlType.BaseType.DECIMAL).toArray();
    decimalScales = Arrays.stream(decimalColumns)
        .map(i -> ((SqlType.Decimal) columns.get(i).type()).scale()).toArray();
    rows = rows();
    out = new Object[width];
    verify(c.source());
  }

  /** The StreamCalc of the query, as the engine plans it. */
  static StreamCalc calc() {
    var stmt = (Statement.CreateAsSelect) SqlParser.parse(Workload.QUERY).get(0).statement();
    var planned = new PhysicalPlanner(Workload.CATALOG, FunctionRegistry.builtIn()).plan(stmt.query(), true);
    if (!(planned.root() instanceof StreamCalc calc)) {
      throw new IllegalStateException("Expected a StreamCalc at the root of the plan, got " + planned.root());
    }
    return calc;
  }

  /** Input rows in the source step's layout: key columns, value columns, ROWTIME, ROWPARTITION, ROWOFFSET. */
  static Object[][] rows() {
    List<Workload.Pageview> views = Workload.pageviews(ROWS);
    Object[][] rows = new Object[ROWS][];
    for (int i = 0; i < ROWS; i++) {
      Workload.Pageview v = views.get(i);
      rows[i] = new Object[] {v.userId(), v.page(), v.durationMs(), 1_767_225_600_000L + i, 0, (long) i};
    }
    return rows;
  }

  /** The compiled function, rescaled as the Calc processor rescales, must match the lambda on every row. */
  private void verify(String source) {
    int passed = 0;
    for (Object[] row : rows) {
      Object[] a = new Object[width];
      Object[] b = new Object[width];
      boolean pa = calcProcessor(row, a);
      boolean pb = handWritten.apply(root, row, b);
      if (pa != pb || (pa && !Arrays.equals(a, b))) {
        throw new IllegalStateException("Compiled and hand-written differ on " + Arrays.toString(row) + ": "
            + pa + " " + Arrays.toString(a) + " vs " + pb + " " + Arrays.toString(b) + "\n" + source);
      }
      passed += pa ? 1 : 0;
    }
    System.out.printf("# verified: %d of %d rows pass, identical output; output width %d, decimal columns %s%n",
        passed, rows.length, width, Arrays.toString(decimalColumns));
  }

  /** What TopologyBuilder's Calc processor does per record (less the processing log on an exception). */
  private boolean calcProcessor(Object[] in, Object[] out) {
    if (!compiled.apply(root, in, out)) {
      return false;
    }
    for (int i = 0; i < decimalColumns.length; i++) {
      Object v = out[decimalColumns[i]];
      if (v != null) {
        out[decimalColumns[i]] = ((BigDecimal) v).setScale(decimalScales[i], RoundingMode.HALF_UP);
      }
    }
    return true;
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void compiled(Blackhole bh) {
    Object[] o = out;
    for (Object[] row : rows) {
      if (compiled.apply(root, row, o)) {
        bh.consume(o[1]);
        bh.consume(o[2]);
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void compiledAsCalcProcessor(Blackhole bh) {
    for (Object[] row : rows) {
      Object[] o = new Object[width];
      if (calcProcessor(row, o)) {
        bh.consume(o);
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void handWritten(Blackhole bh) {
    Object[] o = out;
    for (Object[] row : rows) {
      if (handWritten.apply(root, row, o)) {
        bh.consume(o[1]);
        bh.consume(o[2]);
      }
    }
  }

  /** Prints the generated source: {@code java -cp ... dev.sluice.bench.CalcBenchmark}. */
  public static void main(String[] args) {
    System.out.println(new CalcCompiler(FunctionRegistry.builtIn(), CalcBenchmark.class.getClassLoader())
        .compile(calc()).source());
    CalcBenchmark b = new CalcBenchmark();
    b.setUp();
  }
}
