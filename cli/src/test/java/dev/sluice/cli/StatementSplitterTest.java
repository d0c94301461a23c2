package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cli.StatementSplitter.Kind;
import dev.sluice.cli.StatementSplitter.Segment;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {
  private static final Predicate<String> HELP_IS_A_COMMAND = line -> line.equalsIgnoreCase("help");

  @Test
  void splitsAtSemicolons() {
    assertThat(StatementSplitter.statements("SHOW STREAMS; SHOW TABLES;\nLIST TOPICS;"))
        .containsExactly("SHOW STREAMS", "SHOW TABLES", "LIST TOPICS");
  }

  @Test
  void ignoresSemicolonsInStringsIdentifiersAndComments() {
    String text = "INSERT INTO s VALUES ('a;b', 'it''s; fine');\n"
        + "SELECT \"we;ird\", `back;tick` FROM t -- comment; here\n"
        + "  /* block; comment */ EMIT CHANGES;";
    assertThat(StatementSplitter.statements(text)).containsExactly(
        "INSERT INTO s VALUES ('a;b', 'it''s; fine')",
        "SELECT \"we;ird\", `back;tick` FROM t -- comment; here\n  /* block; comment */ EMIT CHANGES");
  }

  @Test
  void dropsLeadingCommentsAndEmptyStatements() {
    assertThat(StatementSplitter.statements("-- setup\n/* x */ ;; SHOW STREAMS ;  -- trailing"))
        .containsExactly("SHOW STREAMS");
  }

  @Test
  void reportsAnUnterminatedStatement() {
    List<Segment> segments = StatementSplitter.segments("SHOW STREAMS; SELECT * FROM s", line -> false);
    assertThat(segments).containsExactly(
        new Segment(Kind.STATEMENT, "SHOW STREAMS", true),
        new Segment(Kind.STATEMENT, "SELECT * FROM s", false));
  }

  @Test
  void completenessForThePrompt() {
    assertThat(StatementSplitter.isComplete("", HELP_IS_A_COMMAND)).isTrue();
    assertThat(StatementSplitter.isComplete("  -- just a comment", HELP_IS_A_COMMAND)).isTrue();
    assertThat(StatementSplitter.isComplete("SELECT *\nFROM s", HELP_IS_A_COMMAND)).isFalse();
    assertThat(StatementSplitter.isComplete("SELECT *\nFROM s;", HELP_IS_A_COMMAND)).isTrue();
    assertThat(StatementSplitter.isComplete("SELECT 'a;", HELP_IS_A_COMMAND)).isFalse();
    assertThat(StatementSplitter.isComplete("SELECT 1 /* ; */", HELP_IS_A_COMMAND)).isFalse();
    assertThat(StatementSplitter.isComplete("/* unclosed ;", HELP_IS_A_COMMAND)).isFalse();
    assertThat(StatementSplitter.isComplete("help", HELP_IS_A_COMMAND)).isTrue();
    assertThat(StatementSplitter.isComplete("HELP;", HELP_IS_A_COMMAND)).isTrue();
  }

  @Test
  void lineCommandsOnlyWhereAStatementStarts() {
    List<Segment> segments = StatementSplitter.segments(
        "help\nSELECT a,\nhelp FROM s;\n  help  \n", HELP_IS_A_COMMAND);
    assertThat(segments).containsExactly(
        new Segment(Kind.LINE_COMMAND, "help", true),
        new Segment(Kind.STATEMENT, "SELECT a,\nhelp FROM s", true),
        new Segment(Kind.LINE_COMMAND, "help", true));
  }
}
