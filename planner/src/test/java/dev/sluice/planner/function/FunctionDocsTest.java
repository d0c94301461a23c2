package dev.sluice.planner.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/functions.md} equal to what {@link FunctionDocs} generates from the registry. Run with
 * {@code -Dsluice.docs.update=true} to rewrite the page instead of failing.
 */
class FunctionDocsTest {

  private static final Path PAGE = Path.of("..", "docs", "functions.md");

  @Test
  void functionReferenceIsUpToDate() throws Exception {
    String expected = FunctionDocs.markdown(FunctionRegistry.builtIn());
    if (Boolean.getBoolean("sluice.docs.update")) {
      Files.writeString(PAGE, expected, StandardCharsets.UTF_8);
    }
    String actual = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";
    assertThat(actual)
        .withFailMessage("docs/functions.md is out of date with the FunctionRegistry; regenerate it with: "
            + FunctionDocs.REGENERATE)
        .isEqualTo(expected);
  }

  @Test
  void everyFunctionAndParameterIsDocumented() {
    String page = FunctionDocs.markdown(FunctionRegistry.builtIn());
    for (String name : FunctionRegistry.builtIn().scalars().keySet()) {
      assertThat(page).contains("### " + name + "\n");
    }
    assertThat(page).contains("`TIMESTAMPADD(unit STRING, interval BIGINT, timestamp TIMESTAMP)` → `TIMESTAMP`");
  }
}
