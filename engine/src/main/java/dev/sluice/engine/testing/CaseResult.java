package dev.sluice.engine.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of one case.
 *
 * @param stage where a failing case failed, null otherwise
 * @param reason one line: why it failed or was skipped; null when it passed
 * @param actual every record on each output topic of the case (those its queries wrote and those its
 *     {@code outputs} name), in order
 * @param ksqlMessage for a passing negative case, whether Sluice's error also contains ksqlDB's message text
 * @param details more lines for people (expected and actual records side by side), or empty
 * @param note for a passing case, an engine-specific check that differs (ksqlDB's {@code post.topics}
 *     blacklist: Sluice created a topic ksqlDB does not), or null
 */
public record CaseResult(String file, String name, String kind, Status status, Stage stage, String reason,
    Map<String, List<ActualRecord>> actual, boolean ksqlMessage, String details, String note) {

  public CaseResult {
    actual = actual == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(actual));
    details = details == null ? "" : details;
  }

  /** What happened to a case. */
  public enum Status {
    PASSED, FAILED, SKIPPED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Where a case failed: {@code parse} (the SQL did not parse), {@code plan} (a statement was rejected),
   * {@code execute} (the queries failed on the inputs), {@code compare} (records, the error or a
   * post-condition differ from the expected ones).
   */
  public enum Stage {
    PARSE, PLAN, EXECUTE, COMPARE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static CaseResult skipped(TestCase tc, String reason) {
    return new CaseResult(tc.file(), tc.name(), tc.kind(), Status.SKIPPED, null, reason, Map.of(), false, "", null);
  }

  public boolean passed() {
    return status == Status.PASSED;
  }

  public boolean failed() {
    return status == Status.FAILED;
  }

  /** The category of a skip reason: the text before the first colon. */
  public String reasonCategory() {
    if (reason == null) {
      return "";
    }
    int colon = reason.indexOf(':');
    return colon < 0 ? reason : reason.substring(0, colon);
  }
}
