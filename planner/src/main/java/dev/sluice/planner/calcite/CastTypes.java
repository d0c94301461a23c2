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
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * ksqlDB casts between ARRAY, MAP and STRUCT types only within the same kind, and never from a primitive to
 * one of them ({@code CAST(s AS ARRAY<INT>)}); Calcite would accept some of these and fail at code
 * generation. Checked on the validated tree, with ksqlDB's message.
 */
final class CastTypes extends SqlBasicVisitor<Void> {
  private final SqlValidator validator;

  private CastTypes(SqlValidator validator) {
    this.validator = validator;
  }

  static void check(SqlValidator validator, SqlNode validated) {
    validated.accept(new CastTypes(validator));
  }

  @Override
  public Void visit(SqlCall call) {
    if (call.getKind() == SqlKind.CAST && call.operandCount() == 2) {
      RelDataType from = validator.getValidatedNodeTypeIfKnown(call.operand(0));
      RelDataType to = validator.getValidatedNodeTypeIfKnown(call);
      if (from != null && to != null && from.getSqlTypeName() != org.apache.calcite.sql.type.SqlTypeName.NULL
          && complex(to) && kind(from) != kind(to)) {
        throw SluiceException.statement(new Position(call.getParserPosition().getLineNum(),
            call.getParserPosition().getColumnNum()), "Invalid Select: Cast of " + TypeConverter.fromRel(from).sql()
            + " to " + TypeConverter.fromRel(to).sql() + " is not supported");
      }
    }
    return super.visit(call);
  }

  private static boolean complex(RelDataType t) {
    return kind(t) != null;
  }

  private static org.apache.calcite.sql.type.SqlTypeName kind(RelDataType t) {
    switch (t.getSqlTypeName()) {
      case ARRAY:
      case MAP:
      case ROW:
        return t.getSqlTypeName();
      default:
        return null;
    }
  }
}
