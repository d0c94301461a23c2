package dev.sluice.engine.runtime;

import dev.sluice.planner.aggregate.AggregateFunctions;
import dev.sluice.planner.plan.Aggregate;
import java.util.ArrayList;
import java.util.List;

/**
 * TOPK(col, k) and TOPKDISTINCT(col, k): the k largest values, largest first, as an array. TOPK(col, other1,
 * ..., k) carries other columns along: its entries are structs {@code (sort_col, col0, col1, ...)} ordered by
 * {@code sort_col}. Rows whose sort value is null are skipped. Among equal values the earlier keeps its
 * place ahead of the later, as ksqlDB's stable sort does; TOPKDISTINCT keeps each value once.
 */
final class TopKAccumulator extends Accumulator {
  private final int[] args;
  private final int k;
  private final boolean distinct;
  private final boolean structs;

  TopKAccumulator(Aggregate.Call call, int at) {
    super(at);
    this.args = new int[1 + call.moreArguments().size()];
    args[0] = call.argument();
    for (int i = 1; i < args.length; i++) {
      args[i] = call.moreArguments().get(i - 1);
    }
    this.k = (Integer) call.literals().get(0);
    this.distinct = call.function().equals(AggregateFunctions.TOPKDISTINCT);
    this.structs = args.length > 1;
  }

  @Override
  void init(Object[] s) {
    s[at] = List.of();
  }

  private Object sortValue(Object entry) {
    return structs ? ((Object[]) entry)[0] : entry;
  }

  @Override
  void add(Object[] row, Object[] s) {
    Object v = row[args[0]];
    if (v == null) {
      return;
    }
    List<?> top = (List<?>) s[at];
    if (top.size() == k && AggValues.compare(v, sortValue(top.get(k - 1))) <= 0) {
      return;
    }
    // after every entry that is not smaller
    int position = 0;
    while (position < top.size() && AggValues.compare(sortValue(top.get(position)), v) >= 0) {
      if (distinct && AggValues.compare(sortValue(top.get(position)), v) == 0) {
        return;
      }
      position++;
    }
    Object entry = v;
    if (structs) {
      Object[] struct = new Object[args.length];
      for (int i = 0; i < args.length; i++) {
        struct[i] = row[args[i]];
      }
      entry = struct;
    }
    List<Object> copy = new ArrayList<>(Math.min(k, top.size() + 1));
    copy.addAll(top.subList(0, position));
    copy.add(entry);
    copy.addAll(top.subList(position, Math.min(top.size(), k - 1)));
    s[at] = copy;
  }

  /** The k largest of both windows' entries; of equal entries the earlier window's first. */
  @Override
  void merge(Object[] a, Object[] b, Object[] out) {
    List<?> one = (List<?>) a[at];
    List<?> two = (List<?>) b[at];
    List<Object> merged = new ArrayList<>(Math.min(k, one.size() + two.size()));
    int i = 0;
    int j = 0;
    while (merged.size() < k && (i < one.size() || j < two.size())) {
      if (j >= two.size()) {
        merged.add(one.get(i++));
        continue;
      } else if (i >= one.size()) {
        merged.add(two.get(j++));
        continue;
      }
      int c = AggValues.compare(sortValue(one.get(i)), sortValue(two.get(j)));
      if (c > 0 || c == 0 && !distinct) {
        merged.add(one.get(i++));
      } else if (c < 0) {
        merged.add(two.get(j++));
      } else {
        merged.add(one.get(i++));
        j++;
      }
    }
    out[at] = merged;
  }
}
