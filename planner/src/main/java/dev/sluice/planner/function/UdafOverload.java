package dev.sluice.planner.function;

import dev.sluice.planner.schema.SqlType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One overload of a user-defined aggregate function: its {@link Udaf} factory method, the SQL types of its
 * column argument, aggregate and result (each a type declared in the annotation, or derived from the Java
 * type arguments of the factory's return type) and its literal parameters. It matches a call's column type
 * and literals ({@link #match}), typing the aggregate and the result for that call, and makes the
 * {@link Aggregator} a query runs ({@link #create}).
 *
 * @param undoable whether the factory returns a {@link TableAggregator}, so the function can aggregate tables
 */
public record UdafOverload(String name, Method method, Udaf annotation, UdafType input, UdafType aggregate,
    UdafType result, List<Class<?>> literalTypes, boolean undoable) {

  private static final Set<Class<?>> LITERAL_CLASSES = Set.of(Integer.class, Long.class, Double.class,
      Boolean.class, String.class);

  /** A call's types under this overload: the input the column is converted to, the aggregate, the result. */
  public record Typed(SqlType input, SqlType aggregate, SqlType result, int cost) {}

  /**
   * The overload declared by {@code method}.
   *
   * @throws IllegalArgumentException when the method is not a public static factory of an {@link Aggregator}
   *     with SQL-typed type arguments and literal parameters
   */
  static UdafOverload of(Method method, Udaf udaf) {
    String where = method.getDeclaringClass().getName() + "." + method.getName();
    if (!Modifier.isStatic(method.getModifiers()) || !Modifier.isPublic(method.getModifiers())
        || !Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
      throw new IllegalArgumentException(where + ": a @Udaf method must be a public static method of a public"
          + " class");
    }
    if (!Aggregator.class.isAssignableFrom(method.getReturnType())) {
      throw new IllegalArgumentException(where + ": a @Udaf method must return an Aggregator<I, A, O>");
    }
    if (!(method.getGenericReturnType() instanceof ParameterizedType returned)
        || (returned.getRawType() != Aggregator.class && returned.getRawType() != TableAggregator.class)) {
      throw new IllegalArgumentException(where + ": a @Udaf method must return Aggregator<I, A, O> or"
          + " TableAggregator<I, A, O>, with their type arguments");
    }
    Type[] args = returned.getActualTypeArguments();
    List<Class<?>> literals = new ArrayList<>();
    for (Class<?> p : method.getParameterTypes()) {
      if (!LITERAL_CLASSES.contains(p)) {
        throw new IllegalArgumentException(where + ": parameter type " + p.getSimpleName() + " is not one of"
            + " Integer, Long, Double, Boolean, String");
      }
      literals.add(p);
    }
    UdafType input = UdafType.of(args[0], udaf.inputType(), where, "input");
    Set<String> variables = new HashSet<>();
    input.variables(variables);
    UdafType aggregate = UdafType.of(args[1], udaf.aggregateType(), where, "aggregate");
    UdafType result = UdafType.of(args[2], udaf.returnType(), where, "return");
    for (UdafType t : List.of(aggregate, result)) {
      Set<String> used = new HashSet<>();
      t.variables(used);
      used.removeAll(variables);
      if (!used.isEmpty()) {
        throw new IllegalArgumentException(where + ": type variable " + used.iterator().next() + " is not bound"
            + " by the input type");
      }
      if (t.java() != null && t.java() instanceof ParamType.Any) {
        throw new IllegalArgumentException(where + ": Object as an aggregate or return type needs a SQL type:"
            + " declare it in @Udaf(aggregateType = ..., returnType = ...)");
      }
    }
    String name = udaf.name().toUpperCase(Locale.ROOT);
    return new UdafOverload(name, method, udaf, input, aggregate, result, List.copyOf(literals),
        returned.getRawType() == TableAggregator.class);
  }

  /**
   * How a call with a column of {@code column} and {@code literals} (Integer, Long, Boolean or String)
   * matches this overload, or null when it does not: an exact type costs nothing, a widened number (INT to
   * BIGINT to DECIMAL to DOUBLE) one per step, an INT literal for a Long or Double parameter one.
   */
  public Typed match(SqlType column, List<Object> literals) {
    if (literals.size() != literalTypes.size()) {
      return null;
    }
    int cost = 0;
    for (int i = 0; i < literals.size(); i++) {
      Object l = literals.get(i);
      Class<?> p = literalTypes.get(i);
      if (p.isInstance(l)) {
        continue;
      }
      if (p == Long.class && l instanceof Integer || p == Double.class && (l instanceof Integer
          || l instanceof Long)) {
        cost++;
      } else {
        return null;
      }
    }
    Map<String, SqlType> bindings = new HashMap<>();
    SqlType in;
    int exact = input.bind(column, bindings);
    if (exact >= 0) {
      in = input.declared() != null ? input.declared() : column;
      cost += exact;
    } else {
      in = input.widened(column);
      if (in == null) {
        return null;
      }
      cost += UdafType.rank(in) - UdafType.rank(column);
    }
    SqlType aggregateType = aggregate.resolve(bindings, in);
    SqlType resultType = result.resolve(bindings, in);
    return new Typed(in, aggregateType, resultType, cost);
  }

  /** The aggregator for a call's literals, made by the factory method. */
  @SuppressWarnings("unchecked")
  public Aggregator<Object, Object, Object> create(List<Object> literals) {
    Object[] args = new Object[literals.size()];
    for (int i = 0; i < args.length; i++) {
      Object l = literals.get(i);
      Class<?> p = literalTypes.get(i);
      args[i] = p == Long.class ? Long.valueOf(((Number) l).longValue())
          : p == Double.class ? Double.valueOf(((Number) l).doubleValue()) : l;
    }
    try {
      Object made = method.invoke(null, args);
      if (made == null) {
        throw new IllegalStateException("The factory of " + name + " (" + method + ") returned null");
      }
      return (Aggregator<Object, Object, Object>) made;
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("The factory of " + name + " failed: " + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The names of the parameters in DESCRIBE FUNCTION: the column's, then the literals'. */
  public List<String> paramNames() {
    List<String> names = new ArrayList<>(List.of(annotation.inputName()));
    var parameters = method.getParameters();
    for (int i = 0; i < parameters.length; i++) {
      UdfParam p = parameters[i].getAnnotation(UdfParam.class);
      names.add(p == null ? "arg" + (i + 1) : p.value());
    }
    return names;
  }

  public List<String> paramDescriptions() {
    List<String> docs = new ArrayList<>(List.of(annotation.inputDescription()));
    for (var p : method.getParameters()) {
      UdfParam param = p.getAnnotation(UdfParam.class);
      docs.add(param == null ? "" : param.description());
    }
    return docs;
  }

  /** The parameter types as DESCRIBE FUNCTION shows them. */
  public List<String> paramTypes() {
    List<String> types = new ArrayList<>(List.of(input.toString()));
    for (Class<?> c : literalTypes) {
      types.add(c == Integer.class ? "INT" : c == Long.class ? "BIGINT" : c == Double.class ? "DOUBLE"
          : c == Boolean.class ? "BOOLEAN" : "STRING");
    }
    return types;
  }

  /**
   * A SQL type of a UDAF: declared as SQL text in the annotation, or derived from a Java type (a type
   * variable binding to the column's type).
   */
  public record UdafType(SqlType declared, ParamType java) {

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
      int from = rank(column);
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
      return target != null && rank(target) > from ? target : null;
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
        return primitive(base);
      }
      return null;
    }

    static int rank(SqlType t) {
      switch (t.base()) {
        case INTEGER:
          return 0;
        case BIGINT:
          return 1;
        case DECIMAL:
          return 2;
        case DOUBLE:
          return 3;
        default:
          return -1;
      }
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

    private static SqlType primitive(SqlType.BaseType base) {
      switch (base) {
        case BOOLEAN:
          return SqlType.BOOLEAN;
        case INTEGER:
          return SqlType.INTEGER;
        case BIGINT:
          return SqlType.BIGINT;
        case DOUBLE:
          return SqlType.DOUBLE;
        case STRING:
          return SqlType.STRING;
        case BYTES:
          return SqlType.BYTES;
        case DATE:
          return SqlType.DATE;
        case TIME:
          return SqlType.TIME;
        case TIMESTAMP:
          return SqlType.TIMESTAMP;
        default:
          throw new IllegalArgumentException("No primitive type " + base);
      }
    }

    @Override
    public String toString() {
      return declared != null ? declared.sql().replace("`", "") : java.toString();
    }
  }
}
