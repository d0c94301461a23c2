package dev.sluice.engine.runtime;

import dev.sluice.planner.aggregate.AggregateFunctions;
import dev.sluice.planner.plan.Aggregate;
import dev.sluice.planner.schema.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The aggregates that keep numbers: COUNT, SUM, AVG, MIN, MAX, SUM_LIST, STDDEV_SAMP (and its alias
 * STDDEV_SAMPLE) and CORRELATION. All skip null arguments, as ksqlDB.
 */
final class NumericAccumulators {
  private NumericAccumulators() {}

  static Accumulator of(Aggregate.Call call, int at) {
    List<SqlType> state = AggregateFunctions.stateTypes(call.function(), call.argumentTypes(), call.literals(),
        call.resultType());
    int arg = call.argument();
    switch (call.function()) {
      case "COUNT":
        return new Count(arg, at);
      case "SUM":
        return new Sum(arg, at, call.argumentType());
      case "AVG":
        return new Avg(arg, at, state.get(0));
      case "MIN":
        return new Extreme(arg, at, -1);
      case "MAX":
        return new Extreme(arg, at, 1);
      case "SUM_LIST":
        return new SumList(arg, at, call.resultType());
      case "CORRELATION":
        return new Correlation(arg, call.moreArguments().get(0), at);
      default:
        return new StdDev(arg, at, call.function().equals("STDDEV_SAMPLE"));
    }
  }

  /** COUNT(*) counts rows (argument -1), COUNT(x) non-null values. */
  private static final class Count extends Accumulator {
    private final int arg;

    Count(int arg, int at) {
      super(at);
      this.arg = arg;
    }

    @Override
    void init(Object[] s) {
      s[at] = 0L;
    }

    @Override
    void add(Object[] row, Object[] s) {
      if (arg < 0 || row[arg] != null) {
        s[at] = (Long) s[at] + 1;
      }
    }

    @Override
    void undo(Object[] row, Object[] s) {
      if (arg < 0 || row[arg] != null) {
        s[at] = (Long) s[at] - 1;
      }
    }

    @Override
    void merge(Object[] a, Object[] b, Object[] out) {
      out[at] = (Long) a[at] + (Long) b[at];
    }
  }

  /** SUM: of the argument's type, starting at zero. */
  private static final class Sum extends Accumulator {
    private final int arg;
    private final SqlType type;

    Sum(int arg, int at, SqlType type) {
      super(at);
      this.arg = arg;
      this.type = type;
    }

    @Override
    void init(Object[] s) {
      s[at] = zero(type);
    }

    @Override
    void add(Object[] row, Object[] s) {
      if (row[arg] != null) {
        s[at] = plus(s[at], row[arg], true, type);
      }
    }

    @Override
    void undo(Object[] row, Object[] s) {
      if (row[arg] != null) {
        s[at] = plus(s[at], row[arg], false, type);
      }
    }

    @Override
    void merge(Object[] a, Object[] b, Object[] out) {
      out[at] = plus(a[at], b[at], true, type);
    }
  }

  /** AVG: a sum (BIGINT for integers, else the argument's type) and a count; 0.0 for no values. */
  private static final class Avg extends Accumulator {
    private final int arg;
    private final SqlType sumType;

    Avg(int arg, int at, SqlType sumType) {
      super(at);
      this.arg = arg;
      this.sumType = sumType;
    }

    @Override
    void init(Object[] s) {
      s[at] = zero(sumType);
      s[at + 1] = 0L;
    }

    @Override
    void add(Object[] row, Object[] s) {
      if (row[arg] != null) {
        s[at] = plus(s[at], row[arg], true, sumType);
        s[at + 1] = (Long) s[at + 1] + 1;
      }
    }

    @Override
    void undo(Object[] row, Object[] s) {
      if (row[arg] != null) {
        s[at] = plus(s[at], row[arg], false, sumType);
        s[at + 1] = (Long) s[at + 1] - 1;
      }
    }

    @Override
    void merge(Object[] a, Object[] b, Object[] out) {
      out[at] = plus(a[at], b[at], true, sumType);
      out[at + 1] = (Long) a[at + 1] + (Long) b[at + 1];
    }

    @Override
    Object result(Object[] s) {
      long count = (Long) s[at + 1];
      return count == 0 ? 0.0 : ((Number) s[at]).doubleValue() / count;
    }
  }

  /** MIN (sign -1) and MAX (sign 1): null until the first non-null value. */
  private static final class Extreme extends Accumulator {
    private final int arg;
    private final int sign;

    Extreme(int arg, int at, int sign) {
      super(at);
      this.arg = arg;
      this.sign = sign;
    }

    @Override
    void init(Object[] s) {
      s[at] = null;
    }

    @Override
    void add(Object[] row, Object[] s) {
      Object v = row[arg];
      if (v != null && (s[at] == null || sign * AggValues.compare(v, s[at]) > 0)) {
        s[at] = v;
      }
    }

    @Override
    void merge(Object[] a, Object[] b, Object[] out) {
      out[at] = a[at] == null ? b[at] : b[at] == null ? a[at] : sign * AggValues.compare(b[at], a[at]) > 0 ? b[at]
          : a[at];
    }
  }

  /** SUM_LIST: the sum of the non-null elements of every array, of the elements' type. */
  private static final class SumList extends Accumulator {
    private final int arg;
    private final SqlType type;

    SumList(int arg, int at, SqlType type) {
      super(at);
      this.arg = arg;
      this.type = type;
    }

    @Override
    void init(Object[] s) {
      s[at] = zero(type);
    }

    @Override
    void add(Object[] row, Object[] s) {
      apply(row, s, true);
    }

    @Override
    void undo(Object[] row, Object[] s) {
      apply(row, s, false);
    }

    private void apply(Object[] row, Object[] s, boolean add) {
      if (row[arg] instanceof List<?> list) {
        Object sum = s[at];
        for (Object element : list) {
          if (element != null) {
            sum = plus(sum, element, add, type);
          }
        }
        s[at] = sum;
      }
    }

    @Override
    void merge(Object[] a, Object[] b, Object[] out) {
      out[at] = plus(a[at], b[at], true, type);
    }
  }

  /**
   * STDDEV_SAMPLE and STDDEV_SAMP: count, sum and the sum of squared deviations (M2), updated by the
   * Youngs-Cramer method as ksqlDB does, so that results agree; 0.0 for fewer than two values. STDDEV_SAMPLE
   * is the sample standard deviation, sqrt(M2 / (n - 1)); STDDEV_SAMP answers ksqlDB's older function's
   * result, M2 / (n - 1) without the root (the sample variance), which its functional tests pin.
   */
  private static final class StdDev extends Accumulator {
    private final int arg;
    private final boolean root;

    StdDev(int arg, int at, boolean root) {
      super(at);
      this.arg = arg;
      this.root = root;
    }

    @Override
    void init(Object[] s) {
      s[at] = 0L;
      s[at + 1] = 0.0;
      s[at + 2] = 0.0;
    }

    @Override
    void add(Object[] row, Object[] s) {
      if (row[arg] == null) {
        return;
      }
      double x = ((Number) row[arg]).doubleValue();
      long count = (Long) s[at] + 1;
      double sum = (Double) s[at + 1] + x;
      if (count > 1) {
        double delta = x * count - sum;
        s[at + 2] = (Double) s[at + 2] + delta * delta / (count * (double) (count - 1));
      }
      s[at] = count;
      s[at + 1] = sum;
    }

    @Override
    void undo(Object[] row, Object[] s) {
      if (row[arg] == null) {
        return;
      }
      double x = ((Number) row[arg]).doubleValue();
      long count = (Long) s[at];
      double sum = (Double) s[at + 1];
      if (count <= 1) {
        init(s);
        return;
      }
      double delta = x * count - sum;
      s[at] = count - 1;
      s[at + 1] = sum - x;
      s[at + 2] = (Double) s[at + 2] - delta * delta / (count * (double) (count - 1));
    }

    @Override
    void merge(Object[] a, Object[] b, Object[] out) {
      long n1 = (Long) a[at];
      long n2 = (Long) b[at];
      double m2 = (Double) a[at + 2] + (Double) b[at + 2];
      if (n1 > 0 && n2 > 0) {
        double d = (Double) a[at + 1] / n1 - (Double) b[at + 1] / n2;
        m2 += n1 * (double) n2 * d * d / (n1 + n2);
      }
      out[at] = n1 + n2;
      out[at + 1] = (Double) a[at + 1] + (Double) b[at + 1];
      out[at + 2] = m2;
    }

    @Override
    Object result(Object[] s) {
      long count = (Long) s[at];
      if (count < 2) {
        return 0.0;
      }
      double variance = Math.max(0.0, (Double) s[at + 2] / (count - 1));
      return root ? Math.sqrt(variance) : variance;
    }
  }

  /**
   * CORRELATION(x, y): Pearson's coefficient from the sums of x, y, x², y², xy and the count, the
   * single-pass formula ksqlDB uses (so NaN for fewer than two pairs or a constant column). Pairs with a
   * null are skipped.
   */
  private static final class Correlation extends Accumulator {
    private final int x;
    private final int y;

    Correlation(int x, int y, int at) {
      super(at);
      this.x = x;
      this.y = y;
    }

    @Override
    void init(Object[] s) {
      for (int i = 0; i < 5; i++) {
        s[at + i] = 0.0;
      }
      s[at + 5] = 0L;
    }

    @Override
    void add(Object[] row, Object[] s) {
      apply(row, s, 1);
    }

    @Override
    void undo(Object[] row, Object[] s) {
      apply(row, s, -1);
    }

    private void apply(Object[] row, Object[] s, int sign) {
      if (row[x] == null || row[y] == null) {
        return;
      }
      double vx = ((Number) row[x]).doubleValue();
      double vy = ((Number) row[y]).doubleValue();
      s[at] = (Double) s[at] + sign * vx;
      s[at + 1] = (Double) s[at + 1] + sign * vy;
      s[at + 2] = (Double) s[at + 2] + sign * vx * vx;
      s[at + 3] = (Double) s[at + 3] + sign * vy * vy;
      s[at + 4] = (Double) s[at + 4] + sign * vx * vy;
      s[at + 5] = (Long) s[at + 5] + sign;
    }

    @Override
    void merge(Object[] a, Object[] b, Object[] out) {
      for (int i = 0; i < 5; i++) {
        out[at + i] = (Double) a[at + i] + (Double) b[at + i];
      }
      out[at + 5] = (Long) a[at + 5] + (Long) b[at + 5];
    }

    @Override
    Object result(Object[] s) {
      double sumX = (Double) s[at];
      double sumY = (Double) s[at + 1];
      long count = (Long) s[at + 5];
      double numerator = count * (Double) s[at + 4] - sumX * sumY;
      double denominatorX = count * (Double) s[at + 2] - sumX * sumX;
      double denominatorY = count * (Double) s[at + 3] - sumY * sumY;
      return numerator / Math.sqrt(denominatorX * denominatorY);
    }
  }

  static Object zero(SqlType type) {
    switch (type.base()) {
      case INTEGER:
        return 0;
      case BIGINT:
        return 0L;
      case DOUBLE:
        return 0.0;
      case DECIMAL:
        return BigDecimal.ZERO.setScale(((SqlType.Decimal) type).scale());
      default:
        return null;
    }
  }

  static Object plus(Object sum, Object v, boolean add, SqlType type) {
    switch (type.base()) {
      case INTEGER: {
        int x = ((Number) v).intValue();
        return (Integer) sum + (add ? x : -x);
      }
      case BIGINT: {
        long x = ((Number) v).longValue();
        return (Long) sum + (add ? x : -x);
      }
      case DOUBLE: {
        double x = ((Number) v).doubleValue();
        return (Double) sum + (add ? x : -x);
      }
      case DECIMAL: {
        SqlType.Decimal d = (SqlType.Decimal) type;
        BigDecimal x = v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
        BigDecimal r = add ? ((BigDecimal) sum).add(x) : ((BigDecimal) sum).subtract(x);
        r = r.setScale(d.scale(), RoundingMode.HALF_UP);
        if (r.precision() - r.scale() > d.precision() - d.scale()) {
          // As ksqlDB: a sum that no longer fits its DECIMAL type fails the query rather than be wrong.
          throw new ArithmeticException("Numeric field overflow: A field with precision " + d.precision()
              + " and scale " + d.scale() + " must round to an absolute value less than 10^"
              + (d.precision() - d.scale()));
        }
        return r;
      }
      default:
        throw new IllegalStateException("Cannot sum " + type.sql());
    }
  }
}
