package dev.sluice.planner.function;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;

/**
 * The one instance of each class with instance {@link Udf} methods, made with its public no-argument
 * constructor on first use; generated code calls {@code ((C) UdfInstances.get(C.class)).method(...)}. The
 * instance is shared by every query and thread, so such classes must be thread-safe (stateless is best).
 */
public final class UdfInstances {
  private static final ClassValue<Object> INSTANCES = new ClassValue<>() {
    @Override
    protected Object computeValue(Class<?> type) {
      try {
        return type.getConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot create an instance of " + type.getName() + ": " + e, e);
      }
    }
  };

  private UdfInstances() {}

  /** The shared instance of {@code type}. */
  public static Object get(Class<?> type) {
    return INSTANCES.get(type);
  }

  /** Whether {@code type} is a public, concrete class with a public no-argument constructor. */
  static boolean instantiable(Class<?> type) {
    if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())
        || type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
      return false;
    }
    for (Constructor<?> c : type.getConstructors()) {
      if (c.getParameterCount() == 0) {
        return true;
      }
    }
    return false;
  }
}
