package dev.sluice.engine.testing;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Counts over a run's results: totals, per file, positive vs negative, failures by stage, skips by reason. */
public record Summary(List<CaseResult> results) {

  public Summary {
    results = List.copyOf(results);
  }

  public long passed() {
    return count(CaseResult.Status.PASSED, null);
  }

  public long failed() {
    return count(CaseResult.Status.FAILED, null);
  }

  public long skipped() {
    return count(CaseResult.Status.SKIPPED, null);
  }

  /** Cases of a status, of one kind ({@code positive}/{@code negative}) or of both when kind is null. */
  public long count(CaseResult.Status status, String kind) {
    return results.stream().filter(r -> r.status() == status && (kind == null || r.kind().equals(kind))).count();
  }

  /** Passing negative cases whose error also contains ksqlDB's message text. */
  public long negativeWithKsqlText() {
    return results.stream().filter(r -> r.passed() && r.kind().equals("negative") && r.ksqlMessage()).count();
  }

  /** Passing cases with a note: an engine-specific check (ksqlDB's topic blacklist) that differs. */
  public long passedWithNote() {
    return results.stream().filter(r -> r.passed() && r.note() != null).count();
  }

  /** The last line of the command line's output. */
  public String line() {
    return passed() + " passed, " + failed() + " failed, " + skipped() + " skipped";
  }

  /** Results grouped by file, files in the order they ran. */
  public Map<String, List<CaseResult>> byFile() {
    return results.stream().collect(Collectors.groupingBy(CaseResult::file, LinkedHashMap::new,
        Collectors.toList()));
  }

  public Map<String, Long> skippedByReason() {
    return sortedCounts(results.stream().filter(r -> r.status() == CaseResult.Status.SKIPPED)
        .collect(Collectors.groupingBy(CaseResult::reasonCategory, Collectors.counting())));
  }

  public Map<String, Long> failedByStage() {
    return sortedCounts(results.stream().filter(CaseResult::failed)
        .collect(Collectors.groupingBy(r -> r.stage() == null ? "none" : r.stage().label(), Collectors.counting())));
  }

  /** Failure reasons with names, numbers and quoted text blanked out, so that alike failures group. */
  public Map<String, Long> failedByReason(Function<CaseResult, String> key) {
    return sortedCounts(results.stream().filter(CaseResult::failed)
        .collect(Collectors.groupingBy(key, Collectors.counting())));
  }

  /** A failure reason reduced to its pattern: quoted text, numbers and record contents blanked out. */
  public static String reasonPattern(CaseResult r) {
    String stage = (r.stage() == null ? "none" : r.stage().label()) + ": ";
    String reason = r.reason() == null ? "" : r.reason();
    if (reason.contains("but Sluice does not support the statement yet")) {
      return stage + "negative case: the statement is not supported yet";
    } else if (reason.startsWith("error differs")) {
      return stage + "negative case: another error";
    } else if (reason.startsWith("expected an error (")) {
      return stage + "negative case: no error";
    } else if (reason.startsWith("expected a syntax error")) {
      return stage + "negative case: expected a syntax error";
    } else if (reason.startsWith("expected the query to fail") || reason.startsWith("expected the statement")) {
      return stage + "negative case: " + reason.substring(0, reason.indexOf(" (")).replace("expected ", "expected ");
    } else if (reason.contains("but only the last may")) {
      return stage + "negative case: an earlier statement failed";
    }
    reason = reason.replaceAll("^statement \\d+: ", "");
    reason = reason.replaceAll("^line \\d+:\\d+: ", "");
    reason = reason.replaceAll("^[^\\s:]+\\[\\d+\\]: (key|value|timestamp|window|headers) .*", "$1 differs");
    reason = reason.replaceAll("^[^\\s:]+: expected \\d+ records, got \\d+", "wrong number of records");
    reason = reason.replaceAll("^(post\\.\\w+): [^:]+: (\\w+( \\w+)?).*", "$1: $2 differs");
    reason = reason.replaceAll("'[^']*'|`[^`]*`|\"[^\"]*\"", "'…'");
    reason = reason.replaceAll("\\b\\d+\\b", "N");
    reason = reason.replaceAll("(, got|\\. ).*$", "");
    if (reason.length() > 110) {
      reason = reason.substring(0, 107) + "...";
    }
    return stage + reason;
  }

  private static Map<String, Long> sortedCounts(Map<String, Long> counts) {
    Map<String, Long> out = new LinkedHashMap<>();
    new TreeMap<>(counts).entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
