package dev.sluice.planner.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.planner.calcite.SluiceTypeSystem;
import java.math.BigDecimal;
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
  void widensIntToBigintThenDouble() {
    var r = registry.resolve("GREATEST", List.of(t(SqlTypeName.INTEGER), t(SqlTypeName.BIGINT)), tf);
    assertEquals(SqlTypeName.BIGINT, r.returnType().getSqlTypeName());
    var sqrt = registry.resolve("SQRT", List.of(t(SqlTypeName.INTEGER)), tf);
    assertEquals(SqlTypeName.DOUBLE, sqrt.returnType().getSqlTypeName());
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

  @Test
  void roundIsHalfUp() {
    assertEquals(-3L, MathFunctions.round(-2.5));
    assertEquals(3L, MathFunctions.round(2.5));
    assertEquals(1.25, MathFunctions.round(1.245, 2));
    assertEquals(new BigDecimal("3"), MathFunctions.round(new BigDecimal("2.50")));
    assertEquals(new BigDecimal("1.30"), MathFunctions.round(new BigDecimal("1.25"), 1));
    assertNull(MathFunctions.round((Double) null));
  }
}
