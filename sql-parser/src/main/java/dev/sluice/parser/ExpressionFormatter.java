package dev.sluice.parser;

import dev.sluice.parser.ast.Expression;
import dev.sluice.parser.ast.Type;
import dev.sluice.parser.ast.UnaryOperator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The expression and type half of {@link SqlFormatter}. Every operator is printed inside parentheses, so
 * that the output never depends on precedence and always parses back to the same tree; numbers are printed
 * so that they come back as the same kind of literal (a scale-0 DECIMAL keeps its dot, a DOUBLE its
 * exponent).
 */
final class ExpressionFormatter {
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");
  private static final Set<String> KEYWORDS = keywords();

  private ExpressionFormatter() {}

  private static Set<String> keywords() {
    Set<String> keywords = new HashSet<>();
    for (int type = 1; type <= SluiceLexer.VOCABULARY.getMaxTokenType(); type++) {
      String literal = SluiceLexer.VOCABULARY.getLiteralName(type);
      if (literal != null && literal.matches("'[A-Z_]+'")) {
        keywords.add(literal.substring(1, literal.length() - 1));
      }
    }
    return Set.copyOf(keywords);
  }

  /** A name as it must be written to mean exactly {@code name}: bare when that is safe, else backticked. */
  static String name(String name) {
    if (PLAIN_NAME.matcher(name).matches() && !KEYWORDS.contains(name)) {
      return name;
    }
    return "`" + name.replace("`", "``") + "`";
  }

  static String format(Expression expression) {
    if (expression instanceof Expression.ColumnRef c) {
      return c.qualifier().map(q -> name(q) + ".").orElse("") + name(c.name());
    }
    if (expression instanceof Expression.StringLiteral s) {
      return SqlFormatter.string(s.value());
    }
    if (expression instanceof Expression.IntegerLiteral i) {
      return Long.toString(i.value());
    }
    if (expression instanceof Expression.DecimalLiteral d) {
      return decimal(d.value());
    }
    if (expression instanceof Expression.DoubleLiteral d) {
      return doubleLiteral(d.value());
    }
    if (expression instanceof Expression.BooleanLiteral b) {
      return b.value() ? "TRUE" : "FALSE";
    }
    if (expression instanceof Expression.NullLiteral n) {
      return "NULL";
    }
    if (expression instanceof Expression.Binary b) {
      return "(" + format(b.left()) + " " + b.op().sql() + " " + format(b.right()) + ")";
    }
    if (expression instanceof Expression.Unary u) {
      return u.op() == UnaryOperator.NOT
          ? "(NOT " + format(u.operand()) + ")"
          : "(" + (u.op() == UnaryOperator.MINUS ? "-" : "+") + "(" + format(u.operand()) + "))";
    }
    if (expression instanceof Expression.IsNull n) {
      return "(" + format(n.operand()) + (n.negated() ? " IS NOT NULL)" : " IS NULL)");
    }
    if (expression instanceof Expression.IsDistinctFrom d) {
      return "(" + format(d.left()) + (d.negated() ? " IS NOT" : " IS")
          + " DISTINCT FROM " + format(d.right()) + ")";
    }
    if (expression instanceof Expression.Between b) {
      return "(" + format(b.operand()) + (b.negated() ? " NOT" : "") + " BETWEEN "
          + format(b.low()) + " AND " + format(b.high()) + ")";
    }
    if (expression instanceof Expression.InList in) {
      return "(" + format(in.operand()) + (in.negated() ? " NOT" : "") + " IN ("
          + list(in.values()) + "))";
    }
    if (expression instanceof Expression.Like like) {
      return "(" + format(like.operand()) + (like.negated() ? " NOT" : "") + " LIKE "
          + format(like.pattern()) + like.escape().map(e -> " ESCAPE " + format(e)).orElse("") + ")";
    }
    if (expression instanceof Expression.Cast cast) {
      return "CAST(" + format(cast.operand()) + " AS " + type(cast.type()) + ")";
    }
    if (expression instanceof Expression.SearchedCase c) {
      return "CASE" + whens(c.whens())
          + c.otherwise().map(e -> " ELSE " + format(e)).orElse("") + " END";
    }
    if (expression instanceof Expression.SimpleCase c) {
      return "CASE " + format(c.operand()) + whens(c.whens())
          + c.otherwise().map(e -> " ELSE " + format(e)).orElse("") + " END";
    }
    if (expression instanceof Expression.FunctionCall f) {
      return name(f.name()) + "("
          + (f.star() ? "*" : (f.distinct() ? "DISTINCT " : "") + list(f.args())) + ")";
    }
    if (expression instanceof Expression.Dereference d) {
      return primary(d.base()) + "->" + name(d.field());
    }
    if (expression instanceof Expression.Subscript s) {
      return primary(s.base()) + "[" + format(s.index()) + "]";
    }
    if (expression instanceof Expression.ArrayConstructor a) {
      return "ARRAY[" + list(a.elements()) + "]";
    }
    if (expression instanceof Expression.MapConstructor m) {
      return "MAP(" + entries(m.keys(), m.values()) + ")";
    }
    if (expression instanceof Expression.StructConstructor s) {
      return "STRUCT(" + fields(s.names(), s.values()) + ")";
    }
    if (expression instanceof Expression.Lambda l) {
      return "(" + String.join(", ", l.params().stream().map(ExpressionFormatter::name).toList())
          + ") => " + format(l.body());
    }
    if (expression instanceof Expression.AtTimeZone a) {
      return "(" + primary(a.operand()) + " AT TIME ZONE " + SqlFormatter.string(a.zone()) + ")";
    }
    if (expression instanceof Expression.TypedLiteral t) {
      return t.typeName() + " " + SqlFormatter.string(t.value());
    }
    // Parses back as the same unit only in the first argument of a call with more than one argument,
    // which is the only place the parser produces it.
    if (expression instanceof Expression.IntervalUnit u) {
      return u.word();
    }
    // Not produced by the parser; printed the way it reads.
    if (expression instanceof Expression.TimeInterval t) {
      return t.value() + " " + t.unit();
    }
    throw new IllegalArgumentException("Unknown node: " + expression);
  }

  /** An operand of {@code ->}, {@code [...]} or {@code ->*}, which binds tighter than any operator. */
  static String primary(Expression expression) {
    String text = format(expression);
    boolean negativeNumber = text.startsWith("-");
    return negativeNumber || expression instanceof Expression.Lambda ? "(" + text + ")" : text;
  }

  private static String decimal(BigDecimal value) {
    String text = value.toPlainString();
    // Without a dot, a scale-0 decimal would come back as an integer literal.
    return value.scale() <= 0 ? text + "." : text;
  }

  private static String doubleLiteral(double value) {
    String text = Double.toString(value);
    // Without an exponent, 1500.0 would come back as a DECIMAL.
    return text.contains("E") ? text : text + "E0";
  }

  private static String whens(List<Expression.WhenClause> whens) {
    StringBuilder text = new StringBuilder();
    for (Expression.WhenClause when : whens) {
      text.append(" WHEN ").append(format(when.when())).append(" THEN ").append(format(when.then()));
    }
    return text.toString();
  }

  private static String list(List<Expression> expressions) {
    List<String> parts = new ArrayList<>(expressions.size());
    for (Expression expression : expressions) {
      parts.add(format(expression));
    }
    return String.join(", ", parts);
  }

  private static String entries(List<Expression> keys, List<Expression> values) {
    List<String> parts = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      parts.add(format(keys.get(i)) + " := " + format(values.get(i)));
    }
    return String.join(", ", parts);
  }

  private static String fields(List<String> names, List<Expression> values) {
    List<String> parts = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      parts.add(name(names.get(i)) + " := " + format(values.get(i)));
    }
    return String.join(", ", parts);
  }

  static String type(Type type) {
    if (type instanceof Type.Primitive p) {
      return p.kind().name();
    }
    if (type instanceof Type.Decimal d) {
      return "DECIMAL(" + d.precision() + ", " + d.scale() + ")";
    }
    if (type instanceof Type.Array a) {
      return "ARRAY<" + type(a.element()) + ">";
    }
    if (type instanceof Type.Map m) {
      return "MAP<" + type(m.key()) + ", " + type(m.value()) + ">";
    }
    if (type instanceof Type.Struct s) {
      return "STRUCT<" + String.join(", ", s.fields().stream()
        .map(f -> name(f.name()) + " " + type(f.type())).toList()) + ">";
    }
    // A named type called like a primitive must be quoted, or it would come back as the primitive.
    if (type instanceof Type.Named n) {
      return ExpressionBuilder.primitive(n.name()) != null ? "`" + n.name() + "`" : name(n.name());
    }
    throw new IllegalArgumentException("Unknown node: " + type);
  }
}
