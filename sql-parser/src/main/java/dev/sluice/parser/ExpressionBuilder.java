package dev.sluice.parser;

import static dev.sluice.parser.Names.identifier;
import static dev.sluice.parser.Names.pos;

import dev.sluice.parser.SluiceParser.*;
import dev.sluice.parser.ast.BinaryOperator;
import dev.sluice.parser.ast.Expression;
import dev.sluice.parser.ast.Position;
import dev.sluice.parser.ast.TimeUnit;
import dev.sluice.parser.ast.Type;
import dev.sluice.parser.ast.UnaryOperator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Builds {@link Expression} and {@link Type} nodes from the parse tree. Kept apart from the statement
 * builder because expressions are also parsed on their own ({@link SqlParser#parseExpression}).
 *
 * <p>Binary operators and predicates are positioned at their operator, every other node at its first
 * token, so that a type error in {@code a + b} points at the {@code +}.
 */
final class ExpressionBuilder extends SluiceBaseVisitor<Expression> {

  Expression expression(ParserRuleContext ctx) {
    return visit(ctx);
  }

  Optional<Expression> optional(ParserRuleContext ctx) {
    return ctx == null ? Optional.empty() : Optional.of(visit(ctx));
  }

  List<Expression> list(List<? extends ParserRuleContext> contexts) {
    List<Expression> result = new ArrayList<>(contexts.size());
    for (ParserRuleContext ctx : contexts) {
      result.add(visit(ctx));
    }
    return List.copyOf(result);
  }

  @Override
  public Expression visitExpression(ExpressionContext ctx) {
    return visit(ctx.booleanExpression());
  }

  @Override
  public Expression visitStandaloneExpression(StandaloneExpressionContext ctx) {
    return visit(ctx.expression());
  }

  // ------------------------------------------------------------------ boolean layer

  @Override
  public Expression visitPredicated(PredicatedContext ctx) {
    Expression value = visit(ctx.valueExpression());
    PredicateContext predicate = ctx.predicate();
    if (predicate == null) {
      return value;
    }
    Position at = pos(predicate);
    if (predicate instanceof ComparisonContext c) {
      return new Expression.Binary(at, comparison(c.comparisonOperator().getStart()), value, visit(c.right));
    }
    if (predicate instanceof BetweenContext b) {
      return new Expression.Between(at, value, visit(b.lower), visit(b.upper), b.NOT() != null);
    }
    if (predicate instanceof InListContext in) {
      return new Expression.InList(at, value, list(in.expression()), in.NOT() != null);
    }
    if (predicate instanceof LikeContext like) {
      return new Expression.Like(at, value, visit(like.pattern), optional(like.escape), like.NOT() != null);
    }
    if (predicate instanceof NullPredicateContext isNull) {
      return new Expression.IsNull(at, value, isNull.NOT() != null);
    }
    DistinctFromContext distinct = (DistinctFromContext) predicate;
    return new Expression.IsDistinctFrom(at, value, visit(distinct.right), distinct.NOT() != null);
  }

  private static BinaryOperator comparison(Token token) {
    return switch (token.getType()) {
      case SluiceLexer.EQ -> BinaryOperator.EQUAL;
      case SluiceLexer.NEQ -> BinaryOperator.NOT_EQUAL;
      case SluiceLexer.LT -> BinaryOperator.LESS_THAN;
      case SluiceLexer.LTE -> BinaryOperator.LESS_THAN_OR_EQUAL;
      case SluiceLexer.GT -> BinaryOperator.GREATER_THAN;
      case SluiceLexer.GTE -> BinaryOperator.GREATER_THAN_OR_EQUAL;
      default -> throw new IllegalStateException("comparison operator " + token.getText());
    };
  }

  @Override
  public Expression visitLogicalNot(LogicalNotContext ctx) {
    return new Expression.Unary(pos(ctx), UnaryOperator.NOT, visit(ctx.booleanExpression()));
  }

  @Override
  public Expression visitLogicalBinary(LogicalBinaryContext ctx) {
    BinaryOperator op = ctx.operator.getType() == SluiceLexer.AND ? BinaryOperator.AND : BinaryOperator.OR;
    return new Expression.Binary(pos(ctx.operator), op, visit(ctx.left), visit(ctx.right));
  }

  // ------------------------------------------------------------------ arithmetic layer

  @Override
  public Expression visitValueDefault(ValueDefaultContext ctx) {
    return visit(ctx.primaryExpression());
  }

  @Override
  public Expression visitArithmeticUnary(ArithmeticUnaryContext ctx) {
    boolean minus = ctx.operator.getType() == SluiceLexer.MINUS;
    // A sign written directly on a number is part of the literal, as in ksqlDB: -9223372036854775808 must
    // be a BIGINT, and -1.50 a DECIMAL(3,2), not an operation on a wider positive value.
    if (ctx.valueExpression() instanceof ValueDefaultContext value
        && value.primaryExpression() instanceof LiteralExpressionContext literal
        && literal.literal() instanceof NumericLiteralContext number) {
      return number(pos(ctx.operator), (minus ? "-" : "") + number.getText(), number.number().getStart());
    }
    UnaryOperator op = minus ? UnaryOperator.MINUS : UnaryOperator.PLUS;
    return new Expression.Unary(pos(ctx.operator), op, visit(ctx.valueExpression()));
  }

  @Override
  public Expression visitAtTimeZone(AtTimeZoneContext ctx) {
    return new Expression.AtTimeZone(pos(ctx.AT().getSymbol()), visit(ctx.valueExpression()),
        Names.string(ctx.zone));
  }

  @Override
  public Expression visitArithmeticBinary(ArithmeticBinaryContext ctx) {
    BinaryOperator op = switch (ctx.operator.getType()) {
      case SluiceLexer.PLUS -> BinaryOperator.ADD;
      case SluiceLexer.MINUS -> BinaryOperator.SUBTRACT;
      case SluiceLexer.ASTERISK -> BinaryOperator.MULTIPLY;
      case SluiceLexer.SLASH -> BinaryOperator.DIVIDE;
      case SluiceLexer.PERCENT -> BinaryOperator.MODULUS;
      case SluiceLexer.CONCAT -> BinaryOperator.CONCAT;
      default -> throw new IllegalStateException("arithmetic operator " + ctx.operator.getText());
    };
    return new Expression.Binary(pos(ctx.operator), op, visit(ctx.left), visit(ctx.right));
  }

  // ------------------------------------------------------------------ primary expressions

  @Override
  public Expression visitLiteralExpression(LiteralExpressionContext ctx) {
    return visit(ctx.literal());
  }

  @Override
  public Expression visitNullLiteral(NullLiteralContext ctx) {
    return new Expression.NullLiteral(pos(ctx));
  }

  @Override
  public Expression visitBooleanLiteral(BooleanLiteralContext ctx) {
    return new Expression.BooleanLiteral(pos(ctx), ctx.booleanValue().TRUE() != null);
  }

  @Override
  public Expression visitStringLiteral(StringLiteralContext ctx) {
    return new Expression.StringLiteral(pos(ctx), Names.string(ctx.STRING().getSymbol()));
  }

  @Override
  public Expression visitNumericLiteral(NumericLiteralContext ctx) {
    return number(pos(ctx), ctx.getText(), ctx.number().getStart());
  }

  private static Expression number(Position at, String text, Token token) {
    switch (token.getType()) {
      case SluiceLexer.INTEGER_VALUE:
        try {
          return new Expression.IntegerLiteral(at, Long.parseLong(text));
        } catch (NumberFormatException tooLarge) {
          // As in ksqlDB, an integer literal is an INT or a BIGINT; a wider one is an error, not a DECIMAL.
          throw new SqlParseException(at, "Invalid numeric literal: " + text + " (out of BIGINT range)");
        }
      case SluiceLexer.DECIMAL_VALUE:
        return new Expression.DecimalLiteral(at, new BigDecimal(text));
      default:
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
          throw new SqlParseException(at, "Number overflows DOUBLE: " + text);
        }
        return new Expression.DoubleLiteral(at, value);
    }
  }

  @Override
  public Expression visitSimpleCase(SimpleCaseContext ctx) {
    return new Expression.SimpleCase(pos(ctx), visit(ctx.operand), whens(ctx.whenClause()), optional(ctx.otherwise));
  }

  @Override
  public Expression visitSearchedCase(SearchedCaseContext ctx) {
    return new Expression.SearchedCase(pos(ctx), whens(ctx.whenClause()), optional(ctx.otherwise));
  }

  private List<Expression.WhenClause> whens(List<WhenClauseContext> contexts) {
    List<Expression.WhenClause> result = new ArrayList<>();
    for (WhenClauseContext when : contexts) {
      result.add(new Expression.WhenClause(pos(when), visit(when.condition), visit(when.result)));
    }
    return List.copyOf(result);
  }

  @Override
  public Expression visitCast(CastContext ctx) {
    return new Expression.Cast(pos(ctx), visit(ctx.expression()), type(ctx.type()));
  }

  @Override
  public Expression visitArrayConstructor(ArrayConstructorContext ctx) {
    return new Expression.ArrayConstructor(pos(ctx), list(ctx.expression()));
  }

  @Override
  public Expression visitMapConstructor(MapConstructorContext ctx) {
    List<Expression> keys = new ArrayList<>();
    List<Expression> values = new ArrayList<>();
    for (MapEntryContext entry : ctx.mapEntry()) {
      keys.add(visit(entry.key));
      values.add(visit(entry.value));
    }
    return new Expression.MapConstructor(pos(ctx), List.copyOf(keys), List.copyOf(values));
  }

  @Override
  public Expression visitStructConstructor(StructConstructorContext ctx) {
    List<String> names = new ArrayList<>();
    List<Expression> values = new ArrayList<>();
    for (StructFieldContext field : ctx.structField()) {
      names.add(identifier(field.identifier()));
      values.add(visit(field.expression()));
    }
    return new Expression.StructConstructor(pos(ctx), List.copyOf(names), List.copyOf(values));
  }

  @Override
  public Expression visitFunctionCallStar(FunctionCallStarContext ctx) {
    return new Expression.FunctionCall(pos(ctx), identifier(ctx.identifier()), List.of(), false, true);
  }

  @Override
  public Expression visitFunctionCall(FunctionCallContext ctx) {
    List<FunctionArgumentContext> arguments = ctx.functionArgument();
    List<Expression> args = new ArrayList<>(arguments.size());
    for (int i = 0; i < arguments.size(); i++) {
      Expression unit = i == 0 && arguments.size() > 1 ? intervalUnit(arguments.get(i)) : null;
      args.add(unit != null ? unit : visit(arguments.get(i)));
    }
    return new Expression.FunctionCall(pos(ctx), identifier(ctx.identifier()), List.copyOf(args),
        ctx.DISTINCT() != null, false);
  }

  /**
   * The {@link Expression.IntervalUnit} a first argument such as {@code MILLISECONDS} in
   * {@code TIMESTAMPADD(MILLISECONDS, 5, ts)} stands for, or null if the argument is anything but one
   * unquoted time-unit keyword.
   */
  private static Expression intervalUnit(FunctionArgumentContext ctx) {
    Token token = ctx.getStart();
    if (token != ctx.getStop()) {
      return null;
    }
    switch (token.getType()) {
      case SluiceLexer.MILLISECOND, SluiceLexer.MILLISECONDS, SluiceLexer.SECOND, SluiceLexer.SECONDS,
          SluiceLexer.MINUTE, SluiceLexer.MINUTES, SluiceLexer.HOUR, SluiceLexer.HOURS, SluiceLexer.DAY,
          SluiceLexer.DAYS -> {
        String word = token.getText().toUpperCase(Locale.ROOT);
        return new Expression.IntervalUnit(pos(token), timeUnit(word), word);
      }
      default -> {
        return null;
      }
    }
  }

  /** The unit of a time-unit keyword, singular or plural, upper-cased. */
  static TimeUnit timeUnit(String upperCaseWord) {
    return TimeUnit.valueOf(upperCaseWord.endsWith("S") ? upperCaseWord : upperCaseWord + "S");
  }

  @Override
  public Expression visitTypedLiteral(TypedLiteralContext ctx) {
    Position at = pos(ctx);
    IdentifierContext name = ctx.identifier();
    String typeName = name instanceof UnquotedIdentifierContext ? name.getText().toUpperCase(Locale.ROOT) : "";
    String value = Names.string(ctx.STRING().getSymbol());
    switch (typeName) {
      case "DATE", "TIME", "TIMESTAMP" -> {
        return new Expression.TypedLiteral(at, typeName, value);
      }
      case "DECIMAL" -> {
        try {
          new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
          throw new SqlParseException(pos(ctx.STRING().getSymbol()), "Invalid DECIMAL literal: '" + value + "'");
        }
        return new Expression.TypedLiteral(at, typeName, value);
      }
      default -> throw new SqlParseException(at, "Unknown type of a typed literal: " + name.getText()
          + "; expected DATE, TIME, TIMESTAMP or DECIMAL");
    }
  }

  @Override
  public Expression visitFunctionArgument(FunctionArgumentContext ctx) {
    return ctx.lambda() != null ? visit(ctx.lambda()) : visit(ctx.expression());
  }

  @Override
  public Expression visitLambda(LambdaContext ctx) {
    List<String> params = new ArrayList<>();
    for (IdentifierContext param : ctx.identifier()) {
      params.add(identifier(param));
    }
    return new Expression.Lambda(pos(ctx), List.copyOf(params), visit(ctx.expression()));
  }

  @Override
  public Expression visitParenthesized(ParenthesizedContext ctx) {
    return visit(ctx.expression());
  }

  @Override
  public Expression visitQualifiedColumn(QualifiedColumnContext ctx) {
    return new Expression.ColumnRef(pos(ctx), Optional.of(identifier(ctx.qualifier)), identifier(ctx.name));
  }

  @Override
  public Expression visitColumn(ColumnContext ctx) {
    return new Expression.ColumnRef(pos(ctx), Optional.empty(), identifier(ctx.identifier()));
  }

  @Override
  public Expression visitSubscript(SubscriptContext ctx) {
    return new Expression.Subscript(pos(ctx), visit(ctx.base), visit(ctx.index));
  }

  @Override
  public Expression visitDereference(DereferenceContext ctx) {
    return new Expression.Dereference(pos(ctx), visit(ctx.base), identifier(ctx.field));
  }

  // ------------------------------------------------------------------ types

  Type type(TypeContext ctx) {
    Position at = pos(ctx);
    if (ctx instanceof ArrayTypeContext array) {
      return new Type.Array(at, type(array.type()));
    }
    if (ctx instanceof MapTypeContext map) {
      return new Type.Map(at, type(map.keyType), type(map.valueType));
    }
    if (ctx instanceof StructTypeContext struct) {
      List<Type.Field> fields = new ArrayList<>();
      for (TypeFieldContext field : struct.typeField()) {
        fields.add(new Type.Field(pos(field), identifier(field.identifier()), type(field.type())));
      }
      return new Type.Struct(at, List.copyOf(fields));
    }
    if (ctx instanceof DecimalTypeContext decimal) {
      int precision = smallInt(decimal.precision);
      int scale = smallInt(decimal.scale);
      if (precision < 1) {
        throw new SqlParseException(pos(decimal.precision), "DECIMAL precision must be at least 1: " + precision);
      }
      if (scale > precision) {
        throw new SqlParseException(pos(decimal.scale),
            "DECIMAL scale must not exceed its precision: DECIMAL(" + precision + ", " + scale + ")");
      }
      return new Type.Decimal(at, precision, scale);
    }
    IdentifierContext name = ((NamedTypeContext) ctx).identifier();
    if (name instanceof UnquotedIdentifierContext) {
      Type.PrimitiveKind primitive = primitive(name.getText().toUpperCase(Locale.ROOT));
      if (primitive != null) {
        return new Type.Primitive(at, primitive);
      }
    }
    return new Type.Named(at, identifier(name));
  }

  static Type.PrimitiveKind primitive(String upperCaseName) {
    return switch (upperCaseName) {
      case "BOOLEAN" -> Type.PrimitiveKind.BOOLEAN;
      case "INT", "INTEGER" -> Type.PrimitiveKind.INT;
      case "BIGINT" -> Type.PrimitiveKind.BIGINT;
      case "DOUBLE" -> Type.PrimitiveKind.DOUBLE;
      case "STRING", "VARCHAR" -> Type.PrimitiveKind.STRING;
      case "BYTES" -> Type.PrimitiveKind.BYTES;
      case "DATE" -> Type.PrimitiveKind.DATE;
      case "TIME" -> Type.PrimitiveKind.TIME;
      case "TIMESTAMP" -> Type.PrimitiveKind.TIMESTAMP;
      default -> null;
    };
  }

  static int smallInt(Token integer) {
    try {
      return Integer.parseInt(integer.getText());
    } catch (NumberFormatException e) {
      throw new SqlParseException(pos(integer), "Number too large: " + integer.getText());
    }
  }
}
