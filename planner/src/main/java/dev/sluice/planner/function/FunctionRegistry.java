package dev.sluice.planner.function;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one place that knows every function: it feeds Calcite's operator table, code generation (through
 * the Java methods) and, later, SHOW FUNCTIONS / DESCRIBE FUNCTION and the generated function reference.
 */
public final class FunctionRegistry {

  /** One overload of a scalar function: the Java method that implements it and its annotation. */
  public record ScalarOverload(String name, Method method, Udf annotation) {}

  private static final List<Class<?>> BUILT_INS = List.of(StringFunctions.class);
  private static final FunctionRegistry BUILT_IN = new FunctionRegistry(BUILT_INS);

  private final Map<String, List<ScalarOverload>> scalars = new TreeMap<>();

  public FunctionRegistry(List<Class<?>> classes) {
    for (Class<?> type : classes) {
      for (Method method : type.getMethods()) {
        Udf udf = method.getAnnotation(Udf.class);
        if (udf != null && Modifier.isStatic(method.getModifiers())) {
          scalars.computeIfAbsent(udf.name(), n -> new ArrayList<>()).add(new ScalarOverload(udf.name(), method, udf));
        }
      }
    }
  }

  public static FunctionRegistry builtIn() {
    return BUILT_IN;
  }

  /** Every scalar function name with its overloads, sorted by name. */
  public Map<String, List<ScalarOverload>> scalars() {
    return Collections.unmodifiableMap(scalars);
  }
}
