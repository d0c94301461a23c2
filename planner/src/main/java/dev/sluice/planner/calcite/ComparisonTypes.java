package dev.sluice.planner.calcite;

import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.Position;
import dev.sluice.planner.schema.SqlType;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * ksqlDB refuses to compare a string with a number or a boolean ({@code WHERE s > 1}), to order ARRAYs, MAPs
 * and STRUCTs ({@code <}, {@code >}; they compare for equality only), and to compare with a NULL literal;
 * Calcite accepts all three. Checked on the validated tree, where every operand has its type, so the
 * error names the operands, their types and the position of the comparison.
 */
final class ComparisonTypes extends SqlBasicVisitor<Void> {
  private final SqlValidator validator;

  private ComparisonTypes(SqlValidator validator) {
    this.validator = validator;
  }

  static void check(SqlValidator validator, SqlNode validated) {
    validated.accept(new ComparisonTypes(validator));
  }

  @Override
  public Void visit(SqlCall call) {
    if (call.getKind().belongsTo(SqlKind.BINARY_COMPARISON) && call.operandCount() == 2) {
      SqlNode left = call.operand(0);
      SqlNode right = call.operand(1);
      RelDataType lt = validator.getValidatedNodeTypeIfKnown(left);
      RelDataType rt = validator.getValidatedNodeTypeIfKnown(right);
      boolean leftNull = SqlUtil.isNullLiteral(left, false);
      boolean rightNull = SqlUtil.isNullLiteral(right, false);
      if (leftNull || rightNull) {
        throw SluiceException.statement(position(call), "Comparison with NULL not supported: "
            + (leftNull || lt == null ? "NULL" : typeName(lt)) + " " + call.getOperator().getName() + " "
            + (rightNull || rt == null ? "NULL" : typeName(rt)));
      }
      boolean ordering = call.getKind() == SqlKind.LESS_THAN || call.getKind() == SqlKind.LESS_THAN_OR_EQUAL
          || call.getKind() == SqlKind.GREATER_THAN || call.getKind() == SqlKind.GREATER_THAN_OR_EQUAL;
      if (lt != null && rt != null && (mismatch(lt, rt) || mismatch(rt, lt)
          || (ordering && (SluiceCast.complex(lt) || SluiceCast.complex(rt))))) {
        throw SluiceException.statement(position(call), "Cannot compare " + display(left) + " ("
            + TypeConverter.fromRel(lt).sql() + ") to " + display(right) + " (" + typeName(rt) + ") with "
            + call.getKind().name().toUpperCase(Locale.ROOT) + ".");
      }
    }
    return super.visit(call);
  }

  private static Position position(SqlCall call) {
    return new Position(call.getParserPosition().getLineNum(), call.getParserPosition().getColumnNum());
  }

  private static boolean isNull(RelDataType type) {
    return type.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.NULL;
  }

  private static boolean mismatch(RelDataType string, RelDataType other) {
    return SqlTypeUtil.isCharacter(string) && (SqlTypeUtil.isNumeric(other) || SqlTypeUtil.isBoolean(other));
  }

  private static String typeName(RelDataType type) {
    if (isNull(type)) {
      return "NULL";
    }
    SqlType t = TypeConverter.fromRel(type);
    return t.sql();
  }

  private static String display(SqlNode node) {
    if (node instanceof SqlIdentifier id) {
      return id.names.get(id.names.size() - 1);
    }
    return node.toString();
  }
}
