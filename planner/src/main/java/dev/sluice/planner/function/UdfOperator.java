package dev.sluice.planner.function;

import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.Position;
import dev.sluice.planner.calcite.TypeConverter;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import dev.sluice.planner.calcite.LambdaOperator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCallBinding;
import org.apache.calcite.rex.RexLambda;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * The Calcite operator of one registered function name, all overloads together. Calcite cannot type
 * variadic or generic Java methods, so the operator runs {@link FunctionRegistry#resolve} for everything:
 * the operand check, the return type, the type of a NULL argument, and at code generation the choice of the
 * Java method, which generated code then calls directly (widening arguments with {@link Widening}, packing
 * variadic ones into an array). Resolution depends only on the argument types, so planning and code
 * generation always agree.
 */
public final class UdfOperator extends SqlUserDefinedFunction {
  private final FunctionRegistry registry;
  private final boolean deterministic;

  public UdfOperator(FunctionRegistry registry, String name) {
    this(registry, name, new Typing(registry, name));
  }

  private UdfOperator(FunctionRegistry registry, String name, Typing typing) {
    super(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, typing::returnType, typing,
        typing, new Implementation(registry, name));
    this.registry = registry;
    // Plan-time constant folding compiles with Calcite's own class loader, which cannot see extension
    // jars, so user-defined functions are never folded: they run in the query, like ksqlDB's.
    this.deterministic = !registry.isExtension(name)
        && registry.overloads(name).stream().allMatch(o -> o.annotation().deterministic());
  }

  /**
   * False when any overload is non-deterministic, or the function is user-defined, so that plan-time
   * constant folding leaves it alone.
   */
  @Override
  public boolean isDeterministic() {
    return deterministic;
  }

  public FunctionRegistry registry() {
    return registry;
  }

  /**
   * A call with lambda arguments is typed here, in ksqlDB's two passes: the other arguments first, then each
   * lambda with the parameter types the chosen overload gives it (see {@link FunctionRegistry#resolve(String,
   * List, Map, RelDataTypeFactory)}). Calcite's own path would type the lambdas' bodies before their
   * parameters have types.
   */
  @Override
  public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
    if (call.getOperandList().stream().noneMatch(LambdaOperator::isLambda)) {
      return super.deriveType(validator, scope, call);
    }
    return resolveWithLambdas(registry, getName(), validator, scope, call).resolution().returnType();
  }

  /**
   * Resolves a call with lambda arguments, typing each lambda's body in {@code scope}.
   *
   * @throws SluiceException ksqlDB's message when no overload accepts the arguments
   */
  private static FunctionRegistry.LambdaResolution resolveWithLambdas(FunctionRegistry registry, String name,
      SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
    FunctionRegistry.LambdaResolution r = resolveLambdas(registry, name, validator, scope, call);
    if (r.resolution() == null) {
      SqlParserPos pos = call.getParserPosition();
      List<String> shown = new ArrayList<>();
      for (int i = 0; i < r.args().size(); i++) {
        shown.add(r.display(i, Typing::display));
      }
      throw SluiceException.statement(new Position(pos.getLineNum(), pos.getColumnNum()),
          registry.noMatchMessage(name, shown));
    }
    return r;
  }

  private static FunctionRegistry.LambdaResolution resolveLambdas(FunctionRegistry registry, String name,
      SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
    List<RelDataType> args = new ArrayList<>();
    Map<Integer, Signature.LambdaArg> lambdas = new HashMap<>();
    List<SqlNode> operands = call.getOperandList();
    for (int i = 0; i < operands.size(); i++) {
      SqlNode operand = operands.get(i);
      if (LambdaOperator.isLambda(operand)) {
        SqlCall lambda = (SqlCall) operand;
        LambdaOperator op = (LambdaOperator) lambda.getOperator();
        args.add(null);
        lambdas.put(i, new Signature.LambdaArg() {
          @Override
          public int arity() {
            return op.names().size();
          }

          @Override
          public RelDataType bodyType(List<RelDataType> params) {
            return op.type(validator, scope, lambda, params);
          }
        });
      } else {
        args.add(validator.deriveType(scope, operand));
      }
    }
    return registry.resolve(name, args, lambdas, validator.getTypeFactory());
  }

  /** The lambdas among typed row-expression operands, already typed: their bodies' types are fixed. */
  static Map<Integer, Signature.LambdaArg> rexLambdas(List<RexNode> operands) {
    Map<Integer, Signature.LambdaArg> lambdas = new HashMap<>();
    for (int i = 0; i < operands.size(); i++) {
      if (operands.get(i) instanceof RexLambda lambda) {
        lambdas.put(i, new Signature.LambdaArg() {
          @Override
          public int arity() {
            return Lambdas.arity(lambda);
          }

          @Override
          public RelDataType bodyType(List<RelDataType> params) {
            return lambda.getExpression().getType();
          }
        });
      }
    }
    return lambdas;
  }

  /** The resolution of a call of row expressions (lambdas included), or null. */
  static FunctionRegistry.Resolution resolveRex(FunctionRegistry registry, String name, List<RexNode> operands,
      RelDataTypeFactory tf) {
    Map<Integer, Signature.LambdaArg> lambdas = rexLambdas(operands);
    List<RelDataType> args = new ArrayList<>();
    for (int i = 0; i < operands.size(); i++) {
      args.add(lambdas.containsKey(i) ? null : operands.get(i).getType());
    }
    return lambdas.isEmpty() ? registry.resolve(name, args, tf)
        : registry.resolve(name, args, lambdas, tf).resolution();
  }

  /** Operand checking, operand type inference (for NULLs) and return type inference, by resolution. */
  private static final class Typing implements SqlOperandMetadata,
      org.apache.calcite.sql.type.SqlOperandTypeInference {
    private final FunctionRegistry registry;
    private final String name;

    Typing(FunctionRegistry registry, String name) {
      this.registry = registry;
      this.name = name;
    }

    RelDataType returnType(SqlOperatorBinding binding) {
      if (binding instanceof RexCallBinding rex && rex.operands().stream().anyMatch(o -> o instanceof RexLambda)) {
        FunctionRegistry.Resolution r = resolveRex(registry, name, rex.operands(), binding.getTypeFactory());
        if (r == null) {
          throw new IllegalStateException("No overload of " + name + " for " + rex.operands());
        }
        return r.returnType();
      }
      List<RelDataType> args = binding.collectOperandTypes();
      FunctionRegistry.Resolution r = registry.resolve(name, args, binding.getTypeFactory());
      if (r == null) {
        throw new SluiceException(dev.sluice.error.ErrorCode.BAD_STATEMENT,
            registry.noMatchMessage(name, args.stream().map(Typing::display).toList()));
      }
      return r.returnType();
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
      List<RelDataType> args = binding.collectOperandTypes();
      if (registry.resolve(name, args, binding.getTypeFactory()) != null) {
        return true;
      }
      if (throwOnFailure) {
        SqlParserPos pos = binding.getCall().getParserPosition();
        throw SluiceException.statement(new Position(pos.getLineNum(), pos.getColumnNum()),
            registry.noMatchMessage(name, args.stream().map(Typing::display).toList()));
      }
      return false;
    }

    @Override
    public void inferOperandTypes(SqlCallBinding binding, RelDataType returnType, RelDataType[] operandTypes) {
      if (binding.operands().stream().anyMatch(LambdaOperator::isLambda)) {
        FunctionRegistry.LambdaResolution lr = resolveWithLambdas(registry, name, binding.getValidator(),
            binding.getScope(), binding.getCall());
        for (int i = 0; i < operandTypes.length; i++) {
          RelDataType param = lr.lambdas().containsKey(i) ? null
              : lr.resolution().paramType(i, lr.args(), binding.getTypeFactory());
          operandTypes[i] = param != null ? param : lr.args().get(i);
        }
        return;
      }
      List<RelDataType> args = new ArrayList<>();
      for (int i = 0; i < binding.getOperandCount(); i++) {
        args.add(binding.getOperandType(i));
      }
      RelDataTypeFactory tf = binding.getTypeFactory();
      FunctionRegistry.Resolution r = registry.resolve(name, args, tf);
      for (int i = 0; i < operandTypes.length; i++) {
        RelDataType param = r == null ? null : r.paramType(i, args, tf);
        operandTypes[i] = param != null ? param : args.get(i);
      }
    }

    static String display(RelDataType type) {
      if (type.getSqlTypeName() == SqlTypeName.NULL) {
        return "NULL";
      }
      try {
        return TypeConverter.fromRel(type).sql();
      } catch (RuntimeException e) {
        return type.getFullTypeString();
      }
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
      List<FunctionRegistry.ScalarOverload> overloads = registry.overloads(name);
      int min = Integer.MAX_VALUE;
      int max = 0;
      boolean unbounded = false;
      for (FunctionRegistry.ScalarOverload o : overloads) {
        Signature s = o.signature();
        min = Math.min(min, s.variadic() ? s.params().size() - 1 : s.params().size());
        max = Math.max(max, s.params().size());
        unbounded |= s.variadic();
      }
      return unbounded ? SqlOperandCountRanges.from(min) : SqlOperandCountRanges.between(min, max);
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
      return String.join("\n", registry.overloads(name).stream().map(o -> opName + o.signature()).toList());
    }

    @Override
    public boolean isFixedParameters() {
      return false;
    }

    @Override
    public List<RelDataType> paramTypes(RelDataTypeFactory typeFactory) {
      return List.of();
    }

    @Override
    public List<String> paramNames() {
      return List.of();
    }
  }

  /** Generates the call of the resolved Java method. */
  private static final class Implementation implements ScalarFunction, ImplementableFunction {
    private static final RelDataTypeFactory TYPES = new org.apache.calcite.jdbc.JavaTypeFactoryImpl(
        dev.sluice.planner.calcite.SluiceTypeSystem.INSTANCE);
    private final FunctionRegistry registry;
    private final String name;

    Implementation(FunctionRegistry registry, String name) {
      this.registry = registry;
      this.name = name;
    }

    @Override
    public List<FunctionParameter> getParameters() {
      return List.of();
    }

    @Override
    public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
      throw new UnsupportedOperationException("typed by UdfOperator's return type inference");
    }

    @Override
    public CallImplementor getImplementor() {
      return RexImpTable.createImplementor(this::implement, NullPolicy.NONE, false);
    }

    private Expression implement(RexToLixTranslator translator, RexCall call, List<Expression> operands) {
      RelDataTypeFactory tf = TYPES;
      List<RelDataType> args = call.getOperands().stream().map(o -> o.getType()).toList();
      // In a program the operands are local references; a lambda is known by what one refers to.
      FunctionRegistry.Resolution r = resolveRex(registry, name,
          call.getOperands().stream().map(translator::deref).toList(), tf);
      if (r == null) {
        throw new IllegalStateException("No overload of " + name + " for " + args);
      }
      Method method = r.overload().method();
      List<Type> javaParams = List.of(method.getParameterTypes());
      List<Expression> values = new ArrayList<>();
      if (r.overload().annotation().argumentTypes()) {
        values.add(ArgumentTypes.constant(args));
        javaParams = javaParams.subList(1, javaParams.size());
      }
      boolean variadic = r.overload().signature().variadic();
      int fixed = variadic ? javaParams.size() - 1 : javaParams.size();
      for (int i = 0; i < fixed; i++) {
        values.add(convert(operands.get(i), args.get(i), r.paramType(i, args, tf), (Class<?>) javaParams.get(i)));
      }
      if (variadic) {
        Class<?> component = ((Class<?>) javaParams.get(fixed)).getComponentType();
        List<Expression> rest = new ArrayList<>();
        for (int i = fixed; i < operands.size(); i++) {
          rest.add(convert(operands.get(i), args.get(i), r.paramType(i, args, tf), component));
        }
        values.add(Expressions.newArrayInit(component, rest));
      }
      if (java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
        return Expressions.call(method, values);
      }
      Class<?> owner = method.getDeclaringClass();
      Expression instance = Expressions.convert_(Expressions.call(UdfInstances.class, "get",
          Expressions.constant(owner, Class.class)), owner);
      return Expressions.call(instance, method, values);
    }

    /** {@code value}, of SQL type {@code from}, as the Java type {@code to} of a parameter of SQL type {@code param}. */
    private static Expression convert(Expression value, RelDataType from, RelDataType param, Class<?> to) {
      Expression lambda = Lambdas.adapt(value, to);
      if (lambda != null) {
        return lambda;
      }
      Expression boxed = Expressions.box(value);
      SqlTypeName target = param == null ? null : Signature.normalize(param.getSqlTypeName());
      SqlTypeName source = Signature.normalize(from.getSqlTypeName());
      if (target != null && source != target && source != SqlTypeName.NULL) {
        if (target == SqlTypeName.BIGINT) {
          boxed = Expressions.call(Widening.class, "toLong", boxed);
        } else if (target == SqlTypeName.DECIMAL) {
          boxed = Expressions.call(Widening.class, "toDecimal", boxed);
        } else if (target == SqlTypeName.DOUBLE) {
          boxed = Expressions.call(Widening.class, "toDouble", boxed);
        } else if (target == SqlTypeName.DATE || target == SqlTypeName.TIME || target == SqlTypeName.TIMESTAMP) {
          String parse = target == SqlTypeName.DATE ? "toDate" : target == SqlTypeName.TIME ? "toTime"
              : "toTimestamp";
          boxed = Expressions.call(Widening.class, parse, Expressions.convert_(boxed, String.class));
        }
      }
      if (to == Object.class) {
        return Expressions.convert_(boxed, Object.class);
      }
      return boxed.getType() == to ? boxed : Expressions.convert_(boxed, to);
    }
  }
}
