package dev.sluice.planner.function;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names and documents a parameter of a {@link Udf} method, for DESCRIBE FUNCTION and the docs. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface UdfParam {
  String value();

  String description() default "";

  /** The SQL type when the Java type does not say it: TIMESTAMP (Long), DATE or TIME (Integer). */
  String type() default "";
}
