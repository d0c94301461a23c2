package dev.sluice.planner.function;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public static method as a scalar SQL function. Several methods may carry the same name: they are
 * the function's overloads. Methods get nulls and must answer null for a null argument unless documented.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Udf {
  /** The SQL name, upper case. */
  String name();

  String description();

  /** Whether the same arguments always give the same result; false keeps it out of constant folding. */
  boolean deterministic() default true;
}
