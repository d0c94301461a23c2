package dev.sluice.planner.function;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.function.Function2;
import org.apache.calcite.linq4j.function.Predicate1;
import org.apache.calcite.linq4j.function.Predicate2;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLambda;
import org.apache.calcite.rex.RexLambdaRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * How lambda arguments reach a {@link Udf} method's {@code Function}, {@code BiFunction} or
 * {@link TriFunction} parameter. Calcite's code generator compiles a {@code RexLambda} into an anonymous
 * class implementing its own {@code Function1} or {@code Function2} (it has nothing for three parameters);
 * the generated call wraps that in the method's interface ({@link #adapt}). A lambda of three parameters is
 * first rewritten into one of two, {@code (a, rest)}, whose body reads the others from the array
 * {@code rest} ({@link #forCodegen}); {@link #triFunction} passes them so.
 */
public final class Lambdas {
  private Lambdas() {}

  public static <T, R> Function<T, R> function(Function1<T, R> f) {
    return f == null ? null : f::apply;
  }

  public static <A, B, R> BiFunction<A, B, R> biFunction(Function2<A, B, R> f) {
    return f == null ? null : f::apply;
  }

  /** A lambda whose body is a BOOLEAN that is never NULL compiles into a {@code Predicate1}. */
  public static <T> Function<T, Boolean> function(Predicate1<T> f) {
    return f == null ? null : f::apply;
  }

  public static <A, B> BiFunction<A, B, Boolean> biFunction(Predicate2<A, B> f) {
    return f == null ? null : f::apply;
  }

  public static <A, B, C, R> TriFunction<A, B, C, R> triFunction(Function2<A, Object[], R> f) {
    return f == null ? null : (a, b, c) -> f.apply(a, new Object[] {b, c});
  }

  /**
   * {@code value}, which must not be NULL: arithmetic in a lambda's body fails on a NULL operand, failing the
   * call the lambda is passed to, as ksqlDB's does (its generated arithmetic unboxes). So
   * {@code TRANSFORM(ARRAY[1, NULL], x => x + 1)} is NULL rather than {@code [2, NULL]}, as in ksqlDB.
   */
  public static Object strict(Object value) {
    if (value == null) {
      throw new NullPointerException("NULL operand of an arithmetic operator in a lambda");
    }
    return value;
  }

  public static <A, B, C> TriFunction<A, B, C, Boolean> triFunction(Predicate2<A, Object[]> f) {
    return f == null ? null : (a, b, c) -> f.apply(a, new Object[] {b, c});
  }

  /** A struct parameter, passed as {@code Object}, as the struct it is (see {@link #forCodegen}). */
  public static Object struct(Object value) {
    return value;
  }

  /** Element {@code index} of the packed parameters of a three-parameter lambda. */
  public static Object arg(Object rest, int index) {
    return ((Object[]) rest)[index];
  }

  /** The generated function {@code value} as the Java parameter type {@code to}, or null when not a lambda. */
  static Expression adapt(Expression value, Class<?> to) {
    if (to == Function.class) {
      return Expressions.call(Lambdas.class, "function", value);
    } else if (to == BiFunction.class) {
      return Expressions.call(Lambdas.class, "biFunction", value);
    } else if (to == TriFunction.class) {
      return Expressions.call(Lambdas.class, "triFunction", value);
    }
    return null;
  }

  private static final SqlUserDefinedFunction ARG = new SqlUserDefinedFunction(
      new SqlIdentifier("LAMBDA_ARG", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0,
      InferTypes.FIRST_KNOWN, OperandTypes.operandMetadata(List.of(SqlTypeFamily.ANY, SqlTypeFamily.INTEGER),
          tf -> List.of(), i -> "arg" + i, i -> false),
      ScalarFunctionImpl.create(Lambdas.class, "arg"));

  private static final SqlUserDefinedFunction STRICT = new SqlUserDefinedFunction(
      new SqlIdentifier("LAMBDA_STRICT", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0,
      InferTypes.FIRST_KNOWN, OperandTypes.operandMetadata(List.of(SqlTypeFamily.ANY), tf -> List.of(),
          i -> "arg" + i, i -> false),
      ScalarFunctionImpl.create(Lambdas.class, "strict"));

  private static final SqlUserDefinedFunction STRUCT = new SqlUserDefinedFunction(
      new SqlIdentifier("LAMBDA_STRUCT", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0,
      InferTypes.FIRST_KNOWN, OperandTypes.operandMetadata(List.of(SqlTypeFamily.ANY), tf -> List.of(),
          i -> "arg" + i, i -> false),
      ScalarFunctionImpl.create(Lambdas.class, "struct"));

  private static final Set<SqlKind> ARITHMETIC = EnumSet.of(SqlKind.PLUS, SqlKind.MINUS, SqlKind.TIMES,
      SqlKind.DIVIDE, SqlKind.MOD, SqlKind.MINUS_PREFIX);

  /** The name of the parameter holding the packed parameters of a three-parameter lambda. */
  private static final String PACKED = "lambda$rest";

  /** The number of parameters {@code lambda} had before {@link #forCodegen} packed it. */
  public static int arity(RexLambda lambda) {
    List<RexLambdaRef> params = lambda.getParameters();
    return params.size() == 2 && params.get(1).getName().startsWith(PACKED) ? 3 : params.size();
  }

  /**
   * {@code node} ready for Calcite's code generator: every lambda parameter gets a fresh Java name (users'
   * names may be Java keywords, clash with generated variables, or shadow an enclosing lambda's), every
   * lambda of three parameters becomes one of two, as {@link #triFunction} calls it, a STRUCT parameter is
   * declared as {@code Object} (Calcite would declare a record class it never generates) and read through
   * {@link #struct}, and arithmetic in a lambda's body is {@link #strict}.
   */
  public static RexNode forCodegen(RexBuilder rexBuilder, RexNode node) {
    return node.accept(new Renamer(rexBuilder));
  }

  private static final class Renamer extends RexShuttle {
    private final RexBuilder rexBuilder;
    private final Deque<Map<String, RexNode>> scopes = new ArrayDeque<>();
    private int counter;

    Renamer(RexBuilder rexBuilder) {
      this.rexBuilder = rexBuilder;
    }

    @Override
    public RexNode visitLambda(RexLambda lambda) {
      List<RexLambdaRef> params = lambda.getParameters();
      Map<String, RexNode> scope = new HashMap<>();
      List<RexLambdaRef> fresh = new ArrayList<>();
      for (int i = 0; i < Math.min(params.size(), 2); i++) {
        fresh.add(new RexLambdaRef(i, "lambda$" + counter++, params.get(i).getType()));
      }
      if (params.size() > 2) {
        fresh.set(1, new RexLambdaRef(1, PACKED + counter++, any()));
        for (int i = 1; i < params.size(); i++) {
          scope.put(params.get(i).getName(), rexBuilder.makeCall(params.get(i).getType(), ARG,
              List.of(fresh.get(1), rexBuilder.makeExactLiteral(java.math.BigDecimal.valueOf(i - 1)))));
        }
        scope.put(params.get(0).getName(), fresh.get(0));
      } else {
        for (int i = 0; i < params.size(); i++) {
          scope.put(params.get(i).getName(), fresh.get(i));
        }
      }
      for (int i = 0; i < fresh.size(); i++) {
        RelDataType type = fresh.get(i).getType();
        if (type.getSqlTypeName() == SqlTypeName.ROW) {
          RexLambdaRef object = new RexLambdaRef(i, fresh.get(i).getName(), any());
          fresh.set(i, object);
          scope.put(params.get(i).getName(), rexBuilder.makeCall(type, STRUCT, List.of(object)));
        }
      }
      scopes.push(scope);
      RexNode body;
      try {
        body = lambda.getExpression().accept(this);
      } finally {
        scopes.pop();
      }
      return rexBuilder.makeLambdaCall(body, fresh);
    }

    @Override
    public RexNode visitCall(RexCall call) {
      RexNode visited = super.visitCall(call);
      if (!scopes.isEmpty() && visited instanceof RexCall c
          && (c.getKind() == SqlKind.AND || c.getKind() == SqlKind.OR)) {
        return shortCircuit(c.getKind() == SqlKind.AND, c.getType(), c.getOperands(), 0);
      }
      if (scopes.isEmpty() || !(visited instanceof RexCall c) || !ARITHMETIC.contains(c.getKind())
          || !SqlTypeUtil.isNumeric(c.getType())) {
        return visited;
      }
      List<RexNode> operands = new ArrayList<>();
      for (RexNode operand : c.getOperands()) {
        operands.add(operand.getType().isNullable() ? rexBuilder.makeCall(rexBuilder.getTypeFactory()
            .createTypeWithNullability(operand.getType(), false), STRICT, List.of(operand)) : operand);
      }
      return c.clone(c.getType(), operands);
    }

    private RelDataType any() {
      return rexBuilder.getTypeFactory().createTypeWithNullability(
          rexBuilder.getTypeFactory().createSqlType(SqlTypeName.ANY), true);
    }

    /**
     * {@code AND} / {@code OR} of {@code operands} from {@code from} on, evaluating an operand only when
     * the ones before it do not decide the result, as Java's {@code &&} and {@code ||} in ksqlDB's
     * generated code: a {@link #strict} failure on the right of {@code FALSE AND ...} must not happen.
     * Calcite's generated code evaluates every operand of AND and OR, but only the chosen branch of a CASE.
     */
    private RexNode shortCircuit(boolean and, RelDataType type, List<RexNode> operands, int from) {
      RexNode first = operands.get(from);
      if (from == operands.size() - 1) {
        return first;
      }
      RexNode rest = shortCircuit(and, type, operands, from + 1);
      RexNode decided = and ? rexBuilder.makeCall(SqlStdOperatorTable.NOT, first) : first;
      RexNode both = rexBuilder.makeCall(type, and ? SqlStdOperatorTable.AND : SqlStdOperatorTable.OR,
          List.of(first, rest));
      return rexBuilder.makeCall(type, SqlStdOperatorTable.CASE, List.of(decided,
          rexBuilder.makeLiteral(!and), both));
    }

    @Override
    public RexNode visitLambdaRef(RexLambdaRef ref) {
      for (Map<String, RexNode> scope : scopes) { // innermost first
        RexNode replacement = scope.get(ref.getName());
        if (replacement != null) {
          return replacement;
        }
      }
      return ref;
    }
  }
}
