package dev.sluice.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * ksqlDB's QTT corpus as a conformance floor: runs every case of {@code ../shared/qtt/query-validation-tests}
 * when the corpus is there (it is not part of Sluice) and fails when fewer cases pass than
 * {@code qtt-floor.txt} says. Raise the floor with the pass count; never lower it to make a build pass.
 * The run's report is left in {@code target/qtt-report.json}.
 */
class QttConformanceTest {
  private static final Path FLOOR = Path.of("src/test/resources/qtt-floor.txt");
  /** The run's report, for {@code check_report.py} or a closer look. */
  private static final Path REPORT = Path.of("target/qtt-report.json");

  @Test
  void passCountDoesNotDropBelowTheFloor() throws IOException {
    Optional<Path> corpus = corpus();
    Assumptions.assumeTrue(corpus.isPresent(), "ksqlDB's QTT corpus (../shared/qtt) is not present");
    long start = System.nanoTime();
    List<CaseResult> results = SuiteRunner.withDefaults().run(List.of(corpus.get()));
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    Summary s = new Summary(results);
    Reports.writeJson(results, REPORT);
    System.out.println("QTT conformance (" + corpus.get() + ", " + seconds + " s): " + s.line()
        + "; positive " + s.count(CaseResult.Status.PASSED, "positive") + " passed / "
        + s.count(CaseResult.Status.FAILED, "positive") + " failed; negative "
        + s.count(CaseResult.Status.PASSED, "negative") + " passed (" + s.negativeWithKsqlText()
        + " with ksqlDB's message text) / " + s.count(CaseResult.Status.FAILED, "negative") + " failed");
    System.out.println("QTT failed by stage: " + s.failedByStage() + "; skipped by reason: " + s.skippedByReason());
    long floor = floor();
    assertThat(s.passed()).as("QTT cases passing (floor in %s)", FLOOR).isGreaterThanOrEqualTo(floor);
    if (s.passed() > floor) {
      System.out.println("QTT: " + s.passed() + " cases pass, above the floor of " + floor + ": raise it in " + FLOOR);
    }
  }

  /** The corpus, relative to the repository root: {@code ../shared/qtt} beside it. */
  static Optional<Path> corpus() {
    String configured = System.getProperty("sluice.qtt.dir");
    Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    return Stream.of(configured == null ? null : Path.of(configured),
            cwd.resolve("../../shared/qtt/query-validation-tests"), cwd.resolve("../shared/qtt/query-validation-tests"))
        .filter(p -> p != null && Files.isDirectory(p)).map(Path::normalize).findFirst();
  }

  static long floor() throws IOException {
    return Files.readAllLines(FLOOR).stream().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst().map(Long::parseLong)
        .orElseThrow(() -> new IllegalStateException(FLOOR + " holds no number"));
  }
}
