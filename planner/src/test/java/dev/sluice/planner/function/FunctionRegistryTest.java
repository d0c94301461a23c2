package dev.sluice.planner.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.error.SluiceException;
import dev.sluice.planner.calcite.SluiceTypeSystem;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class FunctionRegistryTest {
  private final RelDataTypeFactory tf = new JavaTypeFactoryImpl(SluiceTypeSystem.INSTANCE);
  private final FunctionRegistry registry = FunctionRegistry.builtIn();

  private RelDataType t(SqlTypeName name) {
    return tf.createTypeWithNullability(tf.createSqlType(name), true);
  }

  @Test
  void exactMatchBeatsWidening() {
    var r = registry.resolve("ABS", List.of(t(SqlTypeName.INTEGER)), tf);
    assertEquals(Integer.class, r.overload().method().getReturnType());
    assertEquals(SqlTypeName.INTEGER, r.returnType().getSqlTypeName());
  }

  @Test
  void widensWhenOnlyOneOverloadFits() {
    var r = registry.resolve("GREATEST", List.of(t(SqlTypeName.INTEGER), t(SqlTypeName.BIGINT),
        t(SqlTypeName.DOUBLE)), tf);
    assertEquals(SqlTypeName.DOUBLE, r.returnType().getSqlTypeName());
    var sqrt = registry.resolve("SQRT", List.of(t(SqlTypeName.INTEGER)), tf);
    assertEquals(SqlTypeName.DOUBLE, sqrt.returnType().getSqlTypeName());
  }

  @Test
  void severalOverloadsByWideningAreAmbiguous() {
    // INT, BIGINT widens to BIGINT..., DECIMAL... and DOUBLE... alike: ksqlDB refuses to choose.
    var e = assertThrows(SluiceException.class, () -> registry.resolve("GREATEST",
        List.of(t(SqlTypeName.INTEGER), t(SqlTypeName.BIGINT)), tf));
    assertTrue(e.getMessage().startsWith(
        "Function 'GREATEST' cannot be resolved due to ambiguous method parameters (INTEGER, BIGINT)."),
        e.getMessage());
    e = assertThrows(SluiceException.class, () -> registry.resolve("LEAST",
        List.of(t(SqlTypeName.NULL), t(SqlTypeName.NULL)), tf));
    assertTrue(e.getMessage().contains("(null, null)"), e.getMessage());
  }

  @Test
  void stringLiteralsReadAsDates() {
    assertEquals(Long.class, registry.resolve("ROUND", List.of(t(SqlTypeName.DOUBLE)), tf).overload().method()
        .getReturnType());
    RelDataType date = t(SqlTypeName.DATE);
    RelDataType literal = tf.createSqlType(SqlTypeName.CHAR, 10);
    var r = registry.resolve("GREATEST", List.of(date, literal), tf);
    assertEquals(SqlTypeName.DATE, r.returnType().getSqlTypeName());
    assertEquals(1, r.match().cost());
    // A STRING column is no literal: it does not become a DATE.
    assertNull(registry.resolve("GREATEST", List.of(date, t(SqlTypeName.VARCHAR)), tf));
  }

  @Test
  void lambdasAreTypedFromTheOtherArguments() {
    RelDataType array = tf.createTypeWithNullability(tf.createArrayType(t(SqlTypeName.INTEGER), -1), true);
    List<List<RelDataType>> seen = new java.util.ArrayList<>();
    Signature.LambdaArg toText = lambda(2, params -> {
      seen.add(params);
      return t(SqlTypeName.VARCHAR);
    });
    java.util.List<RelDataType> args = new java.util.ArrayList<>(java.util.Arrays.asList(array, t(SqlTypeName.VARCHAR),
        null));
    var r = registry.resolve("REDUCE", args, java.util.Map.of(2, toText), tf);
    assertEquals(SqlTypeName.VARCHAR, r.resolution().returnType().getSqlTypeName());
    assertEquals(List.of(SqlTypeName.VARCHAR, SqlTypeName.INTEGER),
        seen.get(0).stream().map(RelDataType::getSqlTypeName).toList());
    assertEquals("LAMBDA (STRING, INTEGER) => STRING", r.display(2, FunctionRegistryTest::sql));

    // The body must keep the state's type: INT state, BIGINT body.
    args.set(1, t(SqlTypeName.INTEGER));
    var bad = registry.resolve("REDUCE", args, java.util.Map.of(2, lambda(2, p -> t(SqlTypeName.BIGINT))), tf);
    assertNull(bad.resolution());
    assertEquals("LAMBDA (INTEGER, INTEGER) => BIGINT", bad.display(2, FunctionRegistryTest::sql));

    // The arity picks the overload: one parameter for TRANSFORM over an array, none fits two.
    var wrongArity = registry.resolve("TRANSFORM", new java.util.ArrayList<>(java.util.Arrays.asList(array, null)),
        java.util.Map.of(1, lambda(2, p -> t(SqlTypeName.INTEGER))), tf);
    assertNull(wrongArity.resolution());
    assertEquals("LAMBDA (2 arguments)", wrongArity.display(1, FunctionRegistryTest::sql));
  }

  @Test
  void lambdaParameterTypesCannotComeFromNull() {
    var e = assertThrows(SluiceException.class, () -> registry.resolve("REDUCE",
        new java.util.ArrayList<>(java.util.Arrays.asList(t(SqlTypeName.NULL), t(SqlTypeName.INTEGER), null)),
        java.util.Map.of(2, lambda(2, p -> t(SqlTypeName.INTEGER))), tf));
    assertTrue(e.getMessage().startsWith("Can't infer the type of the lambda parameters of REDUCE"), e.getMessage());
  }

  /** A user-style function class taking a lambda. */
  public static final class Apply {
    private Apply() {}

    @Udf(name = "APPLY_TWICE", category = "TEST", description = "f(f(x)).")
    public static <T> T applyTwice(@UdfParam("x") T x, @UdfParam("f") java.util.function.Function<T, T> f) {
      return f.apply(f.apply(x));
    }
  }

  @Test
  void anyFunctionMayTakeALambda() {
    FunctionRegistry custom = new FunctionRegistry(List.of(Apply.class));
    assertEquals("(T, LAMBDA (T) => T)", custom.overloads("APPLY_TWICE").get(0).signature().toString());
    var r = custom.resolve("APPLY_TWICE", new java.util.ArrayList<>(java.util.Arrays.asList(t(SqlTypeName.BIGINT),
        null)), java.util.Map.of(1, lambda(1, p -> p.get(0))), tf);
    assertEquals(SqlTypeName.BIGINT, r.resolution().returnType().getSqlTypeName());
    assertEquals(4L, Apply.applyTwice(1L, x -> x * 2));
  }

  private static Signature.LambdaArg lambda(int arity, java.util.function.Function<List<RelDataType>, RelDataType> body) {
    return new Signature.LambdaArg() {
      @Override
      public int arity() {
        return arity;
      }

      @Override
      public RelDataType bodyType(List<RelDataType> params) {
        return body.apply(params);
      }
    };
  }

  private static String sql(RelDataType type) {
    return dev.sluice.planner.calcite.TypeConverter.fromRel(type).sql();
  }

  @Test
  void variadicAndGenericFunctionsAreTyped() {
    assertEquals(SqlTypeName.VARCHAR, registry.resolve("CONCAT",
        List.of(t(SqlTypeName.VARCHAR), t(SqlTypeName.CHAR), t(SqlTypeName.VARCHAR)), tf).returnType().getSqlTypeName());
    RelDataType array = tf.createTypeWithNullability(tf.createArrayType(t(SqlTypeName.BIGINT), -1), true);
    assertEquals(SqlTypeName.BIGINT, registry.resolve("ARRAY_MAX", List.of(array), tf).returnType().getSqlTypeName());
    assertEquals(SqlTypeName.INTEGER, registry.resolve("ARRAY_LENGTH", List.of(array), tf).returnType()
        .getSqlTypeName());
    assertEquals(SqlTypeName.BIGINT, registry.resolve("IFNULL", List.of(t(SqlTypeName.NULL), t(SqlTypeName.BIGINT)), tf)
        .returnType().getSqlTypeName());
    assertEquals(SqlTypeName.BIGINT, registry.resolve("COALESCE",
        List.of(t(SqlTypeName.INTEGER), t(SqlTypeName.BIGINT)), tf).returnType().getSqlTypeName());
  }

  @Test
  void noOverloadGivesNull() {
    assertNull(registry.resolve("ABS", List.of(t(SqlTypeName.VARCHAR)), tf));
    assertNull(registry.resolve("LEN", List.of(), tf));
  }

  @Test
  void nonDeterministicFunctionsAreMarked() {
    assertFalse(registry.overloads("UUID").stream().filter(o -> o.method().getParameterCount() == 0)
        .findFirst().orElseThrow().annotation().deterministic());
    assertFalse(new UdfOperator(registry, "RANDOM").isDeterministic());
    assertFalse(new UdfOperator(registry, "UNIX_TIMESTAMP").isDeterministic());
    assertTrue(new UdfOperator(registry, "ABS").isDeterministic());
  }

  @Test
  void everyFunctionHasDescriptionAndCategory() {
    registry.scalars().forEach((name, overloads) -> overloads.forEach(o -> {
      assertFalse(o.annotation().description().isBlank(), name);
      assertFalse(o.annotation().category().equals("OTHER"), name);
    }));
  }
}
