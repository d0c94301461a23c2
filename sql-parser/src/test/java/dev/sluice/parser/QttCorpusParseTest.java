package dev.sluice.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.parser.ast.Position;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonDifferenceCalculator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parses every statement of ksqlDB's query validation tests whose case expects no error, as a measure of
 * dialect coverage, and checks that each one survives a trip through {@link SqlFormatter}. The corpus is
 * under another licence: it is only read from the shared folder beside the repository, never copied; without
 * it the test is skipped. The floors are measured counts and may only be raised.
 */
class QttCorpusParseTest {
  private static final RecursiveComparisonConfiguration IGNORING_POSITIONS = RecursiveComparisonConfiguration.builder()
      .withStrictTypeChecking(true).withIgnoredFieldsOfTypes(Position.class).build();

  @ParameterizedTest
  @CsvSource({"query-validation-tests, 2451", "rest-query-validation-tests, 746"})
  void parsesTheStatementsOfPositiveCases(String folder, int parsedFloor) throws IOException {
    Path corpus = Paths.get(System.getProperty("user.dir")).resolve("../../shared/qtt").resolve(folder).normalize();
    assumeTrue(Files.isDirectory(corpus), "QTT corpus not present at " + corpus);

    int parsed = 0;
    List<String> failures = new ArrayList<>();
    List<String> roundTripFailures = new ArrayList<>();
    for (Path file : jsonFiles(corpus)) {
      Map<?, ?> root = (Map<?, ?>) MiniJson.parse(Files.readString(file, StandardCharsets.UTF_8));
      for (Object test : (List<?>) root.get("tests")) {
        Map<?, ?> testCase = (Map<?, ?>) test;
        if (testCase.containsKey("expectedException") || testCase.containsKey("expectedError")) {
          continue;
        }
        List<?> formats = testCase.get("format") instanceof List<?> f ? f : List.of("JSON");
        for (Object statement : (List<?>) testCase.get("statements")) {
          String sql = ((String) statement).replace("{FORMAT}", String.valueOf(formats.get(0)));
          String where = file.getFileName() + " / " + testCase.get("name") + ": ";
          List<ParsedStatement> statements;
          try {
            statements = SqlParser.parse(sql);
            parsed++;
          } catch (RuntimeException e) {
            failures.add(where + e.getMessage() + "\n    " + sql);
            continue;
          }
          for (ParsedStatement parsedStatement : statements) {
            String formatted = SqlFormatter.format(parsedStatement.statement());
            try {
              Object again = SqlParser.parse(formatted).get(0).statement();
              if (!new RecursiveComparisonDifferenceCalculator()
                  .determineDifferences(again, parsedStatement.statement(), IGNORING_POSITIONS).isEmpty()) {
                roundTripFailures.add(where + "differs after formatting as\n    " + formatted);
              }
            } catch (RuntimeException e) {
              roundTripFailures.add(where + e.getMessage() + "\n    " + formatted);
            }
          }
        }
      }
    }
    System.out.println(folder + ": statements parsed: " + parsed + ", failed: " + failures.size()
        + ", formatter round trips failed: " + roundTripFailures.size());
    failures.stream().limit(30).forEach(f -> System.out.println("  " + f));
    roundTripFailures.stream().limit(30).forEach(f -> System.out.println("  " + f));
    assertThat(parsed).isGreaterThanOrEqualTo(parsedFloor);
    assertThat(roundTripFailures).isEmpty();
  }

  private static List<Path> jsonFiles(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }
}
