package dev.sluice.planner.calcite;

import static dev.sluice.planner.calcite.AstToSqlNode.pos;

import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.Expression;
import dev.sluice.planner.schema.SqlType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Converts scalar expressions of the AST into Calcite {@link SqlNode}s, keeping every position. A name that
 * a lambda being converted declares refers to that parameter (the innermost lambda's first), else to a
 * column. One instance per expression: it tracks the lambdas it is inside of.
 */
final class ExpressionConverter {
  /** The lambdas around the expression being converted, innermost last. */
  private final Deque<LambdaOperator> lambdas = new ArrayDeque<>();

  SqlNode convert(Expression e) {
    SqlNode literal = AstToSqlNode.literalOf(e);
    if (literal != null) {
      return literal;
    }
    SqlParserPos p = pos(e.pos());
    if (e instanceof Expression.ColumnRef ref) {
      if (ref.qualifier().isEmpty()) {
        for (Iterator<LambdaOperator> it = lambdas.descendingIterator(); it.hasNext(); ) {
          LambdaOperator.Param param = it.next().param(ref.name());
          if (param != null) {
            return param.call(p);
          }
        }
      }
      return ref.qualifier().isPresent()
          ? new SqlIdentifier(List.of(ref.qualifier().get(), ref.name()), p)
          : new SqlIdentifier(ref.name(), p);
    } else if (e instanceof Expression.Binary b) {
      return binaryOperator(b).createCall(p, convert(b.left()), convert(b.right()));
    } else if (e instanceof Expression.Unary u) {
      SqlOperator op = switch (u.op()) {
        case NOT -> SqlStdOperatorTable.NOT;
        case MINUS -> SqlStdOperatorTable.UNARY_MINUS;
        case PLUS -> SqlStdOperatorTable.UNARY_PLUS;
      };
      return op.createCall(p, convert(u.operand()));
    } else if (e instanceof Expression.IsNull n) {
      return (n.negated() ? SqlStdOperatorTable.IS_NOT_NULL : SqlStdOperatorTable.IS_NULL)
          .createCall(p, convert(n.operand()));
    } else if (e instanceof Expression.IsDistinctFrom d) {
      return (d.negated() ? SqlStdOperatorTable.IS_NOT_DISTINCT_FROM : SqlStdOperatorTable.IS_DISTINCT_FROM)
          .createCall(p, convert(d.left()), convert(d.right()));
    } else if (e instanceof Expression.Between b) {
      return (b.negated() ? SqlStdOperatorTable.NOT_BETWEEN : SqlStdOperatorTable.BETWEEN)
          .createCall(p, convert(b.operand()), convert(b.low()), convert(b.high()));
    } else if (e instanceof Expression.InList in) {
      SqlNodeList list = new SqlNodeList(in.values().stream().map(this::convert).toList(), p);
      return (in.negated() ? InCoercion.NOT_IN : InCoercion.IN)
          .createCall(p, convert(in.operand()), list);
    } else if (e instanceof Expression.Like like) {
      List<SqlNode> operands = new ArrayList<>(List.of(convert(like.operand()), convert(like.pattern())));
      like.escape().ifPresent(esc -> operands.add(convert(esc)));
      return (like.negated() ? SqlStdOperatorTable.NOT_LIKE : SqlStdOperatorTable.LIKE)
          .createCall(p, operands);
    } else if (e instanceof Expression.Cast c) {
      return SluiceCast.INSTANCE.createCall(p, convert(c.operand()),
          AstToSqlNode.typeSpec(SqlType.fromAst(c.type()), c.type().pos()));
    } else if (e instanceof Expression.SearchedCase c) {
      return AstToSqlNode.caseOf(p, null, c.whens().stream().map(w -> convert(w.when())).toList(),
          c.whens().stream().map(w -> convert(w.then())).toList(), c.otherwise().map(this::convert).orElse(null));
    } else if (e instanceof Expression.SimpleCase c) {
      return AstToSqlNode.caseOf(p, convert(c.operand()), c.whens().stream().map(w -> convert(w.when())).toList(),
          c.whens().stream().map(w -> convert(w.then())).toList(), c.otherwise().map(this::convert).orElse(null));
    } else if (e instanceof Expression.FunctionCall f) {
      return function(f, p);
    } else if (e instanceof Expression.IntervalUnit u) {
      // TIMESTAMPADD(SECONDS, 5, ts): the registry's time functions take the unit as its plural name.
      return SqlLiteral.createCharString(u.unit().name(), p);
    } else if (e instanceof Expression.Dereference d) {
      return SqlStdOperatorTable.DOT.createCall(p, convert(d.base()), new SqlIdentifier(d.field(), p));
    } else if (e instanceof Expression.ArrayConstructor a) {
      return CollectionConstructors.ARRAY.createCall(p,
          a.elements().stream().map(this::convert).toArray(SqlNode[]::new));
    } else if (e instanceof Expression.MapConstructor m) {
      List<SqlNode> operands = new ArrayList<>();
      for (int i = 0; i < m.keys().size(); i++) {
        operands.add(convert(m.keys().get(i)));
        operands.add(convert(m.values().get(i)));
      }
      return CollectionConstructors.MAP.createCall(p, operands);
    } else if (e instanceof Expression.StructConstructor st) {
      if (new HashSet<>(st.names()).size() != st.names().size()) {
        throw SluiceException.statement(st.pos(), "Duplicate field names found in STRUCT: " + st.names());
      }
      return new StructConstructor(st.names()).createCall(p,
          st.values().stream().map(this::convert).toArray(SqlNode[]::new));
    } else if (e instanceof Expression.Subscript s) {
      return SqlStdOperatorTable.ITEM.createCall(p, convert(s.base()), convert(s.index()));
    } else if (e instanceof Expression.Lambda l) {
      if (new HashSet<>(l.params()).size() != l.params().size()) {
        throw SluiceException.statement(l.pos(), "Lambda parameters must be distinct: " + l.params());
      }
      LambdaOperator lambda = new LambdaOperator(l.params());
      lambdas.addLast(lambda);
      try {
        return lambda.createCall(p, convert(l.body()));
      } finally {
        lambdas.removeLast();
      }
    }
    throw SluiceException.statement(e.pos(), "Expression not supported yet: " + e.getClass().getSimpleName());
  }

  private SqlNode function(Expression.FunctionCall f, SqlParserPos p) {
    if (f.star() && f.name().equalsIgnoreCase("COUNT")) {
      return SqlStdOperatorTable.COUNT.createCall(p, SqlIdentifier.star(p));
    }
    // Any other f(*) is f called without arguments, which ksqlDB reports as such.
    SqlUnresolvedFunction fn = new SqlUnresolvedFunction(new SqlIdentifier(f.name(), p), null, null, null, null,
        SqlFunctionCategory.USER_DEFINED_FUNCTION);
    List<SqlNode> args = f.args().stream().map(this::convert).toList();
    return fn.createCall(f.distinct() ? SqlLiteral.createSymbol(
        org.apache.calcite.sql.SqlSelectKeyword.DISTINCT, p) : null, p, args.toArray(new SqlNode[0]));
  }

  private static SqlOperator binaryOperator(Expression.Binary b) {
    return switch (b.op()) {
      case ADD -> Plus.INSTANCE;
      case SUBTRACT -> SqlStdOperatorTable.MINUS;
      case MULTIPLY -> SqlStdOperatorTable.MULTIPLY;
      case DIVIDE -> SqlStdOperatorTable.DIVIDE;
      case MODULUS -> Modulus.INSTANCE;
      case EQUAL -> SqlStdOperatorTable.EQUALS;
      case NOT_EQUAL -> SqlStdOperatorTable.NOT_EQUALS;
      case LESS_THAN -> SqlStdOperatorTable.LESS_THAN;
      case LESS_THAN_OR_EQUAL -> SqlStdOperatorTable.LESS_THAN_OR_EQUAL;
      case GREATER_THAN -> SqlStdOperatorTable.GREATER_THAN;
      case GREATER_THAN_OR_EQUAL -> SqlStdOperatorTable.GREATER_THAN_OR_EQUAL;
      case AND -> SqlStdOperatorTable.AND;
      case OR -> SqlStdOperatorTable.OR;
      case CONCAT -> SqlStdOperatorTable.CONCAT;
    };
  }

  /** The type of a CAST to ARRAY, MAP or STRUCT, typed exactly as a column of that type would be. */
  static final class ComplexTypeNameSpec extends SqlTypeNameSpec {
    private final SqlType type;

    ComplexTypeNameSpec(SqlType type, SqlParserPos pos) {
      super(new SqlIdentifier(type.base().name(), pos), pos);
      this.type = type;
    }

    @Override
    public RelDataType deriveType(SqlValidator validator) {
      return TypeConverter.toRel(validator.getTypeFactory(), type);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
      writer.print(type.sql());
    }

    @Override
    public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
      return spec instanceof ComplexTypeNameSpec other && other.type.equals(type) ? litmus.succeed()
          : litmus.fail("{} != {}", this, spec);
    }
  }
}
