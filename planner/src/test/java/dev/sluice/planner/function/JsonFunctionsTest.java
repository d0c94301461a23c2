package dev.sluice.planner.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.planner.schema.SqlType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonFunctionsTest {

  private static String json(Object value, String type) {
    return JsonFunctions.toJsonString(new SqlType[] {SqlType.parse(type)}, value);
  }

  @Test
  @Covers("TO_JSON_STRING")
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
  @Covers("JSON_ARRAY_CONTAINS")
  void jsonArrayContainsComparesJsonTypes() {
    assertTrue(JsonFunctions.jsonArrayContains("[1, \"1\"]", 1L));
    assertFalse(JsonFunctions.jsonArrayContains("[1.0]", 1));
    assertTrue(JsonFunctions.jsonArrayContains("[1.0]", 1.0));
    assertTrue(JsonFunctions.jsonArrayContains("[null]", null));
    assertFalse(JsonFunctions.jsonArrayContains("[[1]]", 1));
    assertFalse(JsonFunctions.jsonArrayContains("not json", "x"));
  }

  @Test
  @Covers({"JSON_CONCAT", "JSON_RECORDS"})
  void blankTextIsNoJson() {
    assertNull(JsonFunctions.jsonConcat("1", ""));
    assertEquals("[null,null]", JsonFunctions.jsonConcat("null", "null"));
    assertNull(JsonFunctions.jsonRecords("  "));
  }

  @Test
  @Covers({"IS_JSON_STRING", "JSON_ARRAY_LENGTH", "JSON_KEYS", "JSON_ITEMS", "JSON_RECORDS", "JSON_CONCAT",
      "EXTRACTJSONFIELD", "JSON_ARRAY_CONTAINS"})
  void textThatIsNotJsonOrNullGivesNullOrFalse() {
    for (String bad : new String[] {null, "", " ", "{", "[1,", "{'a': 1}", "nul"}) {
      assertFalse(JsonFunctions.isJsonString(bad), String.valueOf(bad));
      assertNull(JsonFunctions.jsonArrayLength(bad));
      assertNull(JsonFunctions.jsonKeys(bad));
      assertNull(JsonFunctions.jsonItems(bad));
      assertNull(JsonFunctions.jsonRecords(bad));
      assertNull(JsonFunctions.extractJsonField(bad, "$"));
      assertFalse(JsonFunctions.jsonArrayContains(bad, 1));
    }
    assertNull(JsonFunctions.jsonConcat("{}", null));
    assertNull(JsonFunctions.jsonConcat());
    assertTrue(JsonFunctions.isJsonString("null"));
    assertTrue(JsonFunctions.isJsonString(" 1 "));
  }

  @Test
  @Covers({"JSON_ARRAY_LENGTH", "JSON_KEYS", "JSON_ITEMS", "JSON_RECORDS", "JSON_CONCAT"})
  void emptyAndWrongKindsOfJson() {
    assertEquals(0, JsonFunctions.jsonArrayLength("[]"));
    assertNull(JsonFunctions.jsonArrayLength("{\"a\": [1]}"));
    assertEquals(List.of(), JsonFunctions.jsonKeys("{}"));
    assertNull(JsonFunctions.jsonKeys("[1]"));
    assertEquals(List.of(), JsonFunctions.jsonItems("[]"));
    assertEquals(List.of("null", "{\"a\":1}", "\"s\""), JsonFunctions.jsonItems("[null, {\"a\": 1}, \"s\"]"));
    assertEquals(Map.of(), JsonFunctions.jsonRecords("{}"));
    assertEquals(Map.of("a", "null", "b", "[1]"), JsonFunctions.jsonRecords("{\"a\": null, \"b\": [1]}"));
    assertNull(JsonFunctions.jsonRecords("[]"));
    assertEquals("{\"a\":2,\"b\":1}", JsonFunctions.jsonConcat("{\"a\":1,\"b\":1}", "{\"a\":2}"));
    assertEquals("[1,2,{\"a\":1}]", JsonFunctions.jsonConcat("[1]", "2", "{\"a\":1}"));
    assertEquals("[]", JsonFunctions.jsonConcat("[]", "[]"));
  }

  @Test
  @Covers("EXTRACTJSONFIELD")
  void extractJsonFieldPathsAndBadPaths() {
    String doc = "{\"a\": {\"b.c\": [10, \"x\", null, {\"d\": true}]}, \"s\": \"text\"}";
    assertEquals("text", JsonFunctions.extractJsonField(doc, "$.s"));
    assertEquals("10", JsonFunctions.extractJsonField(doc, "$.a['b.c'][0]"));
    assertEquals("x", JsonFunctions.extractJsonField(doc, "$.a[\"b.c\"][1]"));
    assertNull(JsonFunctions.extractJsonField(doc, "$.a['b.c'][2]")); // JSON null
    assertEquals("true", JsonFunctions.extractJsonField(doc, "$.a['b.c'][3].d"));
    assertEquals("{\"d\":true}", JsonFunctions.extractJsonField(doc, "$.a['b.c'][3]"));
    assertNull(JsonFunctions.extractJsonField(doc, "$.a['b.c'][9]"));
    assertNull(JsonFunctions.extractJsonField(doc, "$.a['b.c'][-1]"));
    assertNull(JsonFunctions.extractJsonField(doc, "$.missing.deeper"));
    assertNull(JsonFunctions.extractJsonField(doc, "a.s"));
    assertNull(JsonFunctions.extractJsonField(doc, "$.a[0"));
    assertNull(JsonFunctions.extractJsonField(doc, "$.a[x]"));
    assertNull(JsonFunctions.extractJsonField(doc, "$[']"));
    assertNull(JsonFunctions.extractJsonField(doc, "$['b]"));
    assertNull(JsonFunctions.extractJsonField(doc, null));
  }

  @Test
  @Covers("TO_JSON_STRING")
  void toJsonStringOfEdgeValues() {
    assertEquals("\"\\u0000\\\"😀\"", json("\u0000\"😀", "STRING"));
    assertEquals("[]", json(List.of(), "ARRAY<INT>"));
    assertEquals("{}", json(Map.of(), "MAP<STRING, INT>"));
    assertEquals("\"NaN\"", json(Double.NaN, "DOUBLE")); // JSON has no NaN number: quoted, as Jackson writes it
    assertEquals("null", json(null, "INT"));
    assertEquals("-9223372036854775808", json(Long.MIN_VALUE, "BIGINT"));
  }
}
