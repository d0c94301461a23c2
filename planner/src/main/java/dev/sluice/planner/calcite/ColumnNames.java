package dev.sluice.planner.calcite;

import dev.sluice.parser.ast.Expression;
import dev.sluice.parser.ast.SelectItem;
import dev.sluice.planner.schema.LogicalSchema;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The names ksqlDB gives the items of a select list, in list order: the alias; a column's own name; a struct
 * field's name, suffixed {@code _1}, {@code _2}... when another item or a column of the source has it
 * ({@code SELECT B, A->B, C->B} gives {@code B, B_1, B_2}); else the next free {@code KSQL_COL_n}, skipping the
 * names other items give themselves and the source's columns. Every planner that names a select list (plain,
 * aggregating, re-keying, flattening) uses one of these, so the same query gets the same column names.
 */
public final class ColumnNames {
  /** Aliases, and unaliased column references: names the list gives itself, whatever their position. */
  private final Set<String> explicit = new HashSet<>();
  private final Set<String> assigned = new HashSet<>();
  private final LogicalSchema source;
  private int generated;

  public ColumnNames(List<SelectItem> select, LogicalSchema source) {
    this.source = source;
    for (SelectItem item : select) {
      if (item instanceof SelectItem.SingleColumn single) {
        single.alias().ifPresent(explicit::add);
        if (single.alias().isEmpty() && single.expression() instanceof Expression.ColumnRef ref) {
          explicit.add(ref.name());
        }
      }
    }
  }

  /** The name of {@code item}, the next item of the list. */
  public String next(SelectItem.SingleColumn item) {
    String name;
    if (item.alias().isPresent()) {
      name = item.alias().get();
    } else if (item.expression() instanceof Expression.ColumnRef ref) {
      name = ref.name();
    } else if (item.expression() instanceof Expression.Dereference deref) {
      name = deref.field();
      for (int n = 1; assigned.contains(name) || explicit.contains(name) || inSource(name); n++) {
        name = deref.field() + "_" + n;
      }
    } else {
      name = generated();
    }
    assigned.add(name);
    return name;
  }

  /** The next free {@code KSQL_COL_n}, for an expression that is named apart from its item. */
  public String generated() {
    String name;
    do {
      name = "KSQL_COL_" + generated++;
    } while (explicit.contains(name) || inSource(name));
    return name;
  }

  /** A name an item got by other means ({@code *}), which a struct field's name must not take. */
  public void reserve(String name) {
    assigned.add(name);
  }

  private boolean inSource(String name) {
    return source.find(name).isPresent();
  }
}
