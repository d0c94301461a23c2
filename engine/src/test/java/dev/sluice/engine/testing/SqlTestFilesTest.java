package dev.sluice.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Sluice's own SQL test files ({@code src/test/resources/sql-tests}): every case must pass. */
class SqlTestFilesTest {
  private static final Path SQL_TESTS = Path.of("src/test/resources/sql-tests");

  @Test
  void everySqlTestPasses() {
    List<CaseResult> results = SuiteRunner.withDefaults().run(List.of(SQL_TESTS));
    Summary summary = new Summary(results);
    System.out.println("sql-tests: " + summary.byFile().size() + " files, " + summary.line());
    String failures = results.stream().filter(r -> !r.passed())
        .map(r -> r.file() + ": " + r.name() + ": " + r.status().label() + " ["
            + (r.stage() == null ? "-" : r.stage().label()) + "] " + r.reason() + "\n" + r.details())
        .collect(Collectors.joining("\n"));
    assertThat(failures).as("failing or skipped SQL test cases").isEmpty();
    assertThat(summary.byFile()).hasSizeGreaterThanOrEqualTo(50);
  }
}
