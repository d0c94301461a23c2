package dev.sluice.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Shows the expected and actual records of a topic side by side, one pair per line, marking the lines that
 * differ with {@code !}, so a failing case can be read at a glance.
 */
final class SideBySide {
  private static final int MAX_WIDTH = 70;

  private SideBySide() {}

  static String render(String topic, List<TestCase.Record> expected, List<ActualRecord> actual,
      boolean checkZeroTimestamp) {
    int n = Math.max(expected.size(), actual.size());
    String[] left = new String[n];
    String[] right = new String[n];
    int width = "expected".length();
    for (int i = 0; i < n; i++) {
      left[i] = i < expected.size() ? text(expected.get(i)) : "-";
      right[i] = i < actual.size() ? text(actual.get(i), i < expected.size() && expected.get(i).timestamp() == null)
          : "-";
      width = Math.max(width, Math.min(MAX_WIDTH, left[i].length()));
    }
    StringBuilder sb = new StringBuilder();
    sb.append("topic ").append(topic).append(": expected ").append(expected.size()).append(" records, got ")
        .append(actual.size()).append('\n');
    sb.append(String.format("     %3s  %-" + width + "s | %s%n", "#", "expected", "actual"));
    for (int i = 0; i < n; i++) {
      boolean same = i < expected.size() && i < actual.size()
          && RecordComparator.mismatch(expected.get(i), actual.get(i), checkZeroTimestamp) == null;
      sb.append(String.format("   %s %3d  %-" + width + "s | %s%n", same ? " " : "!", i, clip(left[i]), right[i]));
    }
    return sb.toString();
  }

  private static String clip(String s) {
    return s.length() <= MAX_WIDTH ? s : s.substring(0, MAX_WIDTH - 3) + "...";
  }

  private static String text(TestCase.Record r) {
    return json(r.key()) + " -> " + json(r.value()) + (r.timestamp() == null ? "" : " @" + r.timestamp())
        + (r.window() == null ? "" : " " + RecordComparator.window(r.window()))
        + (r.headers() == null || r.headers().isEmpty() ? "" : " headers=" + RecordComparator.headers(r.headers()));
  }

  private static String text(ActualRecord r, boolean hideTimestamp) {
    return json(r.key()) + " -> " + json(r.value()) + (hideTimestamp ? "" : " @" + r.timestamp())
        + (r.window() == null ? "" : " " + RecordComparator.window(r.window()))
        + (r.headers().isEmpty() ? "" : " headers=" + RecordComparator.headers(r.headers()));
  }

  private static String json(JsonNode n) {
    return n == null ? "null" : n.toString();
  }
}
