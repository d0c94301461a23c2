package dev.sluice.planner.function;

import dev.sluice.planner.schema.SqlType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Set;

/**
 * A SQL type of a UDAF: declared as SQL text in the annotation, or derived from a Java type (a type
 * variable binding to the column's type).
 */
public record UdafType(SqlType declared, ParamType java) {

  /**
   * The type of a Java type argument, or of {@code sql} when it is not empty.
   *
   * @param where the factory method, for messages
   * @param what which type (input, aggregate, return), for messages
   */
  static UdafType of(Type type, String sql, String where, String what) {
    if (!sql.isEmpty()) {
      try {
        return new UdafType(SqlType.parse(sql), null);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(where + ": bad " + what + " type '" + sql + "': " + e.getMessage(), e);
      }
    }
    if (type instanceof Class<?> c && c == Object[].class) {
      throw new IllegalArgumentException(where + ": a STRUCT " + what + " type must be declared in @Udaf("
          + what + "Type = \"STRUCT<...>\")");
    }
    ParamType p;
    try {
      p = ParamType.of(type, "");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + what + " type: " + e.getMessage(), e);
    }
    if (p instanceof ParamType.Lambda) {
      throw new IllegalArgumentException(where + ": a lambda is not a SQL type");
    }
    return new UdafType(null, p);
  }

  void variables(Set<String> out) {
    collect(java, out);
  }

  private static void collect(ParamType p, Set<String> out) {
    if (p instanceof ParamType.Generic g) {
      out.add(g.variable());
    } else if (p instanceof ParamType.ArrayOf a) {
      collect(a.element(), out);
    } else if (p instanceof ParamType.MapOf m) {
      collect(m.key(), out);
      collect(m.value(), out);
    }
  }

  /** 0 when {@code column} is of this type exactly (binding type variables), else -1. */
  int bind(SqlType column, Map<String, SqlType> bindings) {
    if (declared != null) {
      return declared.equals(column) ? 0 : -1;
    }
    return bind(java, column, bindings) ? 0 : -1;
  }

  private static boolean bind(ParamType p, SqlType t, Map<String, SqlType> bindings) {
    if (p instanceof ParamType.Any) {
      return true;
    } else if (p instanceof ParamType.Generic g) {
      SqlType bound = bindings.putIfAbsent(g.variable(), t);
      return bound == null || bound.equals(t);
    } else if (p instanceof ParamType.ArrayOf a) {
      return t instanceof SqlType.Array at && bind(a.element(), at.element(), bindings);
    } else if (p instanceof ParamType.MapOf m) {
      return t instanceof SqlType.Map mt && bind(m.key(), mt.key(), bindings)
          && bind(m.value(), mt.value(), bindings);
    }
    return base((ParamType.Simple) p) == t.base();
  }

  /** The number type a narrower number column widens to, or null. */
  SqlType widened(SqlType column) {
    int from = column.numericRank();
    if (from < 0) {
      return null;
    }
    SqlType target = declared;
    if (target == null) {
      if (!(java instanceof ParamType.Simple s)) {
        return null;
      }
      SqlType.BaseType base = base(s);
      target = base == SqlType.BaseType.BIGINT ? SqlType.BIGINT : base == SqlType.BaseType.DOUBLE ? SqlType.DOUBLE
          : base == SqlType.BaseType.DECIMAL ? new SqlType.Decimal(column.base() == SqlType.BaseType.INTEGER ? 10
              : 19, 0) : null;
    }
    return target != null && target.numericRank() > from ? target : null;
  }

  /** The concrete type, type variables bound; an undeclared DECIMAL takes the input's when it is one. */
  SqlType resolve(Map<String, SqlType> bindings, SqlType input) {
    return declared != null ? declared : resolve(java, bindings, input);
  }

  private static SqlType resolve(ParamType p, Map<String, SqlType> bindings, SqlType input) {
    if (p instanceof ParamType.Generic g) {
      return bindings.get(g.variable());
    } else if (p instanceof ParamType.ArrayOf a) {
      SqlType e = resolve(a.element(), bindings, input);
      return e == null ? null : new SqlType.Array(e);
    } else if (p instanceof ParamType.MapOf m) {
      SqlType k = resolve(m.key(), bindings, input);
      SqlType v = resolve(m.value(), bindings, input);
      return k == null || v == null ? null : new SqlType.Map(k, v);
    } else if (p instanceof ParamType.Simple s) {
      SqlType.BaseType base = base(s);
      if (base == SqlType.BaseType.DECIMAL) {
        return input.base() == SqlType.BaseType.DECIMAL ? input : null;
      }
      return new SqlType.Primitive(base); // a Simple parameter names a type without parameters
    }
    return null;
  }


  private static SqlType.BaseType base(ParamType.Simple s) {
    switch (s.name()) {
      case VARCHAR:
        return SqlType.BaseType.STRING;
      case VARBINARY:
        return SqlType.BaseType.BYTES;
      default:
        return SqlType.BaseType.valueOf(s.name().name());
    }
  }

  @Override
  public String toString() {
    return declared != null ? declared.sql().replace("`", "") : java.toString();
  }
}
