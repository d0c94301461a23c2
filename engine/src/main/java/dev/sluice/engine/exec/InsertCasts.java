package dev.sluice.engine.exec;

import dev.sluice.parser.ast.Expression;
import dev.sluice.parser.ast.Query;
import dev.sluice.parser.ast.SelectItem;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.schema.SqlType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code INSERT INTO sink SELECT ...} whose value columns are numbers of narrower types than the sink's
 * ({@code SELECT 1 AS c} into a DECIMAL(5, 2) column) is cast to the sink's types, as ksqlDB does implicitly:
 * the select items of those columns are wrapped in a CAST and the query is planned again. Names, order, key
 * columns and every other type must already match.
 */
final class InsertCasts {
  private InsertCasts() {}

  /** The query with the casts that make its result {@code sink}'s schema, or empty when casts cannot. */
  static Optional<Query> widen(Query query, LogicalSchema result, LogicalSchema sink) {
    if (result.columns().size() != sink.columns().size()) {
      return Optional.empty();
    }
    Map<String, SqlType> casts = new HashMap<>();
    for (int i = 0; i < result.columns().size(); i++) {
      Column from = result.columns().get(i);
      Column to = sink.columns().get(i);
      if (!from.name().equals(to.name()) || from.namespace() != to.namespace()) {
        return Optional.empty();
      }
      if (!from.type().equals(to.type())) {
        if (to.namespace() != Column.Namespace.VALUE || !widens(from.type(), to.type())) {
          return Optional.empty();
        }
        casts.put(from.name(), to.type());
      }
    }
    List<SelectItem> items = new ArrayList<>();
    Set<String> cast = new HashSet<>();
    for (SelectItem item : query.select()) {
      String name = item instanceof SelectItem.SingleColumn c ? name(c) : null;
      if (name != null && casts.containsKey(name) && item instanceof SelectItem.SingleColumn c) {
        items.add(new SelectItem.SingleColumn(c.pos(), new Expression.Cast(c.pos(), c.expression(),
            NamedTypes.toAst(casts.get(name), c.pos())), Optional.of(name)));
        cast.add(name);
      } else {
        items.add(item);
      }
    }
    if (!cast.equals(casts.keySet())) {
      return Optional.empty(); // a column to cast comes from *, which has no item to wrap
    }
    return Optional.of(new Query(query.pos(), items, query.from(), query.window(), query.where(),
        query.groupBy(), query.partitionBy(), query.having(), query.emit(), query.limit()));
  }

  private static String name(SelectItem.SingleColumn c) {
    if (c.alias().isPresent()) {
      return c.alias().get();
    }
    return c.expression() instanceof Expression.ColumnRef ref ? ref.name() : null;
  }

  /** Numeric widening as ksqlDB allows it implicitly: INT to BIGINT, DECIMAL or DOUBLE, and so on up. */
  static boolean widens(SqlType from, SqlType to) {
    if (from instanceof SqlType.Decimal a && to instanceof SqlType.Decimal b) {
      return b.precision() - b.scale() >= a.precision() - a.scale() && b.scale() >= a.scale();
    }
    return from.numericRank() >= 0 && to.numericRank() > from.numericRank();
  }
}
