package dev.sluice.planner.calcite;

import dev.sluice.planner.function.FunctionRegistry;
import dev.sluice.planner.function.UdfOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * Calcite's view of Sluice's functions: the standard operators the dialect uses (arithmetic, comparisons,
 * CAST, CASE ...) chained with one {@link UdfOperator} per registered function name, which resolves the
 * overload as ksqlDB does and makes generated code call the chosen Java method directly.
 */
public final class SluiceOperatorTable {

  private SluiceOperatorTable() {}

  /**
   * One table per registry: building it (one operator per function name, Calcite's standard operators
   * filtered) was a third of planning a statement, and a registry does not change once built.
   */
  private static final java.util.Map<FunctionRegistry, SqlOperatorTable> TABLES =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  public static SqlOperatorTable create(FunctionRegistry registry, JavaTypeFactory typeFactory) {
    return TABLES.computeIfAbsent(registry, SluiceOperatorTable::build);
  }

  private static SqlOperatorTable build(FunctionRegistry registry) {
    // The validator resolves operators by name again, so a standard operator that Sluice replaces (the
    // remainder, and any function of the registry's name: ABS, COALESCE, SUBSTRING...) must not be found.
    Set<String> names = new java.util.TreeSet<>(registry.scalars().keySet());
    // Table functions are operators too: the Calc before a FlatMap step computes their lists of values.
    names.addAll(registry.tables().keySet());
    SqlOperatorTable standard = SqlOperatorTables.of(SqlStdOperatorTable.instance().getOperatorList().stream()
        .filter(op -> op != SqlStdOperatorTable.PERCENT_REMAINDER)
        .filter(op -> !names.contains(op.getName().toUpperCase(Locale.ROOT)))
        .toList());
    List<SqlOperator> functions = new ArrayList<>();
    names.forEach(name -> functions.add(new UdfOperator(registry, name)));
    functions.add(Modulus.INSTANCE);
    return SqlOperatorTables.chain(standard, SqlOperatorTables.of(functions));
  }
}
