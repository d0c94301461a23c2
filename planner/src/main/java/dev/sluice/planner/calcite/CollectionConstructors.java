package dev.sluice.planner.calcite;

import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.Position;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlArrayValueConstructor;
import org.apache.calcite.sql.fun.SqlMapValueConstructor;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * {@code ARRAY[...]} and {@code MAP(k := v, ...)} typed as ksqlDB types them: the elements (keys, values)
 * get a common type, to which each is then cast. Numbers widen (INT, BIGINT, DECIMAL, DOUBLE), structs
 * merge by field name (a field one of them lacks is NULL in it), arrays and maps merge element-wise, and a
 * STRING literal is read as the common type ({@code '2e1'} in an INT array is 20) or rejected with
 * ksqlDB's "invalid input syntax" message. An empty or all-NULL constructor gets ksqlDB's message too.
 *
 * <p>The casts are written into the SQL tree (by {@link InCoercion.Coercer}) and the call then becomes
 * Calcite's own constructor, so the plan prints, and re-plans, as plain SQL.
 */
final class CollectionConstructors {
  private static final String ISSUE = " (see https://github.com/confluentinc/ksql/issues/4239)";

  private CollectionConstructors() {}

  static final SqlOperator ARRAY = new SqlArrayValueConstructor() {
    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
      if (call.operandCount() == 0) {
        throw error(call, "Array constructor cannot be empty. Please supply at least one element" + ISSUE + ".");
      }
      List<SqlNode> elements = call.getOperandList();
      RelDataType common = commonType(validator, scope, elements);
      if (common == null) {
        throw error(call, "Cannot construct an array with all NULL elements" + ISSUE
            + ". As a workaround, you may cast a NULL value to the desired type.");
      }
      coerce(validator, scope, call, 0, 1, common);
      ((SqlBasicCall) call).setOperator(SqlStdOperatorTable.ARRAY_VALUE_CONSTRUCTOR);
      return SqlStdOperatorTable.ARRAY_VALUE_CONSTRUCTOR.deriveType(validator, scope, call);
    }
  };

  static final SqlOperator MAP = new SqlMapValueConstructor() {
    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
      if (call.operandCount() == 0) {
        throw error(call, "Map constructor cannot be empty. Please supply at least one key value pair" + ISSUE + ".");
      }
      List<SqlNode> keys = new ArrayList<>();
      List<SqlNode> values = new ArrayList<>();
      for (int i = 0; i + 1 < call.operandCount(); i += 2) {
        keys.add(call.operand(i));
        values.add(call.operand(i + 1));
      }
      RelDataType keyType = commonType(validator, scope, keys);
      if (keyType == null) {
        throw error(call, "Cannot construct a map with all NULL keys" + ISSUE
            + ". As a workaround, you may cast a NULL key to the desired type.");
      }
      RelDataType valueType = commonType(validator, scope, values);
      if (valueType == null) {
        throw error(call, "Cannot construct a map with all NULL values" + ISSUE
            + ". As a workaround, you may cast a NULL value to the desired type.");
      }
      coerce(validator, scope, call, 0, 2, keyType);
      coerce(validator, scope, call, 1, 2, valueType);
      ((SqlBasicCall) call).setOperator(SqlStdOperatorTable.MAP_VALUE_CONSTRUCTOR);
      return SqlStdOperatorTable.MAP_VALUE_CONSTRUCTOR.deriveType(validator, scope, call);
    }
  };

  /**
   * Casts the operands {@code from}, {@code from + step}, ... of {@code call} to {@code common}. Operands
   * that are all STRING or NULL literals are left alone: Calcite types them alike, and a context that
   * coerces literals (an IN list) must still see them as literals.
   */
  private static void coerce(SqlValidator validator, SqlValidatorScope scope, SqlCall call, int from, int step,
      RelDataType common) {
    boolean literals = true;
    for (int i = from; i < call.operandCount(); i += step) {
      literals &= call.operand(i) instanceof SqlLiteral l
          && (l.getTypeName() == SqlTypeName.CHAR || l.getTypeName() == SqlTypeName.NULL);
    }
    if (literals && SqlTypeUtil.isCharacter(common)) {
      return;
    }
    InCoercion.Coercer coercer = new InCoercion.Coercer(validator, scope, "");
    for (int i = from; i < call.operandCount(); i += step) {
      SqlNode operand = call.operand(i);
      if (operand instanceof SqlLiteral l && l.getTypeName() == SqlTypeName.NULL) {
        // A new NULL: the validator may have typed the old one as the first element, whose shape may differ.
        operand = SqlLiteral.createNull(operand.getParserPosition());
      }
      call.setOperand(i, coercer.element(operand, common));
    }
  }

  /**
   * The type the elements share, null when all are NULL literals. STRING literals count only when nothing
   * else gives a type: they are read as the others' type.
   */
  static RelDataType commonType(SqlValidator validator, SqlValidatorScope scope, List<SqlNode> elements) {
    RelDataTypeFactory tf = validator.getTypeFactory();
    RelDataType common = null;
    List<String> strings = new ArrayList<>();
    for (SqlNode element : elements) {
      if (element instanceof SqlLiteral literal) {
        if (literal.getTypeName() == SqlTypeName.NULL) {
          continue;
        }
        if (literal.getTypeName() == SqlTypeName.CHAR) {
          strings.add(literal.getValueAs(String.class));
          continue;
        }
      }
      RelDataType type = validator.deriveType(scope, element);
      if (type.getSqlTypeName() == SqlTypeName.NULL) {
        continue;
      }
      RelDataType merged = common == null ? type : merge(tf, common, type);
      if (merged == null) {
        SqlParserPos p = element.getParserPosition();
        throw SluiceException.statement(new Position(p.getLineNum(), p.getColumnNum()), "operator does not exist: "
            + TypeConverter.fromRel(common).sql() + " = " + TypeConverter.fromRel(type).sql() + " ("
            + element.toString().replace("`", "") + ")\nHint: You might need to add explicit type casts.");
      }
      common = merged;
    }
    if (common != null && SqlTypeUtil.isNumeric(common)) {
      // As ksqlDB: a numeric STRING literal among numbers is a DECIMAL of its digits ('2e1' is DECIMAL(2, 0)).
      for (String text : strings) {
        BigDecimal value = decimal(text);
        if (value != null) {
          value = value.setScale(Math.max(value.scale(), 0));
          common = number(tf, common, tf.createSqlType(SqlTypeName.DECIMAL,
              Math.max(value.precision(), value.scale()), value.scale()));
        }
      }
    }
    if (common == null && !strings.isEmpty()) {
      common = tf.createSqlType(SqlTypeName.VARCHAR);
    }
    return common == null ? null : tf.createTypeWithNullability(common, true);
  }

  /** The type holding values of both, or null when there is none. */
  private static RelDataType merge(RelDataTypeFactory tf, RelDataType a, RelDataType b) {
    SqlTypeName x = a.getSqlTypeName();
    SqlTypeName y = b.getSqlTypeName();
    if (SqlTypeUtil.isNumeric(a) && SqlTypeUtil.isNumeric(b)) {
      return number(tf, a, b);
    }
    if (SqlTypeUtil.isCharacter(a) && SqlTypeUtil.isCharacter(b)) {
      return tf.createSqlType(SqlTypeName.VARCHAR);
    }
    if (x != y) {
      return null;
    }
    switch (x) {
      case ARRAY: {
        RelDataType element = merge(tf, a.getComponentType(), b.getComponentType());
        return element == null ? null : tf.createArrayType(tf.createTypeWithNullability(element, true), -1);
      }
      case MAP: {
        RelDataType key = merge(tf, a.getKeyType(), b.getKeyType());
        RelDataType value = merge(tf, a.getValueType(), b.getValueType());
        return key == null || value == null ? null : tf.createMapType(key, tf.createTypeWithNullability(value, true));
      }
      case ROW: {
        List<String> names = new ArrayList<>(a.getFieldNames());
        List<RelDataType> types = new ArrayList<>();
        for (RelDataTypeField f : a.getFieldList()) {
          RelDataTypeField other = b.getField(f.getName(), true, false);
          RelDataType t = other == null ? f.getType() : merge(tf, f.getType(), other.getType());
          if (t == null) {
            return null;
          }
          types.add(tf.createTypeWithNullability(t, true));
        }
        for (RelDataTypeField f : b.getFieldList()) {
          if (a.getField(f.getName(), true, false) == null) {
            names.add(f.getName());
            types.add(tf.createTypeWithNullability(f.getType(), true));
          }
        }
        return tf.createStructType(types, names);
      }
      default:
        return a;
    }
  }

  private static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      return null; // not a number: the element's coercion reports it
    }
  }

  /** ksqlDB's widening: INT, BIGINT, DECIMAL (holding both), DOUBLE. */
  private static RelDataType number(RelDataTypeFactory tf, RelDataType a, RelDataType b) {
    SqlTypeName x = a.getSqlTypeName();
    SqlTypeName y = b.getSqlTypeName();
    if (x == SqlTypeName.DOUBLE || y == SqlTypeName.DOUBLE || x == SqlTypeName.FLOAT || y == SqlTypeName.FLOAT
        || x == SqlTypeName.REAL || y == SqlTypeName.REAL) {
      return tf.createSqlType(SqlTypeName.DOUBLE);
    }
    if (x == SqlTypeName.DECIMAL || y == SqlTypeName.DECIMAL) {
      int digits = Math.max(integerDigits(a), integerDigits(b));
      int scale = Math.max(x == SqlTypeName.DECIMAL ? a.getScale() : 0, y == SqlTypeName.DECIMAL ? b.getScale() : 0);
      int max = tf.getTypeSystem().getMaxPrecision(SqlTypeName.DECIMAL);
      return tf.createSqlType(SqlTypeName.DECIMAL, Math.min(digits + scale, max), scale);
    }
    return x == SqlTypeName.BIGINT || y == SqlTypeName.BIGINT ? tf.createSqlType(SqlTypeName.BIGINT)
        : tf.createSqlType(SqlTypeName.INTEGER);
  }

  private static int integerDigits(RelDataType t) {
    return switch (t.getSqlTypeName()) {
      case DECIMAL -> t.getPrecision() - t.getScale();
      case BIGINT -> 19;
      default -> 10;
    };
  }

  private static SluiceException error(SqlCall call, String message) {
    SqlParserPos p = call.getParserPosition();
    return SluiceException.statement(new Position(p.getLineNum(), p.getColumnNum()), message);
  }
}
