package dev.sluice.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;

class ExpectedErrorsTest {
  private static final String STATEMENT = "io.confluent.ksql.util.KsqlStatementException";

  private static ExpectedErrors.Verdict judge(String expected, String actual, CaseResult.Stage stage) {
    return ExpectedErrors.judge(new TestCase.ExpectedError(STATEMENT, expected, null, null),
        new SluiceException(ErrorCode.BAD_STATEMENT, actual), stage);
  }

  @Test
  void ksqlDbTextIsAMatchAndCountedApart() {
    ExpectedErrors.Verdict v = judge("Column 'X' cannot be resolved.", "line 1:8: Column 'X' cannot be resolved.",
        CaseResult.Stage.PLAN);
    assertThat(v.passed()).isTrue();
    assertThat(v.ksqlText()).isTrue();
  }

  @Test
  void sameSubjectInOtherWordsMatches() {
    ExpectedErrors.Verdict v = judge("WHERE column 'BOB' cannot be resolved.", "Column 'BOB' cannot be resolved.",
        CaseResult.Stage.PLAN);
    assertThat(v.passed()).isTrue();
    assertThat(v.ksqlText()).isFalse();
  }

  @Test
  void anotherSubjectOrAnotherErrorDoesNotMatch() {
    assertThat(judge("Column 'BOB' cannot be resolved.", "Column 'ALICE' cannot be resolved.",
        CaseResult.Stage.PLAN).passed()).isFalse();
    assertThat(judge("Cannot construct a map with all NULL values", "Can't infer a type of null",
        CaseResult.Stage.PLAN).passed()).isFalse();
  }

  @Test
  void notSupportedYetNeverMatches() {
    assertThat(judge("Table source is not supported with table functions",
        "CREATE TABLE AS SELECT is not supported yet.", CaseResult.Stage.PLAN).passed()).isFalse();
  }

  @Test
  void syntaxErrorsMatchSyntaxErrorsWhateverTheToken() {
    assertThat(judge("line 2:74: Syntax Error missing ')' at ','", "line 1:70: Syntax error at or near 'X'",
        CaseResult.Stage.PARSE).passed()).isTrue();
    assertThat(judge("line 2:74: Syntax Error missing ')' at ','", "Column 'X' cannot be resolved.",
        CaseResult.Stage.PLAN).passed()).isFalse();
  }

  @Test
  void runtimeErrorsMustHappenWhileProcessing() {
    TestCase.ExpectedError runtime = new TestCase.ExpectedError("org.apache.kafka.streams.errors.StreamsException",
        "Exception caught in process", null, null);
    assertThat(ExpectedErrors.judge(runtime, new RuntimeException("Exception caught in process"),
        CaseResult.Stage.EXECUTE).passed()).isTrue();
    assertThat(ExpectedErrors.judge(runtime, new RuntimeException("Exception caught in process"),
        CaseResult.Stage.PLAN).passed()).isFalse();
  }
}
