package dev.sluice.planner.function;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The higher-order functions, which take lambdas: {@code TRANSFORM}, {@code FILTER} and {@code REDUCE} over
 * arrays and maps. The lambdas arrive as compiled Java functions (see {@link Lambdas}). As in ksqlDB, a map
 * these functions build cannot hold a NULL value or a key twice: such a call fails, which makes its result
 * NULL and logs the error.
 */
public final class LambdaFunctions {
  private LambdaFunctions() {}

  private static final String CAT = "LAMBDA";

  @Udf(name = "TRANSFORM", category = CAT, description = "The array with the function applied to each element.")
  public static <T, R> List<R> transform(@UdfParam("array") List<T> array,
      @UdfParam(value = "function", description = "x => ..., applied to each element") Function<T, R> function) {
    if (array == null) {
      return null;
    }
    List<R> out = new ArrayList<>(array.size());
    for (T element : array) {
      out.add(function.apply(element));
    }
    return out;
  }

  @Udf(name = "TRANSFORM", category = CAT, description = "The map with each entry's key and value replaced by"
      + " the two functions' results for the entry; fails on a NULL value or a repeated key.")
  public static <K, V, R, S> Map<R, S> transform(@UdfParam("map") Map<K, V> map,
      @UdfParam(value = "keyFunction", description = "(k, v) => the new key") BiFunction<K, V, R> keyFunction,
      @UdfParam(value = "valueFunction", description = "(k, v) => the new value")
      BiFunction<K, V, S> valueFunction) {
    if (map == null) {
      return null;
    }
    Map<R, S> out = new LinkedHashMap<>();
    map.forEach((k, v) -> put(out, keyFunction.apply(k, v), valueFunction.apply(k, v)));
    return out;
  }

  @Udf(name = "FILTER", category = CAT, description = "The elements for which the predicate is true (NULL"
      + " counts as false).")
  public static <T> List<T> filter(@UdfParam("array") List<T> array,
      @UdfParam(value = "predicate", description = "x => a BOOLEAN") Function<T, Boolean> predicate) {
    if (array == null) {
      return null;
    }
    List<T> out = new ArrayList<>();
    for (T element : array) {
      if (Boolean.TRUE.equals(predicate.apply(element))) {
        out.add(element);
      }
    }
    return out;
  }

  @Udf(name = "FILTER", category = CAT, description = "The entries for which the predicate is true (NULL"
      + " counts as false); fails when a kept entry's value is NULL.")
  public static <K, V> Map<K, V> filter(@UdfParam("map") Map<K, V> map,
      @UdfParam(value = "predicate", description = "(k, v) => a BOOLEAN") BiFunction<K, V, Boolean> predicate) {
    if (map == null) {
      return null;
    }
    Map<K, V> out = new LinkedHashMap<>();
    map.forEach((k, v) -> {
      if (Boolean.TRUE.equals(predicate.apply(k, v))) {
        put(out, k, v);
      }
    });
    return out;
  }

  @Udf(name = "REDUCE", category = CAT, description = "Folds the array into a value: the function gets the"
      + " state, initially the initial state, and each element in turn, and returns the next state. NULL when"
      + " the initial state is NULL; the initial state when the array is NULL.")
  public static <T, S> S reduce(@UdfParam("array") List<T> array, @UdfParam("initialState") S initialState,
      @UdfParam(value = "function", description = "(s, x) => the next state") BiFunction<S, T, S> function) {
    if (initialState == null) {
      return null;
    }
    if (array == null) {
      return initialState;
    }
    S state = initialState;
    for (T element : array) {
      state = function.apply(state, element);
    }
    return state;
  }

  @Udf(name = "REDUCE", category = CAT, description = "Folds the map into a value: the function gets the state,"
      + " initially the initial state, and each entry's key and value in turn, and returns the next state. NULL"
      + " when the initial state is NULL; the initial state when the map is NULL.")
  public static <K, V, S> S reduce(@UdfParam("map") Map<K, V> map, @UdfParam("initialState") S initialState,
      @UdfParam(value = "function", description = "(s, k, v) => the next state")
      TriFunction<S, K, V, S> function) {
    if (initialState == null) {
      return null;
    }
    if (map == null) {
      return initialState;
    }
    S state = initialState;
    for (Map.Entry<K, V> entry : map.entrySet()) {
      state = function.apply(state, entry.getKey(), entry.getValue());
    }
    return state;
  }

  private static <K, V> void put(Map<K, V> map, K key, V value) {
    if (value == null) {
      throw new IllegalArgumentException("A map value is NULL for the key " + key);
    }
    if (map.containsKey(key)) {
      throw new IllegalArgumentException("Duplicate key " + key);
    }
    map.put(key, value);
  }
}
