package dev.sluice.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestFilesTest {
  @TempDir
  Path dir;

  private List<TestCase> read(String json) throws IOException {
    Path f = dir.resolve("things.json");
    Files.writeString(f, json);
    return TestFiles.read(f);
  }

  @Test
  void expandsFormatTimesConfigAndNamesCasesAsKsqlDbDoes() throws IOException {
    List<TestCase> cases = read("""
        // a comment
        {"tests": [{
          "name": "t", /* another */
          "format": ["JSON", "DELIMITED"], "config": ["a", "b"],
          "properties": {"some.prop": "{CONFIG}", "other": 1},
          "statements": ["CREATE STREAM S (X INT) WITH (kafka_topic='s', value_format='{FORMAT}');"],
          "inputs": [{"topic": "s", "value": {"X": 1.50}, "N4": "ignored"}]
        }]}""");
    assertThat(cases).extracting(TestCase::name).containsExactly(
        "things - t - JSON - some.prop=a", "things - t - JSON - some.prop=b",
        "things - t - DELIMITED - some.prop=a", "things - t - DELIMITED - some.prop=b");
    assertThat(cases.get(2).statements().get(0)).contains("value_format='DELIMITED'");
    assertThat(cases.get(1).properties()).containsEntry("some.prop", "b").containsEntry("other", "1");
    assertThat(cases.get(0).inputs().get(0).value().get("X").decimalValue()).isEqualTo(new BigDecimal("1.50"));
    assertThat(cases.get(0).inputs().get(0).timestamp()).isNull();
  }

  @Test
  void malformedTestsBecomeFailingCasesNotSilentSkips() throws IOException {
    List<TestCase> cases = read("{\"tests\": [{\"name\": \"no statements\", \"inputs\": []}]}");
    assertThat(cases).singleElement().satisfies(c -> assertThat(c.invalid()).contains("statements"));
    assertThat(new CaseRunner().run(cases.get(0)).failed()).isTrue();
  }

  @Test
  void unreadableFileIsOneFailingCase() throws IOException {
    List<TestCase> cases = read("{not json");
    assertThat(cases).singleElement().satisfies(c -> assertThat(c.invalid()).startsWith("cannot read"));
  }
}
