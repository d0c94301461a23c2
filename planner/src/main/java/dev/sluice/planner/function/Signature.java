package dev.sluice.planner.function;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * The SQL signature of one overload, and ksqlDB's overload resolution: an argument matches its parameter
 * exactly, or by widening a number (INT to BIGINT to DECIMAL to DOUBLE, each step costing one); a NULL
 * argument matches anything; a STRING literal matches a DATE, TIME or TIMESTAMP (at a cost of one); a type
 * variable binds to its first argument's type and later arguments must have that type (numbers widen it). The overload of least total cost wins, a fixed-arity one before a
 * variadic one at equal cost, then the first in {@link FunctionRegistry}'s stable order.
 *
 * @param params the parameters; with {@code variadic}, the last one repeats zero or more times
 */
public record Signature(List<ParamType> params, boolean variadic, ParamType returns) {

  /** The parameter an argument at {@code index} binds to. */
  public ParamType param(int index) {
    return variadic && index >= params.size() - 1 ? params.get(params.size() - 1) : params.get(index);
  }

  public boolean accepts(int count) {
    return variadic ? count >= params.size() - 1 : count == params.size();
  }

  /** A successful match: its cost, and the type each type variable was bound to. */
  public record Match(int cost, Map<String, RelDataType> bindings) {}

  /** How {@code args} match this signature, or null when they do not. */
  public Match match(List<RelDataType> args, RelDataTypeFactory tf) {
    if (!accepts(args.size())) {
      return null;
    }
    Map<String, RelDataType> bindings = new HashMap<>();
    int cost = 0;
    for (int i = 0; i < args.size(); i++) {
      int c = cost(param(i), args.get(i), bindings, tf);
      if (c < 0) {
        return null;
      }
      cost += c;
    }
    return new Match(cost, bindings);
  }

  private static int cost(ParamType param, RelDataType arg, Map<String, RelDataType> bindings,
      RelDataTypeFactory tf) {
    if (param instanceof ParamType.Lambda) {
      return -1; // only a lambda argument fits, see matchShape
    }
    SqlTypeName argName = normalize(arg.getSqlTypeName());
    if (argName == SqlTypeName.NULL || param instanceof ParamType.Any) {
      return 0;
    }
    if (param instanceof ParamType.Simple s) {
      if (s.name() == argName) {
        return 0;
      }
      if (arg.getSqlTypeName() == SqlTypeName.CHAR && (s.name() == SqlTypeName.DATE
          || s.name() == SqlTypeName.TIME || s.name() == SqlTypeName.TIMESTAMP)) {
        // Only a literal is CHAR: ksqlDB reads a STRING literal as a DATE, TIME or TIMESTAMP argument.
        return 1;
      }
      int from = rank(argName);
      int to = rank(s.name());
      return from >= 0 && to > from ? to - from : -1;
    }
    if (param instanceof ParamType.ArrayOf a) {
      return argName == SqlTypeName.ARRAY && cost(a.element(), arg.getComponentType(), bindings, tf) == 0 ? 0 : -1;
    }
    if (param instanceof ParamType.MapOf m) {
      return argName == SqlTypeName.MAP && cost(m.key(), arg.getKeyType(), bindings, tf) == 0
          && cost(m.value(), arg.getValueType(), bindings, tf) == 0 ? 0 : -1;
    }
    ParamType.Generic g = (ParamType.Generic) param;
    RelDataType bound = bindings.get(g.variable());
    if (bound == null || bound.getSqlTypeName() == SqlTypeName.NULL) {
      // A string literal is CHAR(n); the variable stands for STRING, as a column of that type is.
      bindings.put(g.variable(), argName == SqlTypeName.VARCHAR ? tf.createSqlType(SqlTypeName.VARCHAR) : arg);
      return 0;
    }
    if (sameSansNullability(bound, arg)) {
      return 0;
    }
    if (argName == SqlTypeName.VARCHAR && normalize(bound.getSqlTypeName()) == SqlTypeName.VARCHAR) {
      // A literal is CHAR(n) and a column VARCHAR: both are STRING to the dialect.
      bindings.put(g.variable(), tf.createSqlType(SqlTypeName.VARCHAR));
      return 0;
    }
    int from = rank(argName);
    int to = rank(normalize(bound.getSqlTypeName()));
    if (from >= 0 && to >= 0) {
      RelDataType wider = tf.leastRestrictive(List.of(bound, arg));
      if (wider != null) {
        bindings.put(g.variable(), wider);
        return Math.max(1, Math.abs(to - from));
      }
    }
    return -1;
  }

  /** A lambda argument as resolution sees it: its arity, and the type of its body for typed parameters. */
  public interface LambdaArg {
    int arity();

    /** The type of the body when the parameters have the types {@code params}; may throw a user error. */
    RelDataType bodyType(List<RelDataType> params);
  }

  /**
   * ksqlDB's first pass over a call with lambda arguments: how the other arguments match, with each lambda
   * matching only a lambda parameter of the same arity (its types depend on the overload), or null.
   *
   * @param args the argument types, null at the positions of {@code lambdas}
   */
  public Match matchShape(List<RelDataType> args, Map<Integer, LambdaArg> lambdas, RelDataTypeFactory tf) {
    if (!accepts(args.size())) {
      return null;
    }
    Map<String, RelDataType> bindings = new HashMap<>();
    int cost = 0;
    for (int i = 0; i < args.size(); i++) {
      LambdaArg lambda = lambdas.get(i);
      int c;
      if (lambda != null) {
        c = param(i) instanceof ParamType.Lambda l && l.inputs().size() == lambda.arity() ? 0 : -1;
      } else {
        c = cost(param(i), args.get(i), bindings, tf);
      }
      if (c < 0) {
        return null;
      }
      cost += c;
    }
    return new Match(cost, bindings);
  }

  /** The outcome of typing the lambdas of a call: the final match, and each lambda's parameter and body types. */
  public record LambdaMatch(Match match, Map<Integer, List<RelDataType>> inputs, Map<Integer, RelDataType> bodies) {}

  /**
   * ksqlDB's second pass, on the overload {@link #matchShape} chose: each lambda, left to right, gets the
   * parameter types its parameter declares under the bindings so far, its body is typed, and the body's type
   * binds the lambda's result type. The match is null when a body's type does not fit, or would change the
   * type of a variable a lambda parameter already has (REDUCE's state must keep its type); the lambdas typed
   * so far are there for the message.
   *
   * @throws IllegalStateException naming the parameter when a lambda parameter's type cannot be inferred
   */
  public LambdaMatch typeLambdas(Match shape, List<RelDataType> args, Map<Integer, LambdaArg> lambdas,
      RelDataTypeFactory tf) {
    Map<String, RelDataType> bindings = new HashMap<>(shape.bindings());
    Map<Integer, List<RelDataType>> inputs = new HashMap<>();
    Map<Integer, RelDataType> bodies = new HashMap<>();
    int cost = shape.cost();
    for (int i = 0; i < args.size(); i++) {
      LambdaArg lambda = lambdas.get(i);
      if (lambda == null) {
        continue;
      }
      ParamType.Lambda param = (ParamType.Lambda) param(i);
      List<RelDataType> types = new ArrayList<>();
      for (ParamType input : param.inputs()) {
        RelDataType type = toRel(input, bindings, args, tf);
        if (type == null) {
          throw new IllegalStateException(input.toString());
        }
        types.add(type);
      }
      RelDataType body = lambda.bodyType(types);
      inputs.put(i, types);
      bodies.put(i, body);
      int c = cost(param.returns(), body, bindings, tf);
      if (c < 0) {
        return new LambdaMatch(null, inputs, bodies);
      }
      for (int j = 0; j < types.size(); j++) {
        RelDataType now = toRel(param.inputs().get(j), bindings, args, tf);
        if (now == null || !sameSansNullability(now, types.get(j))) {
          return new LambdaMatch(null, inputs, bodies);
        }
      }
      cost += c;
    }
    return new LambdaMatch(new Match(cost, bindings), inputs, bodies);
  }

  /** Whether the types are equal but for nullability, at any depth (elements, values, fields). */
  static boolean sameSansNullability(RelDataType a, RelDataType b) {
    SqlTypeName name = a.getSqlTypeName();
    if (name != b.getSqlTypeName()) {
      return false;
    }
    switch (name) {
      case ARRAY:
        return sameSansNullability(a.getComponentType(), b.getComponentType());
      case MAP:
        return sameSansNullability(a.getKeyType(), b.getKeyType())
            && sameSansNullability(a.getValueType(), b.getValueType());
      case ROW: {
        if (a.getFieldCount() != b.getFieldCount()) {
          return false;
        }
        for (int i = 0; i < a.getFieldCount(); i++) {
          if (!a.getFieldNames().get(i).equals(b.getFieldNames().get(i))
              || !sameSansNullability(a.getFieldList().get(i).getType(), b.getFieldList().get(i).getType())) {
            return false;
          }
        }
        return true;
      }
      case DECIMAL:
        return a.getPrecision() == b.getPrecision() && a.getScale() == b.getScale();
      case CHAR:
      case VARCHAR:
      case BINARY:
      case VARBINARY:
        return a.getPrecision() == b.getPrecision();
      default:
        return true;
    }
  }

  /** The position of a numeric type in ksqlDB's widening order, or -1. */
  private static int rank(SqlTypeName name) {
    return switch (name) {
      case INTEGER -> 0;
      case BIGINT -> 1;
      case DECIMAL -> 2;
      case DOUBLE -> 3;
      default -> -1;
    };
  }

  static SqlTypeName normalize(SqlTypeName name) {
    return switch (name) {
      case CHAR -> SqlTypeName.VARCHAR;
      case BINARY -> SqlTypeName.VARBINARY;
      case TINYINT, SMALLINT -> SqlTypeName.INTEGER;
      case FLOAT, REAL -> SqlTypeName.DOUBLE;
      default -> name;
    };
  }

  /** The Calcite type of {@code type} once type variables are bound; null when a variable is unbound. */
  public static RelDataType toRel(ParamType type, Map<String, RelDataType> bindings, List<RelDataType> args,
      RelDataTypeFactory tf) {
    RelDataType rel;
    if (type instanceof ParamType.Simple s) {
      rel = switch (s.name()) {
        case TIMESTAMP, TIME -> tf.createSqlType(s.name(), 3);
        case DECIMAL -> args.stream().filter(a -> a != null && a.getSqlTypeName() == SqlTypeName.DECIMAL).findFirst()
            .orElseGet(() -> tf.createSqlType(SqlTypeName.DECIMAL, 38, 10));
        default -> tf.createSqlType(s.name());
      };
    } else if (type instanceof ParamType.ArrayOf a) {
      RelDataType element = toRel(a.element(), bindings, args, tf);
      rel = element == null ? null : tf.createArrayType(element, -1);
    } else if (type instanceof ParamType.MapOf m) {
      RelDataType key = toRel(m.key(), bindings, args, tf);
      RelDataType value = toRel(m.value(), bindings, args, tf);
      rel = key == null || value == null ? null : tf.createMapType(key, value);
    } else if (type instanceof ParamType.Generic g) {
      rel = bindings.get(g.variable());
      if (rel != null && rel.getSqlTypeName() == SqlTypeName.NULL) {
        rel = null;
      }
    } else {
      rel = null;
    }
    return rel == null ? null : tf.createTypeWithNullability(rel, true);
  }

  /** The signature of {@code method}, from its Java types and its {@link Udf} / {@link UdfParam}s. */
  static Signature of(Method method, Udf udf) {
    List<ParamType> params = new ArrayList<>();
    var types = method.getGenericParameterTypes();
    int first = 0;
    if (udf.argumentTypes()) {
      if (types.length == 0 || types[0] != dev.sluice.planner.schema.SqlType[].class) {
        throw new IllegalArgumentException("argumentTypes = true needs a first parameter of type SqlType[]");
      }
      first = 1;
    }
    for (int i = first; i < types.length; i++) {
      UdfParam p = method.getParameters()[i].getAnnotation(UdfParam.class);
      params.add(ParamType.of(types[i], p == null ? "" : p.type()));
    }
    return new Signature(params, method.isVarArgs(), ParamType.of(method.getGenericReturnType(), udf.returnType()));
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      parts.add(params.get(i) + (variadic && i == params.size() - 1 ? "..." : ""));
    }
    return "(" + String.join(", ", parts) + ")";
  }
}
