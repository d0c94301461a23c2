package dev.sluice.engine.runtime;

import dev.sluice.planner.aggregate.AggregateFunctions;
import dev.sluice.planner.plan.Aggregate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * EARLIEST_BY_OFFSET and LATEST_BY_OFFSET, with optional N (the N earliest / latest values, as an array)
 * and ignoreNulls (default true: null values are not taken). Each kept value is a struct {@code (SEQ, VAL)}
 * (ksqlDB's {@code STRUCT<SEQ BIGINT, VAL T>}): SEQ numbers the values in the order the aggregation
 * processed them, which is what lets two merged session windows keep the earliest or latest of both.
 *
 * <p>The single form's state is null until a value is taken, so that "no value yet" and "took a null" (with
 * ignoreNulls false) differ: EARLIEST_BY_OFFSET keeps a null it took first.
 */
final class OffsetAccumulators {
  /**
   * The sequence of processed values. It starts from the wall clock (in units of 2^-20 ms) so that it keeps
   * growing across restarts of the process, whose stored states carry the numbers of earlier runs; ksqlDB
   * starts from 0 in each run.
   */
  private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() << 20);

  private static final Comparator<Object> BY_SEQUENCE = Comparator.comparingLong(e -> (Long) ((Object[]) e)[0]);

  private OffsetAccumulators() {}

  static Accumulator of(Aggregate.Call call, int at) {
    boolean earliest = call.function().equals(AggregateFunctions.EARLIEST);
    boolean ignoreNulls = AggregateFunctions.ignoreNulls(call.literals());
    Optional<Integer> n = AggregateFunctions.offsetCount(call.literals());
    return n.isPresent() ? new Many(call.argument(), at, earliest, ignoreNulls, n.get())
        : new One(call.argument(), at, earliest, ignoreNulls);
  }

  private static Object[] sequenced(Object value) {
    return new Object[] {SEQUENCE.getAndIncrement(), value};
  }

  private static long seq(Object entry) {
    return (Long) ((Object[]) entry)[0];
  }

  /** The single-value form: one {@code (SEQ, VAL)} struct or null. */
  private static final class One extends Accumulator {
    private final int arg;
    private final boolean earliest;
    private final boolean ignoreNulls;

    One(int arg, int at, boolean earliest, boolean ignoreNulls) {
      super(at);
      this.arg = arg;
      this.earliest = earliest;
      this.ignoreNulls = ignoreNulls;
    }

    @Override
    void init(Object[] s) {
      s[at] = null;
    }

    @Override
    void add(Object[] row, Object[] s) {
      Object v = row[arg];
      if (v == null && ignoreNulls || earliest && s[at] != null) {
        return;
      }
      s[at] = sequenced(v);
    }

    @Override
    void merge(Object[] a, Object[] b, Object[] out) {
      Object x = a[at];
      Object y = b[at];
      if (x == null || y == null) {
        out[at] = x == null ? y : x;
      } else {
        boolean xFirst = seq(x) <= seq(y);
        out[at] = xFirst == earliest ? x : y;
      }
    }

    @Override
    Object result(Object[] s) {
      return s[at] == null ? null : ((Object[]) s[at])[1];
    }
  }

  /** The N form: up to N {@code (SEQ, VAL)} structs in sequence order. */
  private static final class Many extends Accumulator {
    private final int arg;
    private final boolean earliest;
    private final boolean ignoreNulls;
    private final int n;

    Many(int arg, int at, boolean earliest, boolean ignoreNulls, int n) {
      super(at);
      this.arg = arg;
      this.earliest = earliest;
      this.ignoreNulls = ignoreNulls;
      this.n = n;
    }

    @Override
    void init(Object[] s) {
      s[at] = List.of();
    }

    @Override
    void add(Object[] row, Object[] s) {
      Object v = row[arg];
      List<?> kept = (List<?>) s[at];
      if (v == null && ignoreNulls || earliest && kept.size() >= n) {
        return;
      }
      List<Object> copy = new ArrayList<>(Math.min(n, kept.size() + 1));
      copy.addAll(kept.subList(Math.max(0, kept.size() + 1 - n), kept.size()));
      copy.add(sequenced(v));
      s[at] = copy;
    }

    @Override
    void merge(Object[] a, Object[] b, Object[] out) {
      List<Object> all = new ArrayList<>((List<?>) a[at]);
      all.addAll((List<?>) b[at]);
      all.sort(BY_SEQUENCE);
      out[at] = all.size() <= n ? all : earliest ? new ArrayList<>(all.subList(0, n))
          : new ArrayList<>(all.subList(all.size() - n, all.size()));
    }

    @Override
    Object result(Object[] s) {
      List<?> kept = (List<?>) s[at];
      List<Object> values = new ArrayList<>(kept.size());
      for (Object entry : kept) {
        values.add(((Object[]) entry)[1]);
      }
      return values;
    }
  }
}
