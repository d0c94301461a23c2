package dev.sluice.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordComparatorTest {
  private static JsonNode json(String s) throws Exception {
    return TestFiles.MAPPER.readTree(s);
  }

  @Test
  void decimalsCompareWithTheirScale() throws Exception {
    assertThat(RecordComparator.matches(json("1.50"), DecimalNode.valueOf(new BigDecimal("1.50")))).isTrue();
    assertThat(RecordComparator.matches(json("1.5"), DecimalNode.valueOf(new BigDecimal("1.50")))).isFalse();
    assertThat(RecordComparator.matches(json("2"), DecimalNode.valueOf(new BigDecimal("2.0")))).isFalse();
    assertThat(RecordComparator.matches(json("2"), DecimalNode.valueOf(new BigDecimal("2")))).isTrue();
    assertThat(RecordComparator.matches(json("\"005.4\""), DecimalNode.valueOf(new BigDecimal("5.4")))).isTrue();
    assertThat(RecordComparator.matches(json("\"5.40\""), DecimalNode.valueOf(new BigDecimal("5.4")))).isFalse();
  }

  @Test
  void doublesCompareWithinOneMillionth() throws Exception {
    assertThat(RecordComparator.matches(json("0.3"), DoubleNode.valueOf(0.1 + 0.2))).isTrue();
    assertThat(RecordComparator.matches(json("0.3"), DoubleNode.valueOf(0.30001))).isFalse();
    assertThat(RecordComparator.matches(json("1"), DoubleNode.valueOf(1.0))).isTrue();
  }

  @Test
  void objectsNeedTheSameFieldsFoundByNameThenUpperCase() throws Exception {
    assertThat(RecordComparator.matches(json("{\"id\": 1}"), json("{\"ID\": 1}"))).isTrue();
    assertThat(RecordComparator.matches(json("{\"id\": 1}"), json("{\"ID\": 1, \"X\": null}"))).isFalse();
    assertThat(RecordComparator.matches(json("[1, 2]"), json("[1, 2]"))).isTrue();
    assertThat(RecordComparator.matches(json("[1, 2]"), json("[2, 1]"))).isFalse();
    assertThat(RecordComparator.matches(json("null"), json("null"))).isTrue();
    assertThat(RecordComparator.matches(json("null"), LongNode.valueOf(0))).isFalse();
    assertThat(RecordComparator.matches(json("\"1\""), TextNode.valueOf("1"))).isTrue();
  }

  @Test
  void anExpectedNullFieldMatchesAMissingOneAsInKsqlDbsHarness() throws Exception {
    // the field counts agree, so only a NULL can stand for a field of another name
    assertThat(RecordComparator.matches(json("{\"HEX\": null, \"B\": 1}"), json("{\"ASCII\": null, \"B\": 1}")))
        .isTrue();
    // ksqlDB's harness only looks the expected names up: the unexpected field's value is never compared
    assertThat(RecordComparator.matches(json("{\"HEX\": null, \"B\": 1}"), json("{\"ASCII\": 2, \"B\": 1}")))
        .isTrue();
    assertThat(RecordComparator.matches(json("{\"HEX\": 2, \"B\": 1}"), json("{\"ASCII\": 2, \"B\": 1}")))
        .isFalse();
    assertThat(RecordComparator.matches(json("{\"HEX\": null}"), json("{\"ASCII\": null, \"B\": 1}"))).isFalse();
  }

  @Test
  void timestampIsCheckedWhenGivenAndHeadersAlways() throws Exception {
    TestCase.Record expected = new TestCase.Record("t", json("1"), json("\"a\""), 5L, null, null);
    ActualRecord actual = new ActualRecord(json("1"), json("\"a\""), 5L, null, List.of());
    assertThat(RecordComparator.mismatch(expected, actual, true)).isNull();
    assertThat(RecordComparator.mismatch(expected, new ActualRecord(json("1"), json("\"a\""), 6L, null, null), true))
        .startsWith("timestamp");
    ActualRecord withHeader = new ActualRecord(json("1"), json("\"a\""), 5L, null,
        List.of(new TestCase.Header("h", new byte[] {1})));
    assertThat(RecordComparator.mismatch(expected, withHeader, true)).startsWith("headers");
    TestCase.Record zero = new TestCase.Record("t", json("1"), json("\"a\""), 0L, null, null);
    assertThat(RecordComparator.mismatch(zero, actual, false)).isNull();
  }
}
