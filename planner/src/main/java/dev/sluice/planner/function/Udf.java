package dev.sluice.planner.function;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public static method as a scalar SQL function. Several methods may carry the same name: they are
 * the function's overloads, resolved as ksqlDB resolves them (see {@link Signature}). Methods get nulls and
 * must answer null for a null argument unless their description says otherwise, and should answer null
 * rather than throw for an argument they cannot process (a throwing expression nulls its column).
 *
 * <p>Parameter and return SQL types come from the Java types (String STRING, Integer INT, Long BIGINT,
 * Double DOUBLE, BigDecimal DECIMAL, Boolean BOOLEAN, ByteString BYTES, List ARRAY, Map MAP, a type
 * variable any type, bound across the signature, Object any type); {@link UdfParam#type()} and
 * {@link #returnType()} name TIMESTAMP (Long millis), DATE (Integer days) or TIME (Integer millis), which
 * share a Java type with a number. A Java varargs method is a variadic function.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Udf {
  /** The SQL name, upper case. */
  String name();

  /**
   * A table function (like EXPLODE): the method returns a {@code List} whose elements are the values of the
   * rows one input row becomes, an empty list or null for none. Used in SELECT like EXPLODE, over streams.
   */
  boolean table() default false;

  String description();

  /** The group in SHOW FUNCTIONS and the docs: STRING, MATH, DATE / TIME, JSON, ARRAY, MAP, ... */
  String category() default "OTHER";

  String author() default "Sluice";

  String version() default "";

  /** The SQL return type when the Java type does not say it: TIMESTAMP, DATE or TIME. */
  String returnType() default "";

  /**
   * The name of a public static method of the same class, {@code RelDataType m(RelDataTypeFactory,
   * List<RelDataType>)}, that computes the return type from the argument types (DECIMAL precision and scale).
   */
  String returnTypeMethod() default "";

  /**
   * Whether the method's first Java parameter is a {@code SqlType[]} that receives the SQL types of the
   * arguments (an element is null for a NULL literal): for functions whose result depends on more than the
   * Java values, as TO_JSON_STRING writes a TIME, an INT and a struct's field names differently. That
   * parameter is not part of the SQL signature.
   */
  boolean argumentTypes() default false;

  /** Whether the same arguments always give the same result; false keeps it out of constant folding. */
  boolean deterministic() default true;
}
