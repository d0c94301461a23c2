package dev.sluice.planner.calcite;

import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.Position;
import dev.sluice.planner.schema.SqlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.fun.SqlInOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * {@code x [NOT] IN (v, ...)} as ksqlDB types it: before Calcite derives the type of the list, each literal in
 * it (also inside ARRAY, MAP and STRUCT constructors) is converted to the type of {@code x} where ksqlDB
 * would ({@code '4.000'} for an INT, {@code 'Y'} for a BOOLEAN, {@code 10.30} for a STRING), a constructor's
 * elements are cast to the element types of {@code x} (struct fields by name), and an item of an
 * incompatible type is rejected with ksqlDB's "operator does not exist" message. The rewritten list is
 * plain SQL, so the plan prints and re-plans the same.
 */
final class InCoercion extends SqlInOperator {
  static final InCoercion IN = new InCoercion("IN", SqlKind.IN);
  static final InCoercion NOT_IN = new InCoercion("NOT IN", SqlKind.NOT_IN);

  private InCoercion(String name, SqlKind kind) {
    super(name, kind);
  }

  @Override
  public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
    if (call.operand(1) instanceof SqlNodeList list) {
      RelDataType target = validator.deriveType(scope, call.operand(0));
      // ksqlDB's error names the operand's type widened by the numbers listed before the bad item.
      List<SqlType> written = new ArrayList<>();
      for (SqlNode item : list) {
        // Literals and columns only: a constructor's type is derived after the coercer has cast its elements.
        RelDataType type = SqlUtil.isNullLiteral(item, false)
            || !(item instanceof SqlLiteral || item instanceof org.apache.calcite.sql.SqlIdentifier)
            ? null : validator.deriveType(scope, item);
        written.add(type == null || type.getSqlTypeName() == SqlTypeName.NULL ? null : TypeConverter.fromRel(type));
      }
      Coercer coercer = new Coercer(validator, scope);
      List<SqlNode> items = new ArrayList<>();
      for (SqlNode item : list) {
        SqlNode coerced = coercer.coerce(item, target);
        if (coerced != null) {
          items.add(coerced);
        }
      }
      if (!items.isEmpty()) {
        list.clear();
        items.forEach(list::add);
      }
      SqlType shown = TypeConverter.fromRel(target);
      int index = 0;
      for (SqlNode item : list) {
        RelDataType type = coercer.type(item);
        if (type != null && comparable(target, type) && index < written.size() && written.get(index) != null) {
          shown = widenNumber(shown, written.get(index));
        }
        index++;
        if (type != null && !comparable(target, type)) {
          throw error(call.getParserPosition(), "operator does not exist: " + shown.sql()
              + " = " + TypeConverter.fromRel(type).sql() + " (" + display(item) + ")"
              + "\nHint: You might need to add explicit type casts.");
        }
      }
    }
    return super.deriveType(validator, scope, call);
  }

  @Override
  public org.apache.calcite.sql.SqlOperator not() {
    return getKind() == SqlKind.IN ? NOT_IN : IN;
  }

  /**
   * The wider of two numeric types as ksqlDB widens them (INT < BIGINT < DECIMAL < DOUBLE; two DECIMALs keep
   * the larger integer part and the larger scale; INT and BIGINT count as DECIMAL(10, 0) and DECIMAL(19, 0));
   * {@code a} when either is not a number.
   */
  private static SqlType widenNumber(SqlType a, SqlType b) {
    int ra = a.numericRank();
    int rb = b.numericRank();
    if (ra < 0 || rb < 0) {
      return a;
    }
    if (ra == 3 || rb == 3) {
      return SqlType.DOUBLE;
    }
    if (ra == 2 || rb == 2) {
      SqlType.Decimal da = asDecimal(a);
      SqlType.Decimal db = asDecimal(b);
      int scale = Math.max(da.scale(), db.scale());
      int digits = Math.max(da.precision() - da.scale(), db.precision() - db.scale());
      return new SqlType.Decimal(Math.min(38, digits + scale), scale);
    }
    return ra >= rb ? a : b;
  }


  private static SqlType.Decimal asDecimal(SqlType t) {
    return t instanceof SqlType.Decimal d ? d
        : new SqlType.Decimal(t.base() == SqlType.BaseType.INTEGER ? 10 : 19, 0);
  }

  private static String display(SqlNode item) {
    if (item instanceof org.apache.calcite.sql.SqlIdentifier id) {
      return id.names.get(id.names.size() - 1);
    }
    return item.toString().replace("`", "");
  }

  static SluiceException error(SqlParserPos p, String message) {
    return SluiceException.statement(new Position(p.getLineNum(), p.getColumnNum()), "Invalid Predicate: " + message);
  }

  static boolean comparable(RelDataType a, RelDataType b) {
    SqlTypeName x = a.getSqlTypeName();
    SqlTypeName y = b.getSqlTypeName();
    if (x == SqlTypeName.NULL || y == SqlTypeName.NULL) {
      return true;
    }
    if (SqlTypeUtil.isNumeric(a) && SqlTypeUtil.isNumeric(b)
        || SqlTypeUtil.isCharacter(a) && SqlTypeUtil.isCharacter(b)) {
      return true;
    }
    if (x == SqlTypeName.ARRAY && y == SqlTypeName.ARRAY) {
      return comparable(a.getComponentType(), b.getComponentType());
    }
    if (x == SqlTypeName.MAP && y == SqlTypeName.MAP) {
      return comparable(a.getKeyType(), b.getKeyType()) && comparable(a.getValueType(), b.getValueType());
    }
    if (x == SqlTypeName.ROW && y == SqlTypeName.ROW) {
      for (RelDataTypeField f : b.getFieldList()) {
        RelDataTypeField g = a.getField(f.getName(), true, false);
        if (g != null && !comparable(g.getType(), f.getType())) {
          return false;
        }
      }
      return true;
    }
    if (SqlTypeUtil.isCharacter(a) && SqlTypeUtil.isDatetime(b) || SqlTypeUtil.isDatetime(a) && SqlTypeUtil.isCharacter(b)) {
      return true;
    }
    return x == y;
  }

  /**
   * Rewrites one item of the list for a target type; null when the item can never be equal (drop it). Also
   * used for the elements of ARRAY and MAP constructors ({@link CollectionConstructors}), whose errors have
   * no "Invalid Predicate" prefix.
   */
  static final class Coercer {
    private final SqlValidator validator;
    private final SqlValidatorScope scope;
    private final String prefix;

    Coercer(SqlValidator validator, SqlValidatorScope scope) {
      this(validator, scope, "Invalid Predicate: ");
    }

    Coercer(SqlValidator validator, SqlValidatorScope scope, String prefix) {
      this.validator = validator;
      this.scope = scope;
      this.prefix = prefix;
    }

    RelDataType type(SqlNode node) {
      if (SqlUtilNull.isNullLiteral(node)) {
        return null;
      }
      return validator.deriveType(scope, node);
    }

    SqlNode coerce(SqlNode node, RelDataType target) {
      node = implicitCastUndone(node);
      SqlParserPos p = node.getParserPosition();
      SqlTypeName t = target.getSqlTypeName();
      if (node instanceof SqlLiteral literal && !SqlUtilNull.isNullLiteral(node)) {
        return literal(literal, target);
      }
      if (node instanceof SqlCall call) {
        if (call.getKind() == SqlKind.ARRAY_VALUE_CONSTRUCTOR && t == SqlTypeName.ARRAY) {
          List<SqlNode> ops = new ArrayList<>();
          for (SqlNode op : call.getOperandList()) {
            ops.add(element(op, target.getComponentType()));
          }
          return SqlStdOperatorTable.ARRAY_VALUE_CONSTRUCTOR.createCall(p, ops);
        }
        if (call.getKind() == SqlKind.MAP_VALUE_CONSTRUCTOR && t == SqlTypeName.MAP) {
          List<SqlNode> ops = new ArrayList<>();
          for (int i = 0; i < call.operandCount(); i++) {
            ops.add(element(call.operand(i), i % 2 == 0 ? target.getKeyType() : target.getValueType()));
          }
          return SqlStdOperatorTable.MAP_VALUE_CONSTRUCTOR.createCall(p, ops);
        }
        if (call.getOperator() instanceof StructConstructor struct && t == SqlTypeName.ROW) {
          List<String> names = struct.fieldNames();
          for (String name : names) {
            if (target.getField(name, true, false) == null) {
              return null;
            }
          }
          List<SqlNode> ops = new ArrayList<>();
          for (RelDataTypeField f : target.getFieldList()) {
            int i = names.indexOf(f.getName());
            ops.add(i < 0 ? cast(SqlLiteral.createNull(p), f.getType(), p) : element(call.operand(i), f.getType()));
          }
          return new StructConstructor(target.getFieldNames()).createCall(p, ops.toArray(new SqlNode[0]));
        }
      }
      return node;
    }

    /**
     * The literal under a cast to CHAR: Calcite's coercion gives the STRING literals of a constructor it typed
     * (ARRAY['3', null]) that cast, and the dialect has no CHAR type a user could have written, so it is undone
     * for the literal to be read as the target type, as ksqlDB reads it.
     */
    private static SqlNode implicitCastUndone(SqlNode node) {
      if (node instanceof SqlCall call && call.getKind() == SqlKind.CAST
          && call.operand(0) instanceof SqlLiteral literal && literal.getTypeName() == SqlTypeName.CHAR
          && call.operand(1) instanceof org.apache.calcite.sql.SqlDataTypeSpec spec
          && "CHAR".equals(spec.getTypeName().getSimple())) {
        return literal;
      }
      return node;
    }

    /** An element of a constructor: coerced, then cast to the element type when comparable. */
    SqlNode element(SqlNode node, RelDataType target) {
      SqlParserPos p = node.getParserPosition();
      // A null may already carry its constructor's element type (ARRAY['3', null] made it a STRING null).
      if (SqlUtil.isNullLiteral(node, true)) {
        return cast(SqlLiteral.createNull(p), target, p);
      }
      SqlNode coerced = coerce(node, target);
      if (coerced == null) {
        return node;
      }
      RelDataType type = validator.deriveType(scope, coerced);
      if (!comparable(target, type) || SqlTypeUtil.equalSansNullability(validator.getTypeFactory(), type, target)) {
        return coerced;
      }
      return cast(coerced, target, p);
    }

    private static SqlNode cast(SqlNode node, RelDataType target, SqlParserPos p) {
      SqlType type = TypeConverter.fromRel(target);
      return SqlStdOperatorTable.CAST.createCall(p, node,
          AstToSqlNode.typeSpec(type, new Position(p.getLineNum(), p.getColumnNum())));
    }

    private SqlNode literal(SqlLiteral literal, RelDataType target) {
      SqlParserPos p = literal.getParserPosition();
      if (SqlTypeUtil.isCharacter(target) && literal.getTypeName() != SqlTypeName.CHAR) {
        if (literal.getTypeName() == SqlTypeName.BOOLEAN) {
          return SqlLiteral.createCharString(String.valueOf(literal.booleanValue()), p);
        }
        if (SqlTypeName.NUMERIC_TYPES.contains(literal.getTypeName())) {
          return SqlLiteral.createCharString(literal.toValue(), p);
        }
        return literal;
      }
      if (literal.getTypeName() != SqlTypeName.CHAR) {
        return literal;
      }
      String text = literal.getValueAs(String.class);
      if (SqlTypeUtil.isBoolean(target)) {
        Boolean b = parseBoolean(text);
        if (b == null) {
          throw syntax(literal, target, text);
        }
        return SqlLiteral.createBoolean(b, p);
      }
      if (SqlTypeUtil.isNumeric(target)) {
        BigDecimal v;
        try {
          v = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
          throw syntax(literal, target, text);
        }
        if (target.getSqlTypeName() == SqlTypeName.DOUBLE) {
          return SqlLiteral.createApproxNumeric(Double.toString(v.doubleValue()), p);
        }
        return SqlLiteral.createExactNumeric(v.toPlainString(), p);
      }
      return literal;
    }

    private SluiceException syntax(SqlLiteral literal, RelDataType target, String text) {
      SqlParserPos p = literal.getParserPosition();
      return SluiceException.statement(new Position(p.getLineNum(), p.getColumnNum()), prefix
          + "invalid input syntax for type "
          + TypeConverter.fromRel(target).sql() + ": \"" + text + "\".");
    }

    private static Boolean parseBoolean(String text) {
      String s = text.trim().toLowerCase(Locale.ROOT);
      if (s.isEmpty()) {
        return null;
      }
      if ("true".startsWith(s) || "yes".startsWith(s)) {
        return true;
      }
      if ("false".startsWith(s) || "no".startsWith(s)) {
        return false;
      }
      return null;
    }
  }

  private static final class SqlUtilNull {
    static boolean isNullLiteral(SqlNode node) {
      return node instanceof SqlLiteral l && l.getTypeName() == SqlTypeName.NULL;
    }
  }
}
