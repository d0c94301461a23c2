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
 * column arguments, aggregate and result (each a type declared in the annotation, or derived from the Java
 * type arguments of the factory's return type) and its literal parameters. It matches a call's column types
 * and literals ({@link #match}), typing the aggregate and the result for that call, and makes the
 * {@link Aggregator} a query runs ({@link #create}).
 *
 * @param inputs the column arguments' types: one, or those of {@link Udaf#columns()}
 * @param inputNames their names, for DESCRIBE FUNCTION
 * @param undoable whether the factory returns a {@link TableAggregator}, so the function can aggregate tables
 */
public record UdafOverload(String name, Method method, Udaf annotation, List<UdafType> inputs,
    List<String> inputNames, UdafType aggregate, UdafType result, List<Class<?>> literalTypes, boolean undoable) {

  private static final Set<Class<?>> LITERAL_CLASSES = Set.of(Integer.class, Long.class, Double.class,
      Boolean.class, String.class);

  /**
   * A call's types under this overload: the types the columns are converted to, the aggregate, the result,
   * and the cost of the conversions.
   */
  public record Typed(List<SqlType> inputs, SqlType aggregate, SqlType result, int cost) {}

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
    List<UdafType> inputs = new ArrayList<>();
    List<String> inputNames = new ArrayList<>();
    if (udaf.columns().length == 0) {
      inputs.add(UdafType.of(args[0], udaf.inputType(), where, "input"));
      inputNames.add(udaf.inputName());
    } else {
      if (args[0] != Object[].class || !udaf.inputType().isEmpty()) {
        throw new IllegalArgumentException(where + ": a @Udaf of several columns takes an Object[] of their"
            + " values as its input, typed by @Udaf(columns = ...) alone");
      }
      for (String column : udaf.columns()) {
        String[] nameAndType = column.trim().split("\\s+", 2);
        if (nameAndType.length != 2) {
          throw new IllegalArgumentException(where + ": column '" + column + "' is not 'name TYPE'");
        }
        inputNames.add(nameAndType[0]);
        inputs.add(UdafType.of(Object.class, nameAndType[1], where, "column " + nameAndType[0]));
      }
    }
    Set<String> variables = new HashSet<>();
    inputs.forEach(t -> t.variables(variables));
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
      if (t.java() instanceof ParamType.Any) {
        throw new IllegalArgumentException(where + ": Object as an aggregate or return type needs a SQL type:"
            + " declare it in @Udaf(aggregateType = ..., returnType = ...)");
      }
    }
    String name = udaf.name().toUpperCase(Locale.ROOT);
    return new UdafOverload(name, method, udaf, List.copyOf(inputs), List.copyOf(inputNames), aggregate, result,
        List.copyOf(literals), returned.getRawType() == TableAggregator.class);
  }

  /**
   * How a call with columns of {@code columns} and {@code literals} (Integer, Long, Double, Boolean or String)
   * matches this overload, or null when it does not: an exact type costs nothing, a widened number (INT to
   * BIGINT to DECIMAL to DOUBLE) one per step, an INT literal for a Long or Double parameter one.
   */
  public Typed match(List<SqlType> columns, List<Object> literals) {
    if (columns.size() != inputs.size() || literals.size() != literalTypes.size()) {
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
    List<SqlType> in = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      UdafType input = inputs.get(i);
      SqlType column = columns.get(i);
      if (input.bind(column, bindings) >= 0) {
        in.add(input.declared() != null ? input.declared() : column);
      } else {
        SqlType widened = input.widened(column);
        if (widened == null) {
          return null;
        }
        in.add(widened);
        cost += widened.numericRank() - column.numericRank();
      }
    }
    // An undeclared DECIMAL aggregate or result takes the first column's DECIMAL type.
    SqlType aggregateType = aggregate.resolve(bindings, in.get(0));
    SqlType resultType = result.resolve(bindings, in.get(0));
    return new Typed(List.copyOf(in), aggregateType, resultType, cost);
  }

  /** How many arguments a call has: one per column and per literal. */
  public int arity() {
    return inputs.size() + literalTypes.size();
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

  /** The names of the parameters in DESCRIBE FUNCTION: the columns', then the literals'. */
  public List<String> paramNames() {
    List<String> names = new ArrayList<>(inputNames);
    var parameters = method.getParameters();
    for (int i = 0; i < parameters.length; i++) {
      UdfParam p = parameters[i].getAnnotation(UdfParam.class);
      names.add(p == null ? "arg" + (i + 1) : p.value());
    }
    return names;
  }

  public List<String> paramDescriptions() {
    List<String> docs = new ArrayList<>();
    inputs.forEach(i -> docs.add(inputs.size() == 1 ? annotation.inputDescription() : ""));
    for (var p : method.getParameters()) {
      UdfParam param = p.getAnnotation(UdfParam.class);
      docs.add(param == null ? "" : param.description());
    }
    return docs;
  }

  /** The parameter types as DESCRIBE FUNCTION shows them. */
  public List<String> paramTypes() {
    List<String> types = new ArrayList<>();
    inputs.forEach(i -> types.add(i.toString()));
    for (Class<?> c : literalTypes) {
      types.add(c == Integer.class ? "INT" : c == Long.class ? "BIGINT" : c == Double.class ? "DOUBLE"
          : c == Boolean.class ? "BOOLEAN" : "STRING");
    }
    return types;
  }
}
