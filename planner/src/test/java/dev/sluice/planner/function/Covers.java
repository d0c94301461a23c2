package dev.sluice.planner.function;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the built-in functions whose edge cases a test method checks, so that {@link BuiltInCoverageTest}
 * can fail when a function of the registry has no such test. Only a {@code @Test} method may carry it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Covers {
  /** Upper-case SQL function names, as the registry knows them. */
  String[] value();
}
