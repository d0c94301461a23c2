package dev.sluice.planner.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.planner.schema.SqlType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonFunctionsTest {

  private static String json(Object value, String type) {
    return JsonFunctions.toJsonString(new SqlType[] {SqlType.parse(type)}, value);
  }

  @Test
  void toJsonStringSortsFieldsAndKeysAndWritesTemporalTypesAsText() {
    Object[] reversed = {1, "z"};
    assertEquals("{\"A\":\"z\",\"B\":1}", json(reversed, "STRUCT<`B` INT, `A` STRING>"));
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("b", 2);
    m.put("a", null);
    assertEquals("{\"a\":null,\"b\":2}", json(m, "MAP<STRING, INT>"));
    assertEquals("\"00:01\"", json(60000, "TIME"));
    assertEquals("60000", json(60000, "INT"));
    assertEquals("\"1970-01-02\"", json(1, "DATE"));
    assertEquals("[1,null]", json(Arrays.asList(1L, null), "ARRAY<BIGINT>"));
    assertEquals("null", JsonFunctions.toJsonString(new SqlType[] {null}, null));
  }

  @Test
  void jsonArrayContainsComparesJsonTypes() {
    assertTrue(JsonFunctions.jsonArrayContains("[1, \"1\"]", 1L));
    assertFalse(JsonFunctions.jsonArrayContains("[1.0]", 1));
    assertTrue(JsonFunctions.jsonArrayContains("[1.0]", 1.0));
    assertTrue(JsonFunctions.jsonArrayContains("[null]", null));
    assertFalse(JsonFunctions.jsonArrayContains("[[1]]", 1));
    assertFalse(JsonFunctions.jsonArrayContains("not json", "x"));
  }

  @Test
  void blankTextIsNoJson() {
    assertNull(JsonFunctions.jsonConcat("1", ""));
    assertEquals("[null,null]", JsonFunctions.jsonConcat("null", "null"));
    assertNull(JsonFunctions.jsonRecords("  "));
  }
}
