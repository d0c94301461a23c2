package dev.sluice.engine.processinglog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryProcessingLoggerTest {

  @Test
  void keepsEntriesInOrderAndCountsThemPerQuery() {
    InMemoryProcessingLogger logger = new InMemoryProcessingLogger();
    ProcessingLogContext ctx = ProcessingLogContext.of("q1", logger);
    ctx.report(ProcessingLogEntry.error(ProcessingLogEntry.Type.RECORD_PROCESSING_ERROR,
        ctx.loggerName("project"), "q1", null, "first", null, "t", null));
    logger.error(ProcessingLogEntry.error(ProcessingLogEntry.Type.PRODUCTION_ERROR, "x", "q2", null,
        "second", List.of("c"), null, null));
    assertThat(logger.entries()).extracting(ProcessingLogEntry::errorMessage).containsExactly("first", "second");
    assertThat(logger.entries().get(0).logger()).isEqualTo("processing.q1.project");
    assertThat(logger.entries().get(0).cause()).isEmpty();
    assertThat(logger.errorCount("q1")).isEqualTo(1);
    logger.clear();
    assertThat(logger.entries()).isEmpty();
  }

  @Test
  void causesListTheChainWithoutTheTopMessage() {
    Exception e = new RuntimeException("top", new IllegalStateException("middle",
        new IllegalArgumentException("root")));
    assertThat(ProcessingLogEntry.causes(e)).containsExactly("middle", "root");
    assertThat(ProcessingLogEntry.causes(new RuntimeException("alone"))).isEmpty();
  }

  @Test
  void entriesNeedAQueryAndAMessage() {
    assertThatThrownBy(() -> ProcessingLogEntry.error(ProcessingLogEntry.Type.PRODUCTION_ERROR, "x", null,
        null, "m", null, null, null)).isInstanceOf(NullPointerException.class);
  }
}
