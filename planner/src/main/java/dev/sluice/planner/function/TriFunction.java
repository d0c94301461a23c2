package dev.sluice.planner.function;

/**
 * A function of three arguments: the Java type of a three-parameter lambda argument of a {@link Udf} method
 * (as {@code REDUCE} over a map takes {@code (state, key, value) => ...}); the JDK has none.
 */
@FunctionalInterface
public interface TriFunction<A, B, C, R> {
  R apply(A a, B b, C c);
}
