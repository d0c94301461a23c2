package dev.sluice.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: its output lines, its exit codes and the report's JSON shape. */
class SluiceTestCommandTest {
  private static final String STREAM = "CREATE STREAM S (K STRING KEY, A INT, D DECIMAL(4,2))"
      + " WITH (kafka_topic='s', value_format='JSON');";

  @TempDir
  Path dir;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private int run(String... args) throws Exception {
    return new SluiceTest(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(args);
  }

  private List<String> lines() {
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void printsFailuresTotalsAndWritesTheReport() throws Exception {
    Files.writeString(dir.resolve("cases.json"), """
        {"tests": [
          {"name": "passes", "statements": ["%1$s", "CREATE STREAM O AS SELECT K, A * 2 AS B, D FROM S;"],
           "inputs": [{"topic": "s", "key": "k", "value": {"A": 1, "D": 1.50}, "timestamp": 7}],
           "outputs": [{"topic": "O", "key": "k", "value": {"B": 2, "D": 1.50}, "timestamp": 7}]},
          {"name": "fails", "statements": ["%1$s", "CREATE STREAM O AS SELECT K, A FROM S;"],
           "inputs": [{"topic": "s", "key": "k", "value": {"A": 1}}],
           "outputs": [{"topic": "O", "key": "k", "value": {"A": 2}}]},
          {"name": "skipped", "statements": ["CREATE STREAM X (A INT) WITH (kafka_topic='x', value_format='AVRO');"],
           "inputs": []}
        ]}""".formatted(STREAM));
    Path report = dir.resolve("out/report.json");
    int code = run(dir.toString(), "--report", report.toString());
    assertThat(code).isEqualTo(1);
    List<String> lines = lines();
    assertThat(lines).anyMatch(l -> l.startsWith("FAIL cases.json: cases - fails: [compare] O[0]: value"));
    assertThat(lines).contains("cases.json: 1 passed, 1 failed, 1 skipped");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("1 passed, 1 failed, 1 skipped");
    assertThat(lines).anyMatch(l -> l.contains("expected") && l.contains("| actual"));

    JsonNode cases = TestFiles.MAPPER.readTree(report.toFile()).get("cases");
    assertThat(cases).hasSize(3);
    JsonNode passed = cases.get(0);
    assertThat(passed.get("kind").asText()).isEqualTo("positive");
    assertThat(passed.get("status").asText()).isEqualTo("passed");
    assertThat(passed.get("stage").isNull()).isTrue();
    assertThat(passed.get("reason").isNull()).isTrue();
    JsonNode record = passed.get("actual").get("O").get(0);
    assertThat(record.get("key").asText()).isEqualTo("k");
    assertThat(record.get("value").get("D").decimalValue().toPlainString()).isEqualTo("1.50");
    assertThat(record.get("timestamp").asLong()).isEqualTo(7);
    assertThat(record.has("window")).isFalse();
    assertThat(cases.get(1).get("stage").asText()).isEqualTo("compare");
    assertThat(cases.get(2).get("status").asText()).isEqualTo("skipped");
    assertThat(cases.get(2).get("reason").asText()).startsWith("schema-registry:");
  }

  @Test
  void ksqlTestRunnerMode() throws Exception {
    Path sql = dir.resolve("statements.sql");
    Files.writeString(sql, STREAM + "\nCREATE STREAM O AS SELECT K, A FROM S WHERE A > 1;\n");
    Path in = dir.resolve("input.json");
    Files.writeString(in, "{\"inputs\": [{\"topic\": \"s\", \"key\": \"a\", \"value\": {\"A\": 1}},"
        + " {\"topic\": \"s\", \"key\": \"b\", \"value\": {\"A\": 2}}]}");
    Path out = dir.resolve("output.json");
    Files.writeString(out, "{\"outputs\": [{\"topic\": \"O\", \"key\": \"b\", \"value\": {\"A\": 2}}]}");
    assertThat(run("-s", sql.toString(), "-i", in.toString(), "-o", out.toString())).isEqualTo(0);
    Files.writeString(out, "{\"outputs\": [{\"topic\": \"O\", \"key\": \"a\", \"value\": {\"A\": 1}}]}");
    bytes.reset();
    assertThat(run("-s", sql.toString(), "-i", in.toString(), "-o", out.toString())).isEqualTo(1);
    assertThat(lines()).anyMatch(l -> l.contains("!") && l.contains("\"a\" -> {\"A\":1}") && l.contains("\"b\""));
  }
}
