package dev.sluice.planner.calcite;

import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.Position;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLambdaRef;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * One lambda argument, {@code (x, y) => body}, as a call with the body as its only operand; its parameters
 * appear in the body as calls of its {@link Param}s. Calcite's own {@code SqlLambda} is not used because its
 * validator scope (1.42) rejects references to columns outside the lambda, which ksqlDB allows.
 *
 * <p>One instance per lambda: the function the lambda is passed to types it (see the function package's
 * {@code UdfOperator}) by {@link #type}, which records its parameter types here, where the parameters' calls
 * and the conversion to a Calcite {@code RexLambda} ({@link SluiceConvertlets}) find them.
 */
public final class LambdaOperator extends SqlSpecialOperator {
  private final List<String> names;
  private final List<Param> params = new ArrayList<>();
  private List<RelDataType> types;

  public LambdaOperator(List<String> names) {
    super("LAMBDA", SqlKind.OTHER, 0);
    this.names = List.copyOf(names);
    for (int i = 0; i < names.size(); i++) {
      params.add(new Param(this, i, names.get(i)));
    }
  }

  /** Whether {@code node} is a lambda argument. */
  public static boolean isLambda(SqlNode node) {
    return node instanceof SqlCall call && call.getOperator() instanceof LambdaOperator;
  }

  public List<String> names() {
    return names;
  }

  /** The parameter called {@code name}, or null. */
  public Param param(String name) {
    int i = names.indexOf(name);
    return i < 0 ? null : params.get(i);
  }

  /**
   * Types the lambda {@code call} (of this operator) for parameters of the types {@code paramTypes}: the
   * type of its body, which is also recorded as the type of the lambda itself.
   */
  public RelDataType type(SqlValidator validator, SqlValidatorScope scope, SqlCall call,
      List<RelDataType> paramTypes) {
    List<RelDataType> nullable = new ArrayList<>();
    for (RelDataType t : paramTypes) {
      nullable.add(validator.getTypeFactory().createTypeWithNullability(t, true));
    }
    this.types = List.copyOf(nullable);
    RelDataType body = validator.deriveType(scope, call.operand(0));
    validator.setValidatedNodeType(call, body);
    return body;
  }

  /** The Calcite references to the parameters, once typed. */
  List<RexLambdaRef> refs() {
    return params.stream().map(Param::ref).toList();
  }

  private RelDataType typeOf(Param param) {
    if (types == null) {
      throw new IllegalStateException("The lambda parameter " + param.name + " is used before its lambda is typed");
    }
    return types.get(param.index);
  }

  @Override
  public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
    if (types == null) {
      // Only a registry function types its lambdas; anything else (an aggregate) cannot take one.
      SqlParserPos p = call.getParserPosition();
      throw SluiceException.statement(new Position(p.getLineNum(), p.getColumnNum()),
          "A lambda can only be an argument of a scalar function that takes one, such as TRANSFORM, FILTER or"
              + " REDUCE.");
    }
    return validator.deriveType(scope, call.operand(0));
  }

  @Override
  public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    writer.print("(" + String.join(", ", names) + ") => ");
    call.operand(0).unparse(writer, 0, 0);
  }

  /** A reference to a lambda parameter in its body: a call without operands, typed by its lambda. */
  public static final class Param extends SqlSpecialOperator {
    private final LambdaOperator lambda;
    private final int index;
    private final String name;

    Param(LambdaOperator lambda, int index, String name) {
      super(name, SqlKind.OTHER, 0);
      this.lambda = lambda;
      this.index = index;
      this.name = name;
    }

    public SqlCall call(SqlParserPos pos) {
      return createCall(pos);
    }

    RexLambdaRef ref() {
      return new RexLambdaRef(index, name, lambda.typeOf(this));
    }

    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
      return lambda.typeOf(this);
    }

    @Override
    public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
      writer.print(name);
    }
  }
}
