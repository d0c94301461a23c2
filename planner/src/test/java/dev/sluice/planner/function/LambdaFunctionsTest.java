package dev.sluice.planner.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LambdaFunctionsTest {

  @Test
  @Covers("TRANSFORM")
  void transformKeepsNullElementsAndOrder() {
    assertEquals(Arrays.asList("a!", null, "c!"),
        LambdaFunctions.transform(Arrays.asList("a", null, "c"), (String s) -> s == null ? null : s + "!"));
    assertNull(LambdaFunctions.transform((List<String>) null, (String s) -> s));
  }

  @Test
  @Covers("TRANSFORM")
  void transformedMapsRejectRepeatedKeysAndNullValues() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("a", 1);
    m.put("bb", 2);
    assertEquals(Map.of(1, 2, 2, 4), LambdaFunctions.transform(m, (k, v) -> k.length(), (k, v) -> v * 2));
    assertThrows(IllegalArgumentException.class, () -> LambdaFunctions.transform(m, (k, v) -> 0, (k, v) -> v));
    assertThrows(IllegalArgumentException.class, () -> LambdaFunctions.transform(m, (k, v) -> k, (k, v) -> null));
  }

  @Test
  @Covers("FILTER")
  void filterDropsWhatThePredicateIsNullForButKeepsNoNullValues() {
    assertEquals(List.of(3), LambdaFunctions.filter(Arrays.asList(1, null, 3), (Integer x) -> x == null ? null : x > 2));
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("a", 1);
    m.put("b", null);
    assertEquals(Map.of("a", 1), LambdaFunctions.filter(m, (k, v) -> k.equals("a")));
    assertEquals(Map.of("a", 1), LambdaFunctions.filter(m, (k, v) -> v == null ? null : true));
    // A kept NULL value fails too, as ksqlDB's map collector does.
    assertThrows(IllegalArgumentException.class, () -> LambdaFunctions.filter(m, (k, v) -> true));
  }

  @Test
  @Covers("REDUCE")
  void reduceStartsFromTheInitialStateAndIsNullOnlyForANullState() {
    assertEquals(16, LambdaFunctions.reduce(List.of(1, 2, 3), 10, (s, x) -> s + x));
    assertEquals(10, LambdaFunctions.reduce((List<Integer>) null, 10, (s, x) -> s + x));
    assertNull(LambdaFunctions.reduce(List.of(1), (Integer) null, (s, x) -> 0));
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("x", 1);
    m.put("yy", 2);
    assertEquals("x1yy2", LambdaFunctions.reduce(m, "", (s, k, v) -> s + k + v));
  }

  @Test
  void threeParameterLambdasArriveWithTheirLastTwoArgumentsPacked() {
    TriFunction<String, String, Integer, String> f = Lambdas.triFunction(
        (org.apache.calcite.linq4j.function.Function2<String, Object[], String>) (s, rest) ->
            s + Lambdas.arg(rest, 0) + Lambdas.arg(rest, 1));
    assertEquals("abc1", f.apply("ab", "c", 1));
  }

  @Test
  @Covers({"TRANSFORM", "FILTER", "REDUCE"})
  void emptyAndNullCollections() {
    assertEquals(List.of(), LambdaFunctions.transform(List.<Integer>of(), (Integer x) -> x + 1));
    assertEquals(Map.of(), LambdaFunctions.transform(Map.<String, Integer>of(), (k, v) -> k, (k, v) -> v));
    assertNull(LambdaFunctions.transform((Map<String, Integer>) null, (k, v) -> k, (k, v) -> v));
    assertEquals(List.of(), LambdaFunctions.filter(List.<Integer>of(), (Integer x) -> true));
    assertNull(LambdaFunctions.filter((List<Integer>) null, (Integer x) -> true));
    assertNull(LambdaFunctions.filter((Map<String, Integer>) null, (k, v) -> true));
    assertEquals(Map.of(), LambdaFunctions.filter(Map.of("a", 1), (k, v) -> false));
    assertEquals(7, LambdaFunctions.reduce(List.<Integer>of(), 7, (s, x) -> s + x));
    assertEquals(7, LambdaFunctions.reduce(Map.<String, Integer>of(), 7, (s, k, v) -> s + v));
    assertEquals(7, LambdaFunctions.reduce((Map<String, Integer>) null, 7, (s, k, v) -> s + v));
    assertNull(LambdaFunctions.reduce(Map.of("a", 1), (Integer) null, (s, k, v) -> 0));
    // a NULL element reaches the function, which decides
    assertEquals(3, LambdaFunctions.reduce(Arrays.asList(1, null, 2), 0, (s, x) -> x == null ? s : s + x));
  }
}
