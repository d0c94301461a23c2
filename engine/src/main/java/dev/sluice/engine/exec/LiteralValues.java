package dev.sluice.engine.exec;

import dev.sluice.engine.serde.TemporalText;
import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.Expression;
import dev.sluice.parser.ast.UnaryOperator;
import dev.sluice.planner.schema.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeParseException;

/**
 * Converts the literal values of INSERT ... VALUES to a column's type, in the engine's row representation,
 * with ksqlDB's implicit conversions (an integer into BIGINT, DOUBLE or DECIMAL; an ISO string into a
 * TIMESTAMP, DATE or TIME, read as UTC) and its messages. Other expressions are {@link ValueExpressions}'.
 */
final class LiteralValues {
  private LiteralValues() {}

  /** Whether {@code e} is a literal, or a negated one, which {@link #coerce} converts. */
  static boolean isLiteral(Expression e) {
    if (e instanceof Expression.Unary u && u.op() == UnaryOperator.MINUS) {
      return isLiteral(u.operand());
    }
    return AstLiterals.isLiteral(e);
  }

  static Object coerce(Expression e, SqlType type, String column) {
    if (e instanceof Expression.NullLiteral) {
      return null;
    }
    if (e instanceof Expression.Unary u && u.op() == UnaryOperator.MINUS) {
      Object v = coerce(u.operand(), type, column);
      if (v instanceof Integer i) {
        return -i;
      } else if (v instanceof Long l) {
        return -l;
      } else if (v instanceof Double d) {
        return -d;
      } else if (v instanceof BigDecimal d) {
        return d.negate();
      }
      throw mismatch(e, type, column);
    }
    switch (type.base()) {
      case BOOLEAN:
        if (e instanceof Expression.BooleanLiteral b) {
          return b.value();
        }
        break;
      case INTEGER:
        if (e instanceof Expression.IntegerLiteral i && i.value() >= Integer.MIN_VALUE
            && i.value() <= Integer.MAX_VALUE) {
          return (int) i.value();
        }
        break;
      case BIGINT:
        if (e instanceof Expression.IntegerLiteral i) {
          return i.value();
        }
        break;
      case DOUBLE:
        if (e instanceof Expression.IntegerLiteral i) {
          return (double) i.value();
        } else if (e instanceof Expression.DecimalLiteral d) {
          return d.value().doubleValue();
        } else if (e instanceof Expression.DoubleLiteral d) {
          return d.value();
        }
        break;
      case DECIMAL: {
        SqlType.Decimal decimal = (SqlType.Decimal) type;
        BigDecimal value = null;
        if (e instanceof Expression.IntegerLiteral i) {
          value = BigDecimal.valueOf(i.value());
        } else if (e instanceof Expression.DecimalLiteral d) {
          value = d.value();
        }
        if (value != null) {
          BigDecimal scaled = value.setScale(decimal.scale(), RoundingMode.HALF_UP);
          if (scaled.precision() > decimal.precision()) {
            throw SluiceException.statement(e.pos(), "Cannot fit decimal '" + value.toPlainString()
                + "' into " + type.sql() + " for column " + column);
          }
          return scaled;
        }
        break;
      }
      case STRING:
        if (e instanceof Expression.StringLiteral s) {
          return s.value();
        }
        break;
      case TIMESTAMP:
        if (e instanceof Expression.IntegerLiteral i) {
          return i.value();
        } else if (e instanceof Expression.StringLiteral s) {
          return parse(e, type, column, () -> TemporalText.parse(s.value(), type));
        }
        break;
      case DATE:
      case TIME:
        if (e instanceof Expression.StringLiteral s) {
          return parse(e, type, column, () -> TemporalText.parse(s.value(), type));
        }
        break;
      default:
        break;
    }
    throw mismatch(e, type, column);
  }

  private interface Parse {
    Object parse();
  }

  private static Object parse(Expression e, SqlType type, String column, Parse parse) {
    try {
      return parse.parse();
    } catch (DateTimeParseException ex) {
      throw SluiceException.statement(e.pos(), "Cannot parse '" + ((Expression.StringLiteral) e).value()
          + "' as " + type.sql() + " for column " + column + ": " + ex.getMessage());
    }
  }

  private static SluiceException mismatch(Expression e, SqlType type, String column) {
    return SluiceException.statement(e.pos(), "Expected type " + type.sql() + " for field " + column
        + " but got " + AstLiterals.describe(e));
  }

  /** What a literal is, in the words of an error message. */
  static final class AstLiterals {
    private AstLiterals() {}

    static boolean isLiteral(Expression e) {
      return e instanceof Expression.StringLiteral || e instanceof Expression.IntegerLiteral
          || e instanceof Expression.DecimalLiteral || e instanceof Expression.DoubleLiteral
          || e instanceof Expression.BooleanLiteral || e instanceof Expression.NullLiteral;
    }

    static String describe(Expression e) {
      if (e instanceof Expression.StringLiteral s) {
        return "STRING '" + s.value() + "'";
      } else if (e instanceof Expression.IntegerLiteral i) {
        return "INTEGER " + i.value();
      } else if (e instanceof Expression.DecimalLiteral d) {
        return "DECIMAL " + d.value().toPlainString();
      } else if (e instanceof Expression.DoubleLiteral d) {
        return "DOUBLE " + d.value();
      } else if (e instanceof Expression.BooleanLiteral b) {
        return "BOOLEAN " + b.value();
      }
      return e.getClass().getSimpleName();
    }
  }
}
