package dev.sluice.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares an expected record of a test file with an actual one, by the rules of ksqlDB's harness (README
 * section 7): objects field by field (exact name, then upper case; a name the actual object lacks reads as
 * NULL) with the same number of fields, arrays element by element, integers exactly, doubles within 1e-6,
 * decimals equal with their scale (an integer literal matches only scale 0), a string also matching a
 * decimal of the same text, and the timestamp, window and headers when the expected record gives them.
 */
final class RecordComparator {
  static final double DOUBLE_TOLERANCE = 1e-6;

  private RecordComparator() {}

  /**
   * Why the actual record differs, or null when it matches.
   *
   * @param checkZeroTimestamp false when the case has no inputs: an expected timestamp of 0 is then not checked
   */
  static String mismatch(TestCase.Record expected, ActualRecord actual, boolean checkZeroTimestamp) {
    if (!matches(expected.key(), actual.key())) {
      return "key " + expected.key() + " != " + actual.key();
    }
    if (!matches(expected.value(), actual.value())) {
      return "value " + expected.value() + " != " + actual.value();
    }
    Long ts = expected.timestamp();
    if (ts != null && (checkZeroTimestamp || ts != 0L) && ts != actual.timestamp()) {
      return "timestamp " + ts + " != " + actual.timestamp();
    }
    TestCase.Window ew = expected.window();
    TestCase.Window aw = actual.window();
    if (ew == null ? aw != null : !ew.equals(aw)) {
      return "window " + window(ew) + " != " + window(aw);
    }
    List<TestCase.Header> eh = expected.headers() == null ? List.of() : expected.headers();
    if (!sameHeaders(eh, actual.headers())) {
      return "headers " + headers(eh) + " != " + headers(actual.headers());
    }
    return null;
  }

  static String window(TestCase.Window w) {
    return w == null ? "none" : "{start=" + w.start() + ", end=" + w.end() + ", type=" + w.type() + "}";
  }

  static String headers(List<TestCase.Header> headers) {
    StringBuilder sb = new StringBuilder("[");
    for (TestCase.Header h : headers) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(h.key()).append('=').append(h.value() == null ? "null"
          : java.util.Base64.getEncoder().encodeToString(h.value()));
    }
    return sb.append(']').toString();
  }

  private static boolean sameHeaders(List<TestCase.Header> expected, List<TestCase.Header> actual) {
    if (expected.size() != actual.size()) {
      return false;
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!expected.get(i).key().equals(actual.get(i).key())
          || !Arrays.equals(expected.get(i).value(), actual.get(i).value())) {
        return false;
      }
    }
    return true;
  }

  /** Whether an actual JSON value (typed by {@link RecordShapes}) matches the expected one. */
  static boolean matches(JsonNode expected, JsonNode actual) {
    if (expected == null || expected.isNull()) {
      return actual == null || actual.isNull();
    }
    if (actual == null || actual.isNull()) {
      return false;
    }
    if (expected.isObject()) {
      if (!actual.isObject() || expected.size() != actual.size()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        JsonNode a = actual.has(f.getKey()) ? actual.get(f.getKey())
            : actual.get(f.getKey().toUpperCase(Locale.ROOT));
        // A field the actual record lacks counts as NULL, as in ksqlDB's harness (encode.json expects a
        // NULL column under another name); the equal field counts still catch a missing non-NULL one.
        if (!matches(f.getValue(), a)) {
          return false;
        }
      }
      return true;
    }
    if (expected.isArray()) {
      if (!actual.isArray() || expected.size() != actual.size()) {
        return false;
      }
      for (int i = 0; i < expected.size(); i++) {
        if (!matches(expected.get(i), actual.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (expected.isBoolean()) {
      return actual.isBoolean() && expected.booleanValue() == actual.booleanValue();
    }
    if (expected.isNumber()) {
      return numberMatches(expected, actual);
    }
    if (expected.isTextual()) {
      String text = expected.asText();
      if (actual.isTextual()) {
        return text.equals(actual.asText());
      }
      if (actual.isBigDecimal()) {
        try {
          return new BigDecimal(text).equals(actual.decimalValue());
        } catch (NumberFormatException e) {
          return false;
        }
      }
      if (actual.isIntegralNumber()) {
        try {
          return new BigInteger(text.trim()).equals(actual.bigIntegerValue());
        } catch (NumberFormatException e) {
          return false;
        }
      }
      return false;
    }
    return expected.equals(actual);
  }

  private static boolean numberMatches(JsonNode expected, JsonNode actual) {
    if (!actual.isNumber()) {
      return false;
    }
    if (actual.isDouble() || actual.isFloat()) {
      return Math.abs(expected.doubleValue() - actual.doubleValue()) <= DOUBLE_TOLERANCE;
    }
    if (expected.isIntegralNumber()) {
      if (actual.isIntegralNumber()) {
        return expected.bigIntegerValue().equals(actual.bigIntegerValue());
      }
      return actual.decimalValue().scale() == 0
          && actual.decimalValue().toBigInteger().equals(expected.bigIntegerValue());
    }
    // the expected value is a decimal literal
    if (actual.isBigDecimal()) {
      return expected.decimalValue().equals(actual.decimalValue());
    }
    return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
  }
}
