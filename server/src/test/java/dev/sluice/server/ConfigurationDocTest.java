package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/configuration.md} equal to what {@link ConfigDocs} generates from the declarations.
 * Run with {@code -Dsluice.docs.update=true} to rewrite the page instead of failing.
 */
class ConfigurationDocTest {

  private static final Path PAGE = Path.of("..", "docs", "configuration.md");

  @Test
  void configurationReferenceIsUpToDate() throws Exception {
    String expected = ConfigDocs.markdown();
    if (Boolean.getBoolean("sluice.docs.update")) {
      Files.writeString(PAGE, expected, StandardCharsets.UTF_8);
    }
    String actual = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";
    assertThat(actual)
        .withFailMessage("docs/configuration.md is out of date with ServerConfig's declarations; regenerate it "
            + "with: " + ConfigDocs.REGENERATE)
        .isEqualTo(expected);
  }
}
