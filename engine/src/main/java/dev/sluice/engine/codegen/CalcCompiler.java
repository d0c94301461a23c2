package dev.sluice.engine.codegen;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.planner.function.FunctionRegistry;
import dev.sluice.planner.plan.CalcPrograms;
import dev.sluice.planner.plan.StreamCalc;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.BlockStatement;
import org.apache.calcite.linq4j.tree.ClassDeclaration;
import org.apache.calcite.linq4j.tree.DeclarationStatement;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.FunctionExpression;
import org.apache.calcite.linq4j.tree.MemberDeclaration;
import org.apache.calcite.linq4j.tree.ParameterExpression;
import org.apache.calcite.linq4j.tree.Shuttle;
import org.apache.calcite.linq4j.tree.Statement;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.codehaus.janino.SimpleCompiler;

/**
 * Compiles a {@link StreamCalc} into one Java class with Calcite's {@code RexToLixTranslator} and Janino:
 * the filter is evaluated first so projections never run for dropped rows, constants, and lambdas that read
 * nothing of the row ({@link LambdaHoisting}), are hoisted into static fields, and the class is compiled once per distinct source text and shared (Janino creates a
 * class loader per compile, so compiling per task or per record would leak metaspace).
 */
public final class CalcCompiler {
  private static final AtomicLong COUNTER = new AtomicLong();

  private final FunctionRegistry functions;
  private final ClassLoader parent;
  private final ConcurrentHashMap<String, Class<? extends RowFunction>> cache = new ConcurrentHashMap<>();

  /** @param parent the class loader generated code sees: the engine's, or one that also sees UDF jars */
  public CalcCompiler(FunctionRegistry functions, ClassLoader parent) {
    this.functions = functions;
    this.parent = parent;
  }

  /** The functions generated code may call, user-defined ones included. */
  public FunctionRegistry functions() {
    return functions;
  }

  /**
   * A compiled calc: make one {@link RowFunction} per task with {@link #newInstance()}.
   *
   * @param readsValues per output column, whether its expression reads a value column of the input (not only
   *     key columns and pseudo-columns): such a column has nothing to be computed from for a record with a null
   *     value, which ksqlDB gives a null there (PARTITION BY NAME IS NULL re-keys a tombstone to a null key)
   */
  public record Compiled(String source, Class<? extends RowFunction> type, boolean[] readsValues) {
    public RowFunction newInstance() {
      try {
        return type.getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  public Compiled compile(StreamCalc calc) {
    CalcPrograms.CalcProgram program = CalcPrograms.of(calc, functions);
    String className = "SluiceCalc";
    String source = generate(program, className);
    Class<? extends RowFunction> type = cache.computeIfAbsent(source, s -> cook(s, className));
    return new Compiled(source, type, readsValues(program.program(), calc.input().schema()));
  }

  private static boolean[] readsValues(RexProgram program, dev.sluice.planner.schema.LogicalSchema input) {
    List<dev.sluice.planner.schema.Column> columns = input.columns();
    boolean[] out = new boolean[program.getProjectList().size()];
    for (int i = 0; i < out.length; i++) {
      for (int ref : org.apache.calcite.plan.RelOptUtil.InputFinder.bits(
          program.expandLocalRef(program.getProjectList().get(i)))) {
        if (ref < columns.size() && columns.get(ref).namespace() == dev.sluice.planner.schema.Column.Namespace.VALUE
            && !dev.sluice.planner.catalog.PseudoColumns.isPseudo(columns.get(ref).name())) {
          out[i] = true;
        }
      }
    }
    return out;
  }

  /** The generated Java source for {@code calc}, as EXPLAIN can show it. */
  String generate(CalcPrograms.CalcProgram calcProgram, String className) {
    RexProgram program = CalcRewrites.rewrite(calcProgram.program(), calcProgram.typeFactory());
    // Final, since the compiled lambdas (anonymous classes) read the columns they reference from it.
    ParameterExpression in = Expressions.parameter(Modifier.FINAL, Object[].class, "in");
    ParameterExpression out = Expressions.parameter(Object[].class, "out");
    PhysType inType = PhysTypeImpl.of(calcProgram.typeFactory(), program.getInputRowType(), JavaRowFormat.ARRAY,
        false);
    RexToLixTranslator.InputGetter getter = new RexToLixTranslator.InputGetterImpl(in, inType);

    BlockBuilder statics = new BlockBuilder(true);
    BlockBuilder body = new BlockBuilder();
    if (program.getCondition() != null) {
      Expression condition = RexToLixTranslator.translateCondition(program, calcProgram.typeFactory(), body,
          getter, null, SqlConformanceEnum.DEFAULT);
      body.add(Expressions.ifThen(Expressions.not(condition), Expressions.return_(null, Expressions.constant(false))));
    }
    RexBuilder rexBuilder = new RexBuilder(calcProgram.typeFactory());
    ParameterExpression self = Expressions.parameter(CalcFunction.class, "this");
    for (int i = 0; i < program.getProjectList().size(); i++) {
      // One program, and one try block, per column: a failing expression nulls its own column only.
      RelDataTypeField field = program.getOutputRowType().getFieldList().get(i);
      RexProgram column = RexProgram.create(program.getInputRowType(),
          List.of(program.expandLocalRef(program.getProjectList().get(i))), null,
          calcProgram.typeFactory().createStructType(List.of(field)), rexBuilder);
      BlockBuilder block = new BlockBuilder(true, body);
      Expression value = RexToLixTranslator.translateProjects(column, calcProgram.typeFactory(),
          SqlConformanceEnum.DEFAULT, block, statics, null, DataContext.ROOT, getter, null).get(0);
      Expression cell = Expressions.arrayIndex(out, Expressions.constant(i));
      block.add(Expressions.statement(Expressions.assign(cell, Expressions.box(value))));
      ParameterExpression e = Expressions.parameter(RuntimeException.class, "e" + i);
      body.add(Expressions.tryCatch(block.toBlock(), Expressions.catch_(e, Expressions.block(
          Expressions.statement(Expressions.assign(cell, Expressions.constant(null))),
          Expressions.statement(Expressions.call(self, "fail", Expressions.constant(i), e))))));
    }
    body.add(Expressions.return_(null, Expressions.constant(true)));

    List<MemberDeclaration> members = new ArrayList<>();
    java.util.Set<String> staticNames = new java.util.HashSet<>();
    for (Statement statement : statics.toBlock().statements) {
      if (statement instanceof DeclarationStatement declaration) {
        members.add(Expressions.fieldDecl(Modifier.PRIVATE | Modifier.STATIC | Modifier.FINAL,
            declaration.parameter, declaration.initializer));
        staticNames.add(declaration.parameter.name);
      }
    }
    LambdaHoisting hoisting = new LambdaHoisting(staticNames);
    BlockStatement method = (BlockStatement) body.toBlock().accept(FINAL_LAMBDA_PARAMETERS).accept(hoisting);
    for (DeclarationStatement field : hoisting.fields()) {
      members.add(Expressions.fieldDecl(Modifier.PRIVATE | Modifier.STATIC | Modifier.FINAL, field.parameter,
          field.initializer));
    }
    members.add(Expressions.methodDecl(Modifier.PUBLIC, boolean.class, "apply",
        List.of(DataContext.ROOT, in, out), method));
    ClassDeclaration decl = Expressions.classDecl(Modifier.PUBLIC | Modifier.FINAL, className, CalcFunction.class,
        List.of(), members);
    return Expressions.toString(List.of(decl), "\n", false);
  }

  /**
   * Makes the parameters of compiled lambdas final: a nested lambda reads its enclosing lambda's parameters,
   * and Janino lets an inner class read only final variables (it knows no "effectively final").
   */
  private static final Shuttle FINAL_LAMBDA_PARAMETERS = new Shuttle() {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Expression visit(FunctionExpression function, BlockStatement body) {
      List<ParameterExpression> params = new ArrayList<>();
      for (ParameterExpression p : (List<ParameterExpression>) function.parameterList) {
        params.add(Expressions.parameter(p.modifier | Modifier.FINAL, p.getType(), p.name));
      }
      return new FunctionExpression((Class) function.getType(), body, params);
    }
  };

  @SuppressWarnings("unchecked")
  private Class<? extends RowFunction> cook(String source, String className) {
    try {
      SimpleCompiler compiler = new SimpleCompiler();
      compiler.setParentClassLoader(parent);
      compiler.cook(source);
      COUNTER.incrementAndGet();
      return (Class<? extends RowFunction>) compiler.getClassLoader().loadClass(className);
    } catch (Exception e) {
      throw new SluiceException(ErrorCode.SERVER_ERROR, "Cannot compile generated code: " + e.getMessage()
          + "\n" + source, e);
    }
  }

  /** How many classes were compiled in this JVM: a cache hit compiles nothing. */
  public static long compilations() {
    return COUNTER.get();
  }
}
