package dev.sluice.engine.runtime;

import dev.sluice.planner.aggregate.AggregateFunctions;
import dev.sluice.planner.plan.Aggregate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The aggregates that gather values: COLLECT_LIST and COLLECT_SET (arrays of any element type, nulls
 * included, at most {@link AggregateFunctions#COLLECT_LIMIT} entries; later values are dropped silently, as
 * ksqlDB) and HISTOGRAM (a map from each distinct string to its count, at most
 * {@link AggregateFunctions#HISTOGRAM_LIMIT} distinct strings) and ATTR (the one value of the group, or
 * null when there is more than one).
 */
final class CollectionAccumulators {
  private CollectionAccumulators() {}

  static Accumulator of(Aggregate.Call call, int at) {
    switch (call.function()) {
      case AggregateFunctions.COLLECT_LIST:
        return new Collect(call.argument(), at, false, AggregateFunctions.COLLECT_LIMIT);
      case AggregateFunctions.COLLECT_SET:
        return new Collect(call.argument(), at, true, AggregateFunctions.COLLECT_LIMIT);
      case "ATTR":
        return new Attr(call.argument(), at);
      default:
        return new Histogram(call.argument(), at, AggregateFunctions.HISTOGRAM_LIMIT);
    }
  }

  /** COLLECT_LIST, or COLLECT_SET when {@code distinct}: values in arrival order. */
  static final class Collect extends Accumulator {
    private final int arg;
    private final boolean distinct;
    private final int limit;

    Collect(int arg, int at, boolean distinct, int limit) {
      super(at);
      this.arg = arg;
      this.distinct = distinct;
      this.limit = limit;
    }

    @Override
    void init(Object[] s) {
      s[at] = List.of();
    }

    @Override
    void add(Object[] row, Object[] s) {
      List<?> list = (List<?>) s[at];
      Object v = row[arg];
      if (list.size() < limit && !(distinct && contains(list, v))) {
        List<Object> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(v);
        s[at] = copy;
      }
    }

    /** Removes the last entry equal to the value; none when it was dropped for the limit (as ksqlDB). */
    @Override
    void undo(Object[] row, Object[] s) {
      List<?> list = (List<?>) s[at];
      Object v = row[arg];
      for (int i = list.size() - 1; i >= 0; i--) {
        if (AggValues.equal(list.get(i), v)) {
          List<Object> copy = new ArrayList<>(list);
          copy.remove(i);
          s[at] = copy;
          return;
        }
      }
    }

    @Override
    void merge(Object[] a, Object[] b, Object[] out) {
      List<Object> merged = new ArrayList<>((List<?>) a[at]);
      for (Object v : (List<?>) b[at]) {
        if (merged.size() >= limit) {
          break;
        }
        if (!(distinct && contains(merged, v))) {
          merged.add(v);
        }
      }
      out[at] = merged;
    }

    private static boolean contains(List<?> list, Object v) {
      for (Object x : list) {
        if (AggValues.equal(x, v)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * HISTOGRAM: a map from each distinct string to its number of rows. Null strings are not counted (a map
   * key cannot be null in any of the value formats).
   */
  static final class Histogram extends Accumulator {
    private final int arg;
    private final int limit;

    Histogram(int arg, int at, int limit) {
      super(at);
      this.arg = arg;
      this.limit = limit;
    }

    @Override
    void init(Object[] s) {
      s[at] = Map.of();
    }

    @Override
    void add(Object[] row, Object[] s) {
      Object v = row[arg];
      Map<?, ?> counts = (Map<?, ?>) s[at];
      if (v != null && (counts.size() < limit || counts.containsKey(v))) {
        Map<Object, Object> copy = new LinkedHashMap<>(counts);
        copy.merge(v, 1L, (x, y) -> (Long) x + (Long) y);
        s[at] = copy;
      }
    }

    @Override
    void undo(Object[] row, Object[] s) {
      Object v = row[arg];
      Map<?, ?> counts = (Map<?, ?>) s[at];
      if (v != null && counts.containsKey(v)) {
        Map<Object, Object> copy = new LinkedHashMap<>(counts);
        long left = (Long) copy.get(v) - 1;
        if (left < 1) {
          copy.remove(v);
        } else {
          copy.put(v, left);
        }
        s[at] = copy;
      }
    }

    @Override
    void merge(Object[] a, Object[] b, Object[] out) {
      Map<Object, Object> merged = new LinkedHashMap<>((Map<?, ?>) a[at]);
      ((Map<?, ?>) b[at]).forEach((k, v) -> {
        if (merged.size() < limit || merged.containsKey(k)) {
          merged.merge(k, v, (x, y) -> (Long) x + (Long) y);
        }
      });
      out[at] = merged;
    }
  }

  /**
   * ATTR: the value the group's rows agree on, null when they hold more than one distinct value (null being
   * a value). The state counts the rows of each distinct value, as {@code (VALUE, COUNT)} structs, so that a
   * table's changed rows can be taken back; in proper use there is one entry.
   */
  static final class Attr extends Accumulator {
    private final int arg;

    Attr(int arg, int at) {
      super(at);
      this.arg = arg;
    }

    @Override
    void init(Object[] s) {
      s[at] = List.of();
    }

    @Override
    void add(Object[] row, Object[] s) {
      s[at] = update((List<?>) s[at], row[arg], 1);
    }

    @Override
    void undo(Object[] row, Object[] s) {
      s[at] = update((List<?>) s[at], row[arg], -1);
    }

    @Override
    void merge(Object[] a, Object[] b, Object[] out) {
      List<?> merged = (List<?>) a[at];
      for (Object entry : (List<?>) b[at]) {
        Object[] e = (Object[]) entry;
        merged = update(merged, e[0], (Long) e[1]);
      }
      out[at] = merged;
    }

    private static List<?> update(List<?> entries, Object value, long count) {
      List<Object> out = new ArrayList<>(entries.size() + 1);
      boolean found = false;
      for (Object entry : entries) {
        Object[] e = (Object[]) entry;
        if (!found && AggValues.equal(e[0], value)) {
          found = true;
          long left = (Long) e[1] + count;
          if (left > 0) {
            out.add(new Object[] {e[0], left});
          }
        } else {
          out.add(e);
        }
      }
      if (!found && count > 0) {
        out.add(new Object[] {value, count});
      }
      return out;
    }

    @Override
    Object result(Object[] s) {
      List<?> entries = (List<?>) s[at];
      return entries.size() == 1 ? ((Object[]) entries.get(0))[0] : null;
    }
  }
}
