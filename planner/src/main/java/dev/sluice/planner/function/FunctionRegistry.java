package dev.sluice.planner.function;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.planner.schema.SqlType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * The one place that knows every function: it feeds Calcite's operator table (one operator per name, typed
 * by {@link #resolve}), code generation (through the Java methods), SHOW FUNCTIONS / DESCRIBE FUNCTION and
 * the generated function reference, docs/functions.md. Table functions ({@link TableFunctions}) are kept
 * apart from scalars: they resolve and compile the same way, but the planner only accepts them in a
 * stream's select list, where a FlatMap step turns their list result into rows.
 */
public final class FunctionRegistry {

  /** One overload of a scalar function: the Java method that implements it, its annotation and signature. */
  public record ScalarOverload(String name, Method method, Udf annotation, Signature signature) {
    /** The parameter names, from {@link UdfParam}, else arg0, arg1... */
    public List<String> paramNames() {
      List<String> names = new ArrayList<>();
      var parameters = sqlParameters();
      for (int i = 0; i < parameters.size(); i++) {
        UdfParam p = parameters.get(i).getAnnotation(UdfParam.class);
        names.add(p == null ? "arg" + i : p.value());
      }
      return names;
    }

    public List<String> paramDescriptions() {
      return sqlParameters().stream().map(p -> p.getAnnotation(UdfParam.class))
          .map(p -> p == null ? "" : p.description()).toList();
    }

    /** The Java parameters that are SQL parameters: all but a leading {@link Udf#argumentTypes()} one. */
    private List<java.lang.reflect.Parameter> sqlParameters() {
      List<java.lang.reflect.Parameter> all = Arrays.asList(method.getParameters());
      return annotation.argumentTypes() ? all.subList(1, all.size()) : all;
    }
  }

  /** The chosen overload for some argument types, and the result's type. */
  public record Resolution(ScalarOverload overload, Signature.Match match, RelDataType returnType) {
    /** The Calcite type the argument at {@code index} is passed as; null for a parameter of any type. */
    public RelDataType paramType(int index, List<RelDataType> args, RelDataTypeFactory tf) {
      return Signature.toRel(overload.signature().param(index), match.bindings(), args, tf);
    }
  }

  private static final List<Class<?>> BUILT_INS = List.of(StringFunctions.class, MathFunctions.class,
      NullFunctions.class, CollectionFunctions.class, DateTimeFunctions.class, JsonFunctions.class,
      UrlFunctions.class, BytesFunctions.class, LambdaFunctions.class,
      GreatestLeastFunctions.class);
  private static final FunctionRegistry BUILT_IN = new FunctionRegistry(BUILT_INS, List.of(TableFunctions.class));

  private final Map<String, List<ScalarOverload>> scalars = new TreeMap<>();
  /** The table functions by name; an overload's Java method returns the list of the rows' values. */
  private final Map<String, List<ScalarOverload>> tables = new TreeMap<>();
  /** The user-defined aggregate functions by name (the built-in aggregates are in {@code AggregateFunctions}). */
  private final Map<String, List<UdafOverload>> aggregates = new TreeMap<>();
  /** Where each user-defined function came from (its jar); built-ins are absent. */
  private final Map<String, String> paths = new TreeMap<>();

  public FunctionRegistry(List<Class<?>> classes) {
    this(classes, List.of());
  }

  /** Scalar functions from {@code classes}, table functions from {@code tableClasses}. */
  public FunctionRegistry(List<Class<?>> classes, List<Class<?>> tableClasses) {
    for (Class<?> type : classes) {
      for (ScalarOverload overload : overloadsOf(type, false)) {
        add(overload.annotation().table() ? tables : scalars, overload, overload.annotation().table());
      }
    }
    for (Class<?> type : tableClasses) {
      for (ScalarOverload overload : overloadsOf(type, false)) {
        add(tables, overload, true);
      }
    }
  }

  /** Adds a scalar or table function's overload; a table function must return a list of row values. */
  private static void add(Map<String, List<ScalarOverload>> functions, ScalarOverload overload, boolean table) {
    if (table && !(overload.signature().returns() instanceof ParamType.ArrayOf)) {
      throw new IllegalArgumentException(overload.method() + ": a table function must return a List");
    }
    functions.computeIfAbsent(overload.name(), n -> new ArrayList<>()).add(overload);
  }

  private FunctionRegistry(FunctionRegistry base) {
    base.scalars.forEach((name, overloads) -> scalars.put(name, new ArrayList<>(overloads)));
    base.tables.forEach((name, overloads) -> tables.put(name, new ArrayList<>(overloads)));
    base.aggregates.forEach((name, overloads) -> aggregates.put(name, new ArrayList<>(overloads)));
    paths.putAll(base.paths);
  }

  /**
   * The {@link Udf} methods of {@code type}, sorted so resolution ties break the same way in every JVM
   * ({@code getMethods()} has no defined order). Only static methods, unless {@code instances}: then also
   * instance methods, when the class has a public no-argument constructor (see {@link UdfInstances}).
   *
   * @throws IllegalArgumentException when a method's parameter or return type is not supported
   */
  static List<ScalarOverload> overloadsOf(Class<?> type, boolean instances) {
    Method[] methods = type.getMethods();
    Arrays.sort(methods, Comparator.comparing(Method::toGenericString));
    List<ScalarOverload> overloads = new ArrayList<>();
    for (Method method : methods) {
      Udf udf = method.getAnnotation(Udf.class);
      if (udf == null) {
        continue;
      }
      if (!Modifier.isStatic(method.getModifiers())) {
        if (!instances) {
          continue;
        }
        if (!UdfInstances.instantiable(type)) {
          throw new IllegalArgumentException(method + " is an instance method, but " + type.getName()
              + " has no public no-argument constructor; make the method static or add one");
        }
      }
      if (!Modifier.isPublic(type.getModifiers())) {
        throw new IllegalArgumentException(type.getName() + " must be a public class to declare @Udf methods");
      }
      String name = udf.name().toUpperCase(java.util.Locale.ROOT);
      try {
        overloads.add(new ScalarOverload(name, method, udf, Signature.of(method, udf)));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(method + ": " + e.getMessage(), e);
      }
    }
    return overloads;
  }

  /**
   * The {@link Udaf} factory methods of {@code type}, in a stable order.
   *
   * @throws IllegalArgumentException when one is not a valid factory (see {@link UdafOverload#of})
   */
  static List<UdafOverload> udafsOf(Class<?> type) {
    Method[] methods = type.getMethods();
    Arrays.sort(methods, Comparator.comparing(Method::toGenericString));
    List<UdafOverload> udafs = new ArrayList<>();
    for (Method method : methods) {
      Udaf udaf = method.getAnnotation(Udaf.class);
      if (udaf != null) {
        udafs.add(UdafOverload.of(method, udaf));
      }
    }
    return udafs;
  }

  /**
   * This registry plus user-defined scalar and table functions from one source (a jar): {@code overloads} by
   * name. A name may not be one this registry already has (a built-in or another jar's function).
   *
   * @param path where the functions came from, as DESCRIBE FUNCTION reports it
   * @throws IllegalArgumentException naming the function and both sources on a collision
   */
  public FunctionRegistry withExtensions(List<ScalarOverload> overloads, String path) {
    return withExtensions(overloads, List.of(), path);
  }

  /**
   * This registry plus user-defined scalar and table functions ({@code overloads}) and aggregate functions
   * ({@code udafs}) from one source (a jar). A name may not be one this registry already has: a built-in
   * function or aggregate, or another jar's function.
   *
   * @param path where the functions came from, as DESCRIBE FUNCTION reports it
   * @throws IllegalArgumentException naming the function and both sources on a collision
   */
  public FunctionRegistry withExtensions(List<ScalarOverload> overloads, List<UdafOverload> udafs, String path) {
    FunctionRegistry copy = new FunctionRegistry(this);
    for (ScalarOverload overload : overloads) {
      String name = overload.name();
      checkFree(name, overload.method(), path);
      add(overload.annotation().table() ? copy.tables : copy.scalars, overload, overload.annotation().table());
      copy.paths.put(name, path);
    }
    for (UdafOverload udaf : udafs) {
      String name = udaf.name();
      checkFree(name, udaf.method(), path);
      if (copy.scalars.containsKey(name) || copy.tables.containsKey(name)) {
        throw new IllegalArgumentException("User-defined aggregate function " + name + " (" + udaf.method()
            .getDeclaringClass().getName() + " in " + path + ") has the name of a function of the same jar;"
            + " rename one of them");
      }
      copy.aggregates.computeIfAbsent(name, n -> new ArrayList<>()).add(udaf);
      copy.paths.put(name, path);
    }
    for (ScalarOverload overload : overloads) {
      if (copy.aggregates.containsKey(overload.name())) {
        throw new IllegalArgumentException("User-defined function " + overload.name() + " (" + overload.method()
            .getDeclaringClass().getName() + " in " + path + ") has the name of an aggregate function of the"
            + " same jar; rename one of them");
      }
    }
    return copy;
  }

  /** Fails when {@code name} is already a function's: a built-in's, or one loaded from another jar. */
  private void checkFree(String name, Method method, String path) {
    if (scalars.containsKey(name) || tables.containsKey(name) || aggregates.containsKey(name)
        || dev.sluice.planner.aggregate.AggregateFunctions.isAggregate(name)) {
      String other = paths.get(name);
      throw new IllegalArgumentException("User-defined function " + name + " (" + method.getDeclaringClass()
          .getName() + " in " + path + ") has the name of "
          + (other == null ? "a built-in function" : "a function already loaded from " + other)
          + "; rename it (@Udf(name = ...) or @Udaf(name = ...)) or remove the jar");
    }
  }

  /** Every user-defined aggregate function name with its overloads, sorted by name. */
  public Map<String, List<UdafOverload>> aggregates() {
    return Collections.unmodifiableMap(aggregates);
  }

  /** Whether {@code name} (any case) is an aggregate function: a built-in one or a user-defined one. */
  public boolean isAggregate(String name) {
    return dev.sluice.planner.aggregate.AggregateFunctions.isAggregate(name)
        || aggregates.containsKey(name.toUpperCase(java.util.Locale.ROOT));
  }

  /** Whether {@code name} (upper case) is a user-defined aggregate function. */
  public boolean isUserAggregate(String name) {
    return aggregates.containsKey(name);
  }

  /** The chosen overload of a user-defined aggregate function for a call, with the call's types. */
  public record AggregateResolution(UdafOverload overload, UdafOverload.Typed types) {}

  /**
   * The overload of the user-defined aggregate {@code name} that a call over columns of types {@code columns}
   * with {@code literals} calls: the one of least cost ({@link UdafOverload#match}); null when none fits.
   *
   * @throws SluiceException when two fit at the same cost
   */
  public AggregateResolution resolveAggregate(String name, List<SqlType> columns, List<Object> literals) {
    AggregateResolution best = null;
    boolean tie = false;
    for (UdafOverload overload : aggregates.getOrDefault(name, List.of())) {
      UdafOverload.Typed typed = overload.match(columns, literals);
      if (typed == null) {
        continue;
      }
      if (best == null || typed.cost() < best.types().cost()) {
        best = new AggregateResolution(overload, typed);
        tie = false;
      } else if (typed.cost() == best.types().cost()) {
        tie = true;
      }
    }
    if (tie) {
      throw new SluiceException(ErrorCode.BAD_STATEMENT, "Function '" + name + "' cannot be resolved due to"
          + " ambiguous method parameters ("
          + columns.stream().map(SqlType::sql).collect(Collectors.joining(", ")) + ").\nUse CAST() to explicitly"
          + " cast your parameters"
          + " to one of the supported function calls.\nValid function calls are:\n" + aggregates.get(name).stream()
          .map(o -> name + "(" + String.join(", ", o.paramTypes()) + ")").sorted()
          .collect(Collectors.joining("\n")) + "\nFor detailed information on a function run: DESCRIBE FUNCTION"
          + " <Function-Name>;");
    }
    return best;
  }

  /** Where the function {@code name} comes from: its jar for a user-defined function, else "internal". */
  public String path(String name) {
    return paths.getOrDefault(name, FunctionDocs.BUILT_IN_PATH);
  }

  /** Whether {@code name} is user-defined: loaded from an extension jar. */
  public boolean isExtension(String name) {
    return paths.containsKey(name);
  }

  public static FunctionRegistry builtIn() {
    return BUILT_IN;
  }

  /** Every scalar function name with its overloads, sorted by name. */
  public Map<String, List<ScalarOverload>> scalars() {
    return Collections.unmodifiableMap(scalars);
  }

  /** Every table function name with its overloads, sorted by name. */
  public Map<String, List<ScalarOverload>> tables() {
    return Collections.unmodifiableMap(tables);
  }

  /** Whether {@code name} (upper case) is a table function such as EXPLODE. */
  public boolean isTableFunction(String name) {
    return tables.containsKey(name);
  }

  /** The overloads of the scalar or table function {@code name}, or an empty list. */
  public List<ScalarOverload> overloads(String name) {
    List<ScalarOverload> table = tables.get(name);
    return table != null ? table : scalars.getOrDefault(name, List.of());
  }

  /**
   * The overload of {@code name} that {@code args} call, with its return type, or null when none fits. As
   * ksqlDB resolves: the overloads that match without widening a number, else those that match with it;
   * of several, one without varargs beats one with, then more parameters beat fewer, then fewer generic
   * parameters beat more; a tie is ambiguous.
   *
   * @throws SluiceException ksqlDB's message when the call is ambiguous
   */
  public Resolution resolve(String name, List<RelDataType> args, RelDataTypeFactory tf) {
    List<ScalarOverload> overloads = new ArrayList<>();
    List<Signature.Match> matches = new ArrayList<>();
    for (ScalarOverload overload : overloads(name)) {
      Signature.Match match = overload.signature().match(args, tf);
      if (match != null) {
        overloads.add(overload);
        matches.add(match);
      }
    }
    int best = choose(name, overloads, matches, args.stream().map(FunctionRegistry::display).toList());
    if (best < 0) {
      return null;
    }
    ScalarOverload overload = overloads.get(best);
    Signature.Match match = matches.get(best);
    return new Resolution(overload, match, returnType(overload, match, args, tf));
  }

  /**
   * The index of the overload ksqlDB would pick among matching {@code overloads}, or -1 when none.
   *
   * @throws SluiceException when the choice is ambiguous
   */
  private int choose(String name, List<ScalarOverload> overloads, List<Signature.Match> matches,
      List<String> shownArgs) {
    for (boolean exact : new boolean[] {true, false}) {
      int best = -1;
      boolean tie = false;
      for (int i = 0; i < overloads.size(); i++) {
        if (exact && matches.get(i).cost() > 0) {
          continue;
        }
        int c = best < 0 ? 1 : preference(overloads.get(i).signature()).compareTo(
            preference(overloads.get(best).signature()));
        if (c > 0) {
          best = i;
          tie = false;
        } else if (c == 0) {
          tie = true;
        }
      }
      if (tie) {
        throw new SluiceException(ErrorCode.BAD_STATEMENT, "Function '" + name
            + "' cannot be resolved due to ambiguous method parameters (" + String.join(", ", shownArgs)
            + ").\nUse CAST() to explicitly cast your parameters to one of the supported function calls.\n"
            + "Valid function calls are:\n" + signatures(name)
            + "\nFor detailed information on a function run: DESCRIBE FUNCTION <Function-Name>;");
      }
      if (best >= 0) {
        return best;
      }
    }
    return -1;
  }

  /** How much ksqlDB prefers an overload: without varargs, then more parameters, then fewer generics. */
  private static Preference preference(Signature s) {
    int generics = (int) s.params().stream().filter(FunctionRegistry::generic).count();
    return new Preference(s.variadic() ? 0 : 1, s.params().size(), -generics);
  }

  /** Whether a parameter type has a type variable or ANY in it: ARRAY<DECIMAL> is not generic, ARRAY<T> is. */
  private static boolean generic(ParamType p) {
    if (p instanceof ParamType.ArrayOf a) {
      return generic(a.element());
    }
    if (p instanceof ParamType.MapOf m) {
      return generic(m.key()) || generic(m.value());
    }
    return p instanceof ParamType.Generic || p instanceof ParamType.Any;
  }

  private record Preference(int fixed, int params, int fewerGenerics) implements Comparable<Preference> {
    @Override
    public int compareTo(Preference o) {
      return Comparator.comparingInt(Preference::fixed).thenComparingInt(Preference::params)
          .thenComparingInt(Preference::fewerGenerics).compare(this, o);
    }
  }

  private static String display(RelDataType type) {
    if (type == null) {
      return "LAMBDA";
    }
    if (type.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.NULL) {
      return "null";
    }
    try {
      return dev.sluice.planner.calcite.TypeConverter.fromRel(type).sql();
    } catch (RuntimeException e) {
      return type.getFullTypeString();
    }
  }

  private String signatures(String name) {
    return overloads(name).stream().map(o -> name + o.signature()).sorted().collect(Collectors.joining("\n"));
  }

  /**
   * The overload of {@code name} that a call with lambda arguments calls, resolved in ksqlDB's two passes
   * ({@link Signature#matchShape}, then {@link Signature#typeLambdas}, which types each lambda's body); its
   * resolution is null when none fits.
   *
   * @param args the argument types, null at the positions of {@code lambdas}
   * @throws SluiceException when a lambda parameter's type cannot be inferred (NULL arguments)
   */
  public LambdaResolution resolve(String name, List<RelDataType> args, Map<Integer, Signature.LambdaArg> lambdas,
      RelDataTypeFactory tf) {
    List<ScalarOverload> overloads = new ArrayList<>();
    List<Signature.Match> shapes = new ArrayList<>();
    for (ScalarOverload overload : overloads(name)) {
      Signature.Match shape = overload.signature().matchShape(args, lambdas, tf);
      if (shape != null) {
        overloads.add(overload);
        shapes.add(shape);
      }
    }
    int chosen = choose(name, overloads, shapes, args.stream().map(FunctionRegistry::display).toList());
    if (chosen < 0) {
      return new LambdaResolution(null, args, lambdas, null);
    }
    ScalarOverload best = overloads.get(chosen);
    Signature.Match bestShape = shapes.get(chosen);
    Signature.LambdaMatch typed;
    try {
      typed = best.signature().typeLambdas(bestShape, args, lambdas, tf);
    } catch (IllegalStateException e) {
      throw new SluiceException(ErrorCode.BAD_STATEMENT, "Can't infer the type of the lambda parameters of "
          + name + " (" + e.getMessage() + ") from NULL arguments. Please cast them to the required type, e.g."
          + " CAST(null AS ARRAY<INT>).");
    }
    List<RelDataType> complete = new ArrayList<>(args);
    typed.bodies().forEach(complete::set);
    if (typed.match() == null) {
      return new LambdaResolution(null, complete, lambdas, typed);
    }
    Resolution resolution = new Resolution(best, typed.match(), returnType(best, typed.match(), complete, tf));
    return new LambdaResolution(resolution, complete, lambdas, typed);
  }

  /**
   * The outcome of resolving a call with lambdas: the resolution (null when a lambda's body did not fit), the
   * argument types with each lambda's body type in its place, and the typed lambdas.
   */
  public record LambdaResolution(Resolution resolution, List<RelDataType> args,
      Map<Integer, Signature.LambdaArg> lambdas, Signature.LambdaMatch typed) {
    /** How ksqlDB shows the argument at {@code index} in messages: {@code LAMBDA (INTEGER) => BOOLEAN}. */
    public String display(int index, java.util.function.Function<RelDataType, String> type) {
      Signature.LambdaArg lambda = lambdas.get(index);
      if (lambda == null) {
        return type.apply(args.get(index));
      }
      if (typed == null || !typed.inputs().containsKey(index)) {
        return "LAMBDA (" + lambda.arity() + " arguments)";
      }
      return "LAMBDA " + typed.inputs().get(index).stream().map(type).collect(Collectors.joining(", ", "(", ")"))
          + " => " + type.apply(typed.bodies().get(index));
    }
  }

  private static RelDataType returnType(ScalarOverload overload, Signature.Match match, List<RelDataType> args,
      RelDataTypeFactory tf) {
    String provider = overload.annotation().returnTypeMethod();
    if (!provider.isEmpty()) {
      try {
        Method m = overload.method().getDeclaringClass().getMethod(provider, RelDataTypeFactory.class, List.class);
        return tf.createTypeWithNullability((RelDataType) m.invoke(null, tf, args), true);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Bad returnTypeMethod of " + overload.method(), e);
      }
    }
    RelDataType type = Signature.toRel(overload.signature().returns(), match.bindings(), args, tf);
    if (type == null) {
      throw new SluiceException(ErrorCode.BAD_STATEMENT, "Can't infer the return type of " + overload.name()
          + " from NULL arguments. Please cast them to the required type, e.g. CAST(null AS VARCHAR).");
    }
    return type;
  }

  /** ksqlDB's message for arguments no overload accepts. */
  public String noMatchMessage(String name, List<String> argTypes) {
    if (isTableFunction(name)) {
      // ksqlDB words it differently for table functions: lower-case name, named parameters, no hint.
      String lower = name.toLowerCase(java.util.Locale.ROOT);
      return "Function '" + lower + "' does not accept parameters (" + String.join(", ", argTypes) + ").\n"
          + "Valid alternatives are:\n" + overloads(name).stream().map(o -> {
            List<String> params = new ArrayList<>();
            List<String> names = o.paramNames();
            for (int i = 0; i < names.size(); i++) {
              params.add(o.signature().params().get(i) + " " + names.get(i));
            }
            return lower + "(" + String.join(", ", params) + ")";
          }).sorted().collect(Collectors.joining("\n"));
    }
    return "Function '" + name + "' does not accept parameters (" + String.join(", ", argTypes) + ").\n"
        + "Valid alternatives are:\n" + signatures(name)
        + "\nFor detailed information on a function run: DESCRIBE FUNCTION <Function-Name>;";
  }
}
