package dev.sluice.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.command.PlanJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the physical plans, one golden file per feature area: the plan is what the command topic stores and
 * what a query restarts from, so a change to it must be deliberate. Each {@code plans/<area>.sql} script runs
 * on a fresh engine; the plans of the persistent queries it starts must equal {@code plans/<area>.json}.
 *
 * <p>To accept intended plan changes, regenerate the files and review the diff:
 * {@code mvn -o -pl engine test -Dtest=PlanGoldenFilesTest -Dsluice.plans.update=true}.
 */
class PlanGoldenFilesTest {
  private static final Path DIR = Path.of("src/test/resources/plans");
  private static final boolean UPDATE = Boolean.getBoolean("sluice.plans.update");

  static Stream<Path> scripts() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      List<Path> sql = files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
      assertThat(sql).as("golden plan scripts").hasSizeGreaterThanOrEqualTo(5);
      return sql.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void plansMatchTheGoldenFile(Path script) throws IOException {
    Map<String, JsonNode> plans = new CaseRunner().plans(Files.readString(script, StandardCharsets.UTF_8));
    assertThat(plans).as("persistent queries started by " + script).isNotEmpty();
    ObjectNode actual = PlanJson.MAPPER.createObjectNode();
    plans.forEach(actual::set);
    String text = PlanJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n";
    Path golden = Path.of(script.toString().replaceFirst("\\.sql$", ".json"));
    if (UPDATE) {
      Files.writeString(golden, text, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(golden)).as(golden + " exists (create it with -Dsluice.plans.update=true)").isTrue();
    JsonNode expected = PlanJson.MAPPER.readTree(golden.toFile());
    // Compared as read back from text: numbers parse as the narrowest type, as they do from the golden file.
    assertThat(PlanJson.MAPPER.readTree(text))
        .withFailMessage("The plans of %s differ from %s. If the change is intended, regenerate with "
            + "mvn -o -pl engine test -Dtest=PlanGoldenFilesTest -Dsluice.plans.update=true and review the diff."
            + "%nExpected:%n%s%nActual:%n%s", script, golden, expected.toPrettyString(), text)
        .isEqualTo(expected);
  }
}
