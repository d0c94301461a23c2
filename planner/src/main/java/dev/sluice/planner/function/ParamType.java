package dev.sluice.planner.function;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.sql.type.SqlTypeName;

/** The SQL type a function parameter accepts, or returns, as declared by its Java method. */
public sealed interface ParamType {

  /** One SQL type: BOOLEAN, INTEGER, BIGINT, DOUBLE, DECIMAL (any precision), VARCHAR, VARBINARY, dates. */
  record Simple(SqlTypeName name) implements ParamType {
    @Override
    public String toString() {
      return switch (name) {
        case VARCHAR -> "STRING";
        case VARBINARY -> "BYTES";
        case INTEGER -> "INT";
        default -> name.name();
      };
    }
  }

  record ArrayOf(ParamType element) implements ParamType {
    @Override
    public String toString() {
      return "ARRAY<" + element + ">";
    }
  }

  record MapOf(ParamType key, ParamType value) implements ParamType {
    @Override
    public String toString() {
      return "MAP<" + key + ", " + value + ">";
    }
  }

  /** A type variable: any type, the same wherever the variable appears in the signature. */
  record Generic(String variable) implements ParamType {
    @Override
    public String toString() {
      return variable;
    }
  }

  /**
   * A lambda argument ({@code Function}, {@code BiFunction} or {@link TriFunction} in Java): the types of its
   * parameters and of its result, printed as ksqlDB prints them.
   */
  record Lambda(List<ParamType> inputs, ParamType returns) implements ParamType {
    @Override
    public String toString() {
      return "LAMBDA " + inputs.stream().map(Object::toString).collect(java.util.stream.Collectors.joining(", ",
          "(", ")")) + " => " + returns;
    }
  }

  /** Any type at all ({@code Object}). */
  record Any() implements ParamType {
    @Override
    public String toString() {
      return "ANY";
    }
  }

  /** The type of a Java parameter or return type; {@code sqlType} (TIMESTAMP, DATE, TIME) overrides it. */
  static ParamType of(Type type, String sqlType) {
    if (!sqlType.isEmpty()) {
      return new Simple(SqlTypeName.valueOf(sqlType.toUpperCase(Locale.ROOT)));
    }
    if (type instanceof TypeVariable<?> v) {
      return new Generic(v.getName());
    }
    if (type instanceof ParameterizedType p) {
      Type raw = p.getRawType();
      if (raw == List.class) {
        return new ArrayOf(of(p.getActualTypeArguments()[0], ""));
      }
      if (raw == Map.class) {
        return new MapOf(of(p.getActualTypeArguments()[0], ""), of(p.getActualTypeArguments()[1], ""));
      }
      if (raw == java.util.function.Function.class || raw == java.util.function.BiFunction.class
          || raw == TriFunction.class) {
        Type[] args = p.getActualTypeArguments();
        List<ParamType> inputs = new java.util.ArrayList<>();
        for (int i = 0; i < args.length - 1; i++) {
          inputs.add(of(args[i], ""));
        }
        return new Lambda(List.copyOf(inputs), of(args[args.length - 1], ""));
      }
    }
    if (type instanceof GenericArrayType g) {
      return of(g.getGenericComponentType(), "");
    }
    if (type instanceof Class<?> c) {
      if (c.isArray()) {
        return of(c.getComponentType(), "");
      }
      if (c == String.class) {
        return new Simple(SqlTypeName.VARCHAR);
      } else if (c == Integer.class || c == int.class) {
        return new Simple(SqlTypeName.INTEGER);
      } else if (c == Long.class || c == long.class) {
        return new Simple(SqlTypeName.BIGINT);
      } else if (c == Double.class || c == double.class) {
        return new Simple(SqlTypeName.DOUBLE);
      } else if (c == BigDecimal.class) {
        return new Simple(SqlTypeName.DECIMAL);
      } else if (c == Boolean.class || c == boolean.class) {
        return new Simple(SqlTypeName.BOOLEAN);
      } else if (c == ByteString.class) {
        return new Simple(SqlTypeName.VARBINARY);
      } else if (c == Object.class) {
        return new Any();
      }
    }
    throw new IllegalArgumentException("Unsupported function parameter type: " + type);
  }
}
