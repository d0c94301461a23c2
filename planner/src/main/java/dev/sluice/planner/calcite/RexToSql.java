package dev.sluice.planner.calcite;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.planner.schema.SqlType;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLambda;
import org.apache.calcite.rex.RexLambdaRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Prints an optimized Calcite expression back as SQL of Sluice's dialect, over named input columns. This is
 * how expressions are persisted in physical plans: the text parses back, through the same pipeline, into
 * the same program. Every operator is parenthesized so that no precedence rule can change the meaning.
 */
public final class RexToSql {
  private final List<String> inputNames;

  public RexToSql(List<String> inputNames) {
    this.inputNames = inputNames;
  }

  public String print(RexNode node) {
    if (node instanceof RexInputRef ref) {
      return quote(inputNames.get(ref.getIndex()));
    } else if (node instanceof RexLiteral literal) {
      return literal(literal);
    } else if (node instanceof RexFieldAccess access) {
      return "(" + print(access.getReferenceExpr()) + ")->" + quote(access.getField().getName());
    } else if (node instanceof RexCall call) {
      return call(call);
    } else if (node instanceof RexLambda lambda) {
      return lambda.getParameters().stream().map(p -> quote(p.getName())).collect(Collectors.joining(", ", "(",
          ") => ")) + print(lambda.getExpression());
    } else if (node instanceof RexLambdaRef ref) {
      return quote(ref.getName());
    }
    throw unsupported(node);
  }

  private String call(RexCall call) {
    List<RexNode> ops = call.getOperands();
    SqlKind kind = call.getKind();
    switch (kind) {
      case AND:
      case OR:
        return ops.stream().map(this::print).collect(Collectors.joining(" " + kind.sql + " ", "(", ")"));
      case NOT:
        return "(NOT " + print(ops.get(0)) + ")";
      case EQUALS: return infix("=", ops);
      case NOT_EQUALS: return infix("<>", ops);
      case LESS_THAN: return infix("<", ops);
      case LESS_THAN_OR_EQUAL: return infix("<=", ops);
      case GREATER_THAN: return infix(">", ops);
      case GREATER_THAN_OR_EQUAL: return infix(">=", ops);
      case PLUS: return infix("+", ops);
      case MINUS: return infix("-", ops);
      case TIMES: return infix("*", ops);
      case DIVIDE: return infix("/", ops);
      case MOD: return infix("%", ops);
      case MINUS_PREFIX: return "(-" + print(ops.get(0)) + ")";
      case PLUS_PREFIX: return print(ops.get(0));
      case IS_NULL: return "(" + print(ops.get(0)) + " IS NULL)";
      case IS_NOT_NULL: return "(" + print(ops.get(0)) + " IS NOT NULL)";
      case IS_TRUE: return truth(ops.get(0), "TRUE", "FALSE");
      case IS_NOT_TRUE: return truth(ops.get(0), "FALSE", "TRUE");
      case IS_FALSE: return truth("(NOT " + print(ops.get(0)) + ")", "TRUE", "FALSE");
      case IS_NOT_FALSE: return truth("(NOT " + print(ops.get(0)) + ")", "FALSE", "TRUE");
      case IS_DISTINCT_FROM: return infix("IS DISTINCT FROM", ops);
      case IS_NOT_DISTINCT_FROM: return infix("IS NOT DISTINCT FROM", ops);
      case LIKE:
        return "(" + print(ops.get(0)) + " LIKE " + print(ops.get(1))
            + (ops.size() > 2 ? " ESCAPE " + print(ops.get(2)) : "") + ")";
      case CAST:
        return "CAST(" + print(ops.get(0)) + " AS " + TypeConverter.fromRel(call.getType()).sql() + ")";
      case CASE: {
        StringBuilder sb = new StringBuilder("(CASE");
        for (int i = 0; i + 1 < ops.size(); i += 2) {
          sb.append(" WHEN ").append(print(ops.get(i))).append(" THEN ").append(print(ops.get(i + 1)));
        }
        return sb.append(" ELSE ").append(print(ops.get(ops.size() - 1))).append(" END)").toString();
      }
      case ITEM:
        return print(ops.get(0)) + "[" + print(ops.get(1)) + "]";
      case ARRAY_VALUE_CONSTRUCTOR:
        return ops.stream().map(this::print).collect(Collectors.joining(", ", "ARRAY[", "]"));
      case MAP_VALUE_CONSTRUCTOR: {
        StringBuilder sb = new StringBuilder("MAP(");
        for (int i = 0; i + 1 < ops.size(); i += 2) {
          sb.append(i == 0 ? "" : ", ").append(print(ops.get(i))).append(" := ").append(print(ops.get(i + 1)));
        }
        return sb.append(")").toString();
      }
      case ROW: {
        List<String> names = call.getType().getFieldNames();
        StringBuilder sb = new StringBuilder("STRUCT(");
        for (int i = 0; i < ops.size(); i++) {
          sb.append(i == 0 ? "" : ", ").append(quote(names.get(i))).append(" := ").append(print(ops.get(i)));
        }
        return sb.append(")").toString();
      }
      default:
        if (call.getOperator().getName().equals("||")) {
          return infix("||", ops);
        }
        if (kind == SqlKind.OTHER_FUNCTION || call.getOperator() instanceof org.apache.calcite.sql.SqlFunction) {
          return call.getOperator().getName()
              + ops.stream().map(this::print).collect(Collectors.joining(", ", "(", ")"));
        }
        throw unsupported(call);
    }
  }

  /** {@code IS [NOT] TRUE/FALSE}, which the dialect lacks, as a CASE: null counts as not true. */
  private String truth(RexNode operand, String whenTrue, String otherwise) {
    return truth(print(operand), whenTrue, otherwise);
  }

  private static String truth(String operand, String whenTrue, String otherwise) {
    return "(CASE WHEN " + operand + " THEN " + whenTrue + " ELSE " + otherwise + " END)";
  }

  private String infix(String op, List<RexNode> ops) {
    return "(" + print(ops.get(0)) + " " + op + " " + print(ops.get(1)) + ")";
  }

  private static String literal(RexLiteral literal) {
    RelDataType type = literal.getType();
    if (literal.isNull()) {
      return type.getSqlTypeName() == SqlTypeName.NULL ? "NULL"
          : "CAST(NULL AS " + TypeConverter.fromRel(type).sql() + ")";
    }
    switch (type.getSqlTypeName()) {
      case CHAR:
      case VARCHAR:
        return "'" + literal.getValueAs(String.class).replace("'", "''") + "'";
      case BOOLEAN:
        return Boolean.TRUE.equals(literal.getValueAs(Boolean.class)) ? "TRUE" : "FALSE";
      case INTEGER:
        return Integer.toString(literal.getValueAs(Integer.class));
      case BIGINT: {
        long v = literal.getValueAs(Long.class);
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? "CAST(" + v + " AS BIGINT)" : Long.toString(v);
      }
      case DECIMAL: {
        BigDecimal v = literal.getValueAs(BigDecimal.class).setScale(Math.max(type.getScale(), 0));
        String text = v.toPlainString();
        SqlType declared = TypeConverter.fromRel(type);
        boolean natural = v.scale() > 0 && v.precision() == type.getPrecision();
        return natural ? text : "CAST(" + text + " AS " + declared.sql() + ")";
      }
      case DOUBLE:
      case FLOAT:
      case REAL: {
        double d = literal.getValueAs(Double.class);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          break;
        }
        String text = Double.toString(d);
        return text.contains("E") ? text : text + "E0";
      }
      case DATE:
        // A string Calcite read as a date (d = '2020-01-01'): printed as the cast it was, which re-plans to it.
        return "CAST('" + java.time.LocalDate.ofEpochDay(literal.getValueAs(Integer.class)) + "' AS DATE)";
      case TIME:
        return "CAST('" + java.time.LocalTime.ofNanoOfDay(literal.getValueAs(Integer.class) * 1_000_000L)
            .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS")) + "' AS TIME)";
      case TIMESTAMP:
        return "CAST('" + java.time.Instant.ofEpochMilli(literal.getValueAs(Long.class))
            .atOffset(java.time.ZoneOffset.UTC).toLocalDateTime()
            .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")) + "' AS TIMESTAMP)";
      default:
        break;
    }
    throw unsupported(literal);
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  private static SluiceException unsupported(RexNode node) {
    return new SluiceException(ErrorCode.BAD_STATEMENT, "Expression not supported yet: " + node);
  }
}
