package dev.sluice.planner.function;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
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
      var parameters = method.getParameters();
      for (int i = 0; i < parameters.length; i++) {
        UdfParam p = parameters[i].getAnnotation(UdfParam.class);
        names.add(p == null ? "arg" + i : p.value());
      }
      return names;
    }

    public List<String> paramDescriptions() {
      return Arrays.stream(method.getParameters()).map(p -> p.getAnnotation(UdfParam.class))
          .map(p -> p == null ? "" : p.description()).toList();
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
      UrlFunctions.class, BytesFunctions.class);
  private static final FunctionRegistry BUILT_IN = new FunctionRegistry(BUILT_INS, List.of(TableFunctions.class));

  private final Map<String, List<ScalarOverload>> scalars = new TreeMap<>();
  /** The table functions by name; an overload's Java method returns the list of the rows' values. */
  private final Map<String, List<ScalarOverload>> tables = new TreeMap<>();
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
   * This registry plus user-defined functions from one source (a jar): {@code overloads} by name. A name
   * may not be one this registry already has (a built-in or another jar's function).
   *
   * @param path where the functions came from, as DESCRIBE FUNCTION reports it
   * @throws IllegalArgumentException naming the function and both sources on a collision
   */
  public FunctionRegistry withExtensions(List<ScalarOverload> overloads, String path) {
    FunctionRegistry copy = new FunctionRegistry(this);
    for (ScalarOverload overload : overloads) {
      String name = overload.name();
      if (scalars.containsKey(name) || tables.containsKey(name)) {
        String other = paths.get(name);
        throw new IllegalArgumentException("User-defined function " + name + " (" + overload.method()
            .getDeclaringClass().getName() + " in " + path + ") has the name of "
            + (other == null ? "a built-in function" : "a function already loaded from " + other)
            + "; rename it (@Udf(name = ...)) or remove the jar");
      }
      add(overload.annotation().table() ? copy.tables : copy.scalars, overload, overload.annotation().table());
      copy.paths.put(name, path);
    }
    return copy;
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

  /** The overload of {@code name} that {@code args} call, with its return type, or null when none fits. */
  public Resolution resolve(String name, List<RelDataType> args, RelDataTypeFactory tf) {
    Resolution best = null;
    for (ScalarOverload overload : overloads(name)) {
      Signature.Match match = overload.signature().match(args, tf);
      if (match == null) {
        continue;
      }
      if (best == null || match.cost() < best.match().cost()
          || match.cost() == best.match().cost() && best.overload().signature().variadic()
          && !overload.signature().variadic()) {
        best = new Resolution(overload, match, null);
      }
    }
    if (best == null) {
      return null;
    }
    return new Resolution(best.overload(), best.match(), returnType(best.overload(), best.match(), args, tf));
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
        + "Valid alternatives are:\n" + overloads(name).stream()
        .map(o -> name + o.signature()).sorted().collect(Collectors.joining("\n"))
        + "\nFor detailed information on a function run: DESCRIBE FUNCTION <Function-Name>;";
  }
}
