package dev.sluice.planner.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import java.math.RoundingMode;

/**
 * Calcite's type system bent to ksqlDB's semantics: DECIMAL up to precision 38 with HALF_UP rounding and
 * ksqlDB's result types for decimal arithmetic, unbounded strings, millisecond timestamps, and CASE branches
 * of different string lengths typed as VARCHAR rather than blank-padded CHAR.
 */
public final class SluiceTypeSystem extends RelDataTypeSystemImpl {
  public static final SluiceTypeSystem INSTANCE = new SluiceTypeSystem();
  static final int MAX_DECIMAL = 38;

  private SluiceTypeSystem() {}

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    switch (typeName) {
      case DECIMAL:
        return MAX_DECIMAL;
      case VARCHAR:
      case VARBINARY:
        return Integer.MAX_VALUE;
      case TIMESTAMP:
      case TIME:
        return 3;
      default:
        return super.getMaxPrecision(typeName);
    }
  }

  @Override
  public int getDefaultPrecision(SqlTypeName typeName) {
    switch (typeName) {
      case VARCHAR:
      case VARBINARY:
        return Integer.MAX_VALUE;
      case TIMESTAMP:
      case TIME:
        return 3;
      default:
        return super.getDefaultPrecision(typeName);
    }
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL : super.getMaxScale(typeName);
  }

  @Override
  public RoundingMode roundingMode() {
    return RoundingMode.HALF_UP;
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }

  /** ksqlDB: p = p1 - s1 + s2 + max(6, s1 + p2 + 1), s = max(6, s1 + p2 + 1), capped at 38. */
  @Override
  public RelDataType deriveDecimalDivideType(RelDataTypeFactory factory, RelDataType t1, RelDataType t2) {
    if (!bothExactNumeric(t1, t2)) {
      return super.deriveDecimalDivideType(factory, t1, t2);
    }
    int p1 = precision(t1);
    int s1 = t1.getScale();
    int p2 = precision(t2);
    int s2 = t2.getScale();
    int scale = Math.max(6, s1 + p2 + 1);
    int precision = p1 - s1 + s2 + scale;
    return decimal(factory, precision, scale, t1, t2);
  }

  /** ksqlDB: s = max(s1, s2), p = max(p1 - s1, p2 - s2) + s + 1. */
  @Override
  public RelDataType deriveDecimalPlusType(RelDataTypeFactory factory, RelDataType t1, RelDataType t2) {
    if (!bothExactNumeric(t1, t2)) {
      return super.deriveDecimalPlusType(factory, t1, t2);
    }
    int scale = Math.max(t1.getScale(), t2.getScale());
    int precision = Math.max(precision(t1) - t1.getScale(), precision(t2) - t2.getScale()) + scale + 1;
    return decimal(factory, precision, scale, t1, t2);
  }

  /** ksqlDB: p = p1 + p2 + 1, s = s1 + s2. */
  @Override
  public RelDataType deriveDecimalMultiplyType(RelDataTypeFactory factory, RelDataType t1, RelDataType t2) {
    if (!bothExactNumeric(t1, t2)) {
      return super.deriveDecimalMultiplyType(factory, t1, t2);
    }
    return decimal(factory, precision(t1) + precision(t2) + 1, t1.getScale() + t2.getScale(), t1, t2);
  }

  /** ksqlDB: p = min(p1 - s1, p2 - s2) + max(s1, s2), s = max(s1, s2). */
  @Override
  public RelDataType deriveDecimalModType(RelDataTypeFactory factory, RelDataType t1, RelDataType t2) {
    if (!bothExactNumeric(t1, t2)) {
      return super.deriveDecimalModType(factory, t1, t2);
    }
    int scale = Math.max(t1.getScale(), t2.getScale());
    int precision = Math.min(precision(t1) - t1.getScale(), precision(t2) - t2.getScale()) + scale;
    return decimal(factory, precision, scale, t1, t2);
  }

  private static boolean bothExactNumeric(RelDataType t1, RelDataType t2) {
    return SqlTypeUtil.isExactNumeric(t1) && SqlTypeUtil.isExactNumeric(t2)
        && (SqlTypeUtil.isDecimal(t1) || SqlTypeUtil.isDecimal(t2));
  }

  /** ksqlDB widens INT to DECIMAL(10, 0) and BIGINT to DECIMAL(19, 0) in decimal arithmetic. */
  private static int precision(RelDataType type) {
    switch (type.getSqlTypeName()) {
      case INTEGER:
        return 10;
      case BIGINT:
        return 19;
      default:
        return type.getPrecision();
    }
  }

  private static RelDataType decimal(RelDataTypeFactory factory, int precision, int scale, RelDataType t1,
      RelDataType t2) {
    int p = Math.min(Math.max(precision, 1), MAX_DECIMAL);
    int s = Math.min(scale, p);
    RelDataType type = factory.createSqlType(SqlTypeName.DECIMAL, p, s);
    return factory.createTypeWithNullability(type, t1.isNullable() || t2.isNullable());
  }
}
