package dev.sluice.planner.function;

import dev.sluice.planner.calcite.TypeConverter;
import dev.sluice.planner.schema.SqlType;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The argument types a {@link Udf#argumentTypes()} function receives. Generated code names them by their
 * SQL text, a string constant, and looks the parsed types up here: parsed once per distinct text, then a
 * map lookup per call, with nothing allocated.
 */
public final class ArgumentTypes {
  /** Separates the types in the text; it cannot occur in a type's SQL (field names are quoted). */
  private static final String SEPARATOR = "\u0000";
  private static final String NULL = "NULL";
  private static final ConcurrentHashMap<String, SqlType[]> PARSED = new ConcurrentHashMap<>();

  private ArgumentTypes() {}

  /** The types {@code encoded} names; called by generated code. */
  public static SqlType[] of(String encoded) {
    return PARSED.computeIfAbsent(encoded, text -> {
      String[] parts = text.split(SEPARATOR, -1);
      SqlType[] types = new SqlType[parts.length];
      for (int i = 0; i < parts.length; i++) {
        types[i] = parts[i].equals(NULL) ? null : SqlType.parse(parts[i]);
      }
      return types;
    });
  }

  /** The expression generated code evaluates for the types of {@code args}. */
  static Expression constant(List<RelDataType> args) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      RelDataType arg = args.get(i);
      text.append(i == 0 ? "" : SEPARATOR)
          .append(arg.getSqlTypeName() == SqlTypeName.NULL ? NULL : TypeConverter.fromRel(arg).sql());
    }
    return Expressions.call(ArgumentTypes.class, "of", Expressions.constant(text.toString()));
  }
}
