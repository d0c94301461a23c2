package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliOptionsTest {

  @Test
  void defaults() throws Exception {
    CliOptions options = CliOptions.parse();
    assertThat(options.server()).isEqualTo("http://localhost:8088");
    assertThat(options.batch()).isFalse();
    assertThat(options.output()).isEqualTo(OutputFormat.TABULAR);
    assertThat(options.queryRowLimit()).isZero();
    assertThat(options.queryTimeoutMs()).isZero();
    assertThat(options.defines()).isEmpty();
    assertThat(options.user()).isNull();
  }

  @Test
  void everyOption() throws Exception {
    CliOptions options = CliOptions.parse("http://h:9000", "-f", "x.sql", "-d", "a=1", "--define", "b=x=y",
        "-u", "ann", "-p", "secret", "--output", "json", "--query-row-limit", "5", "--query-timeout=2000");
    assertThat(options.server()).isEqualTo("http://h:9000");
    assertThat(options.file()).isEqualTo(Path.of("x.sql"));
    assertThat(options.batch()).isTrue();
    assertThat(options.defines()).containsExactly(Map.entry("a", "1"), Map.entry("b", "x=y"));
    assertThat(options.user()).isEqualTo("ann");
    assertThat(options.password()).isEqualTo("secret");
    assertThat(options.output()).isEqualTo(OutputFormat.JSON);
    assertThat(options.queryRowLimit()).isEqualTo(5);
    assertThat(options.queryTimeoutMs()).isEqualTo(2000);
  }

  @Test
  void executeLongForm() throws Exception {
    CliOptions options = CliOptions.parse("--execute", "SHOW STREAMS;");
    assertThat(options.execute()).isEqualTo("SHOW STREAMS;");
    assertThat(options.batch()).isTrue();
    assertThat(CliOptions.parse("-e", "x").execute()).isEqualTo("x");
  }

  @Test
  void outputFormatIgnoresCase() throws Exception {
    assertThat(CliOptions.parse("--output", "tabular").output()).isEqualTo(OutputFormat.TABULAR);
    assertThat(OutputFormat.parse("Json")).isEqualTo(OutputFormat.JSON);
  }

  @Test
  void rejectsWhatItCannotUse() {
    assertThatThrownBy(() -> CliOptions.parse("--nope")).hasMessage("Unknown option: --nope");
    assertThatThrownBy(() -> CliOptions.parse("-e")).hasMessage("Missing value after -e");
    assertThatThrownBy(() -> CliOptions.parse("-e", "x", "-f", "y")).hasMessage("Use either -e or -f, not both");
    assertThatThrownBy(() -> CliOptions.parse("-d", "novalue")).hasMessageContaining("Expected <var>=<value>");
    assertThatThrownBy(() -> CliOptions.parse("--query-row-limit", "ten")).hasMessageContaining("whole number");
    assertThatThrownBy(() -> CliOptions.parse("--output", "xml")).hasMessageContaining("TABULAR or JSON");
    assertThatThrownBy(() -> CliOptions.parse("http://a", "http://b")).hasMessageContaining("Only one server");
    assertThatThrownBy(() -> CliOptions.parse("-p", "pw")).hasMessage("-p/--password needs -u/--user");
  }
}
