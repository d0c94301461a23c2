package dev.sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sluice.planner.aggregate.AggregateFunctions;
import dev.sluice.planner.plan.Aggregate;
import dev.sluice.planner.schema.SqlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The state logic of each aggregate: add, undo, session merge and result, on one-call states. */
class AccumulatorTest {

  /** One call over input rows of one column (column 0), or two for CORRELATION / TOPK with a struct. */
  private static final class Harness {
    final Accumulator acc;
    final int width;

    Harness(String function, List<SqlType> args, List<Object> literals) {
      SqlType result = AggregateFunctions.resultType(function, args, literals).orElseThrow();
      List<Integer> more = new ArrayList<>();
      for (int i = 1; i < args.size(); i++) {
        more.add(i);
      }
      Aggregate.Call call = new Aggregate.Call(function, 0, args.get(0), result, more, args.subList(1, args.size()),
          literals);
      this.acc = Accumulator.of(call, 0);
      this.width = AggregateFunctions.stateTypes(function, args, literals, result).size();
    }

    Harness(String function, SqlType arg, Object... literals) {
      this(function, List.of(arg), List.of(literals));
    }

    Object[] init() {
      Object[] s = new Object[width];
      acc.init(s);
      return s;
    }

    Object[] add(Object[] state, Object... row) {
      Object[] s = state.clone();
      acc.add(row, s);
      return s;
    }

    Object[] undo(Object[] state, Object... row) {
      Object[] s = state.clone();
      acc.undo(row, s);
      return s;
    }

    Object[] addAll(Object... values) {
      Object[] s = init();
      for (Object v : values) {
        s = add(s, v);
      }
      return s;
    }

    Object[] merge(Object[] a, Object[] b) {
      Object[] s = a.clone();
      acc.merge(a, b, s);
      return s;
    }

    Object result(Object[] s) {
      return acc.result(s);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return (List<Object>) value;
  }

  @Test
  void collectListKeepsOrderAndNullsAndUndoesTheLastEqualEntry() {
    Harness h = new Harness("COLLECT_LIST", SqlType.INTEGER);
    Object[] s = h.addAll(1, null, 2, 1);
    assertThat(list(h.result(s))).containsExactly(1, null, 2, 1);
    Object[] before = s;
    s = h.undo(s, 1);
    assertThat(list(h.result(s))).containsExactly(1, null, 2);
    assertThat(list(h.result(before))).containsExactly(1, null, 2, 1); // states are never changed in place
    assertThat(list(h.result(h.undo(s, 7)))).containsExactly(1, null, 2);
  }

  @Test
  void collectListStopsAtTheLimit() {
    Harness h = new Harness("COLLECT_LIST", SqlType.INTEGER);
    Object[] s = h.init();
    for (int i = 0; i < AggregateFunctions.COLLECT_LIMIT + 10; i++) {
      s = h.add(s, i);
    }
    assertThat(list(h.result(s))).hasSize(AggregateFunctions.COLLECT_LIMIT).endsWith(999);
    assertThat(list(h.result(h.merge(s, h.addAll(-1))))).hasSize(AggregateFunctions.COLLECT_LIMIT);
  }

  @Test
  void collectSetComparesStructsByContent() {
    SqlType struct = new SqlType.Struct(List.of(new SqlType.Field("A", SqlType.STRING)));
    Harness h = new Harness("COLLECT_SET", struct);
    Object[] s = h.addAll(new Object[] {"x"}, new Object[] {"x"}, new Object[] {"y"});
    assertThat(list(h.result(s))).hasSize(2);
    Object[] merged = h.merge(s, h.addAll(new Object[] {"y"}, new Object[] {"z"}));
    assertThat(list(h.result(merged))).hasSize(3);
  }

  @Test
  void histogramCountsUndoesAndMerges() {
    Harness h = new Harness("HISTOGRAM", SqlType.STRING);
    Object[] s = h.addAll("a", "b", "a", null);
    assertThat(h.result(s)).isEqualTo(Map.of("a", 2L, "b", 1L));
    s = h.undo(s, "b");
    assertThat(h.result(s)).isEqualTo(Map.of("a", 2L));
    assertThat(h.result(h.merge(s, h.addAll("a", "c")))).isEqualTo(Map.of("a", 3L, "c", 1L));
  }

  @Test
  void topkKeepsTheLargestAndEarlierOfEqualValuesFirst() {
    Harness h = new Harness("TOPK", List.of(SqlType.INTEGER, SqlType.STRING), List.of(3));
    Object[] s = h.init();
    s = h.add(s, 0, "zero");
    s = h.add(s, 100, "one");
    s = h.add(s, 99, "two");
    s = h.add(s, null, "three");
    s = h.add(s, 100, "four");
    List<?> top = (List<?>) h.result(s);
    assertThat(top).hasSize(3);
    assertThat((Object[]) top.get(0)).containsExactly(100, "one");
    assertThat((Object[]) top.get(1)).containsExactly(100, "four");
    assertThat((Object[]) top.get(2)).containsExactly(99, "two");
  }

  @Test
  void topkMergesTwoSortedWindows() {
    Harness h = new Harness("TOPK", SqlType.DOUBLE, 3);
    Object[] merged = h.merge(h.addAll(5.0, 1.0), h.addAll(4.0, 5.0, 0.5));
    assertThat(list(h.result(merged))).containsExactly(5.0, 5.0, 4.0);
  }

  @Test
  void topkDistinctKeepsEachValueOnce() {
    Harness h = new Harness("TOPKDISTINCT", SqlType.BIGINT, 2);
    Object[] s = h.addAll(7L, 9L, 9L, 8L);
    assertThat(list(h.result(s))).containsExactly(9L, 8L);
    assertThat(list(h.result(h.merge(s, h.addAll(9L, 10L))))).containsExactly(10L, 9L);
  }

  @Test
  void earliestAndLatestByOffsetKeepSequenceAcrossMerges() {
    Harness earliest = new Harness("EARLIEST_BY_OFFSET", SqlType.INTEGER);
    Harness latest = new Harness("LATEST_BY_OFFSET", SqlType.INTEGER);
    Object[] e1 = earliest.addAll(null, 1, 2);
    Object[] l1 = latest.addAll(1, 2, null);
    Object[] e2 = earliest.addAll(3);
    Object[] l2 = latest.addAll(3);
    assertThat(earliest.result(e1)).isEqualTo(1);
    assertThat(latest.result(l1)).isEqualTo(2);
    // whichever order the windows come in, the sequence decides
    assertThat(earliest.result(earliest.merge(e2, e1))).isEqualTo(1);
    assertThat(latest.result(latest.merge(l2, l1))).isEqualTo(3);
    assertThat(earliest.result(earliest.init())).isNull();
  }

  @Test
  void earliestKeepsAFirstNullWhenNullsAreNotIgnored() {
    Harness h = new Harness("EARLIEST_BY_OFFSET", SqlType.INTEGER, false);
    assertThat(h.result(h.addAll(null, 5))).isNull();
    Harness latest = new Harness("LATEST_BY_OFFSET", SqlType.INTEGER, false);
    assertThat(latest.result(latest.addAll(5, null))).isNull();
  }

  @Test
  void nFormsKeepTheFirstOrLastN() {
    Harness earliest = new Harness("EARLIEST_BY_OFFSET", SqlType.STRING, 2);
    Harness latest = new Harness("LATEST_BY_OFFSET", SqlType.STRING, 2, false);
    assertThat(list(earliest.result(earliest.addAll("a", null, "b", "c")))).containsExactly("a", "b");
    assertThat(list(latest.result(latest.addAll("a", "b", null)))).containsExactly("b", null);
    Object[] first = latest.addAll("x");
    Object[] second = latest.addAll("y", "z");
    assertThat(list(latest.result(latest.merge(second, first)))).containsExactly("y", "z");
  }

  @Test
  void countDistinctIsExactForSmallCountsAndCloseForLargeOnes() {
    Harness h = new Harness("COUNT_DISTINCT", SqlType.STRING);
    assertThat(h.result(h.addAll("one", "two", "one", null, "two"))).isEqualTo(2L);
    Object[] s = h.init();
    Object[] other = h.init();
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      s = h.add(s, "v" + i);
      if (i % 2 == 0) {
        other = h.add(other, "v" + i);
      }
    }
    assertThat((Long) h.result(s)).isCloseTo(n, within((long) (n * 0.02)));
    // merging a subset changes nothing; a sparse state merges into a dense one
    assertThat(h.result(h.merge(s, other))).isEqualTo(h.result(s));
    assertThat(h.result(h.merge(h.addAll("a", "b"), h.addAll("b", "c")))).isEqualTo(3L);
  }

  @Test
  void stddevAddUndoAndMergeAgreeWithTheDirectFormula() {
    Harness h = new Harness("STDDEV_SAMPLE", SqlType.DOUBLE);
    double[] values = new double[50];
    Random random = new Random(7);
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextGaussian() * 10 + 3;
    }
    Object[] all = h.init();
    Object[] left = h.init();
    Object[] right = h.init();
    for (int i = 0; i < values.length; i++) {
      all = h.add(all, values[i]);
      if (i < 20) {
        left = h.add(left, values[i]);
      } else {
        right = h.add(right, values[i]);
      }
    }
    double expected = sampleStddev(values, values.length);
    assertThat((Double) h.result(all)).isCloseTo(expected, within(1e-9));
    assertThat((Double) h.result(h.merge(left, right))).isCloseTo(expected, within(1e-9));
    assertThat((Double) h.result(h.undo(all, values[49]))).isCloseTo(sampleStddev(values, 49), within(1e-9));
    assertThat(h.result(h.addAll(4.0))).isEqualTo(0.0);
    assertThat(h.result(h.addAll(0.0, 10.0))).isEqualTo(Math.sqrt(50));
  }

  @Test
  void stddevSampIsTheSampleVarianceAsInKsqlDbEvenForLargeLongs() {
    Harness h = new Harness("STDDEV_SAMP", SqlType.BIGINT);
    // (2147483648 - 100)^2 / 2, a value past INT that squares past LONG: exact in the double arithmetic
    assertThat(h.result(h.addAll(2_147_483_648L, 100L))).isEqualTo(2.3058427944653343e18);
    assertThat(h.result(h.addAll(500L, 100L, 0L, -6L))).isEqualTo(57275.666666666664);
    assertThat(h.result(h.addAll(500L, 100L, null))).isEqualTo(80000.0);
    assertThat(h.result(h.addAll(Long.MAX_VALUE))).isEqualTo(0.0);
    assertThat(h.result(h.init())).isEqualTo(0.0);
    Harness sample = new Harness("STDDEV_SAMPLE", SqlType.BIGINT);
    assertThat((Double) sample.result(sample.addAll(2_147_483_648L, 100L))).isCloseTo(1.5185001792773468e9,
        within(1e-6));
  }

  private static double sampleStddev(double[] values, int n) {
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += values[i] / n;
    }
    double squares = 0;
    for (int i = 0; i < n; i++) {
      squares += (values[i] - mean) * (values[i] - mean);
    }
    return Math.sqrt(squares / (n - 1));
  }

  @Test
  void correlationSkipsNullPairsAndUndoes() {
    Harness h = new Harness("CORRELATION", List.of(SqlType.DOUBLE, SqlType.BIGINT), List.of());
    Object[] s = h.init();
    assertThat((Double) h.result(s)).isNaN();
    s = h.add(s, 1.0, 2L);
    s = h.add(s, 2.0, 4L);
    s = h.add(s, null, 9L);
    assertThat((Double) h.result(s)).isCloseTo(1.0, within(1e-12));
    s = h.add(s, 3.0, 0L);
    assertThat((Double) h.result(s)).isLessThan(0.0);
    assertThat((Double) h.result(h.undo(s, 3.0, 0L))).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void attrIsTheSingleValueOrNull() {
    Harness h = new Harness("ATTR", SqlType.STRING);
    Object[] s = h.addAll("a", "a");
    assertThat(h.result(s)).isEqualTo("a");
    s = h.add(s, "b");
    assertThat(h.result(s)).isNull();
    assertThat(h.result(h.undo(s, "b"))).isEqualTo("a");
    assertThat(h.result(h.merge(h.addAll("a"), h.addAll("a")))).isEqualTo("a");
  }

  @Test
  void sumListAddsAndUndoesElements() {
    Harness h = new Harness("SUM_LIST", new SqlType.Array(SqlType.BIGINT));
    Object[] s = h.addAll(List.of(1L, 2L), null, java.util.Arrays.asList(3L, null));
    assertThat(h.result(s)).isEqualTo(6L);
    assertThat(h.result(h.undo(s, List.of(1L, 2L)))).isEqualTo(3L);
  }

  @Test
  void countSkipsNullsAndUndoesAndMerges() {
    Harness h = new Harness("COUNT", SqlType.STRING);
    assertThat(h.result(h.addAll("a", null, "b"))).isEqualTo(2L);
    assertThat(h.result(h.init())).isEqualTo(0L);
    assertThat(h.result(h.undo(h.addAll("a", "b"), "a"))).isEqualTo(1L);
    assertThat(h.result(h.undo(h.addAll("a"), (Object) null))).isEqualTo(1L);
    assertThat(h.result(h.merge(h.addAll("a"), h.addAll("b", "c")))).isEqualTo(3L);
  }

  @Test
  void sumKeepsTheArgumentTypeSkipsNullsAndWrapsIntegersAsKsqlDb() {
    Harness ints = new Harness("SUM", SqlType.INTEGER);
    assertThat(ints.result(ints.init())).isEqualTo(0);
    assertThat(ints.result(ints.addAll(1, null, 2))).isEqualTo(3);
    assertThat(ints.result(ints.undo(ints.addAll(1, 2), 2))).isEqualTo(1);
    assertThat(ints.result(ints.addAll(Integer.MAX_VALUE, 1))).isEqualTo(Integer.MIN_VALUE); // Java int arithmetic
    Harness doubles = new Harness("SUM", SqlType.DOUBLE);
    assertThat((Double) doubles.result(doubles.addAll(Double.NaN, 1.0))).isNaN();
    Harness decimals = new Harness("SUM", new SqlType.Decimal(4, 1));
    assertThat(decimals.result(decimals.addAll(new BigDecimal("500.9"), new BigDecimal("300.8"))))
        .isEqualTo(new BigDecimal("801.7"));
    assertThat(decimals.result(decimals.init())).isEqualTo(new BigDecimal("0.0"));
    // past DECIMAL(4, 1) the query fails, as in ksqlDB, rather than the sum being wrong
    Object[] full = decimals.addAll(new BigDecimal("999.9"));
    assertThatThrownBy(() -> decimals.add(full, new BigDecimal("0.1")))
        .isInstanceOf(ArithmeticException.class).hasMessageContaining("Numeric field overflow");
    assertThatThrownBy(() -> decimals.merge(full, full)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void avgIsZeroForNoValuesAndItsDecimalSumOutgrowsTheColumn() {
    Harness ints = new Harness("AVG", SqlType.INTEGER);
    assertThat(ints.result(ints.init())).isEqualTo(0.0);
    assertThat(ints.result(ints.addAll(1, null, 2))).isEqualTo(1.5);
    assertThat(ints.result(ints.addAll(Integer.MAX_VALUE, Integer.MAX_VALUE))).isEqualTo((double) Integer.MAX_VALUE);
    assertThat(ints.result(ints.undo(ints.addAll(1, 3), 3))).isEqualTo(1.0);
    Harness decimals = new Harness("AVG", new SqlType.Decimal(4, 1));
    Object[] s = decimals.init();
    for (int i = 0; i < 100; i++) {
      s = decimals.add(s, new BigDecimal("999.9"));
    }
    assertThat((Double) decimals.result(s)).isCloseTo(999.9, within(1e-9));
  }

  @Test
  void minAndMaxSkipNullsAndMergeWithAnEmptySide() {
    Harness min = new Harness("MIN", SqlType.STRING);
    Harness max = new Harness("MAX", SqlType.BIGINT);
    assertThat(min.result(min.addAll(null, "b", "B", null))).isEqualTo("B");
    assertThat(min.result(min.addAll((Object) null))).isNull();
    assertThat(max.result(max.addAll(Long.MIN_VALUE, null, -1L))).isEqualTo(-1L);
    assertThat(max.result(max.merge(max.init(), max.addAll(5L)))).isEqualTo(5L);
    assertThat(max.result(max.merge(max.addAll(7L), max.init()))).isEqualTo(7L);
    assertThat(max.result(max.init())).isNull();
  }
}
