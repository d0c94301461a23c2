package dev.sluice.planner.function;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public static factory method of a user-defined aggregate function (UDAF), like ksqlDB's {@code
 * UdafFactory}: it returns an {@link Aggregator Aggregator&lt;I, A, O&gt;} (a {@link TableAggregator} to also
 * aggregate tables). A call {@code NAME(column, literal, ...)} aggregates the column and passes the literals
 * (constants, as TOPK's k) to the factory's parameters, once per query; {@link #columns()} declares a
 * function of several columns. Several methods with one name are the function's overloads, chosen by the
 * columns' types and the literals.
 *
 * <p>SQL types come from the Java type arguments of the return type: String STRING, Integer INT, Long
 * BIGINT, Double DOUBLE, BigDecimal DECIMAL, Boolean BOOLEAN, ByteString BYTES, List ARRAY, Map MAP, a type
 * variable the column's type (so {@code <T> Aggregator<T, List<T>, List<T>>} works for any column), Object
 * any column type. {@link #inputType()}, {@link #aggregateType()} and {@link #returnType()} give a SQL type
 * outright ({@code TIMESTAMP}, {@code DECIMAL(10, 2)}, {@code STRUCT<SUM DOUBLE, N BIGINT>}): required when
 * the Java type does not fix it (a STRUCT is an {@code Object[]} of its field values; a DECIMAL's precision).
 * Factory parameters are Integer, Long, Double, Boolean or String, named with {@link UdfParam}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Udaf {
  /** The SQL name, upper case. */
  String name();

  String description();

  /** The group in SHOW FUNCTIONS: AGGREGATE unless said otherwise. */
  String category() default "AGGREGATE";

  String author() default "";

  String version() default "";

  /** The name of the column argument in DESCRIBE FUNCTION. */
  String inputName() default "col1";

  String inputDescription() default "";

  /** The column argument's SQL type, when the Java type does not say it. */
  String inputType() default "";

  /**
   * For a function of several columns, like {@code WEIGHTED_AVG(value, weight)}: each column as {@code "name
   * TYPE"}, in order. The input type {@code I} is then {@code Object[]}, one value per column (each possibly
   * null), and {@link #inputName()} and {@link #inputType()} are not used.
   */
  String[] columns() default {};

  /** The SQL type of the aggregate value kept in the state store, when the Java type does not say it. */
  String aggregateType() default "";

  /** The SQL type of the result, when the Java type does not say it. */
  String returnType() default "";
}
