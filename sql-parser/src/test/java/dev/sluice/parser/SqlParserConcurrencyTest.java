package dev.sluice.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The parser shares ANTLR's prediction caches between threads; results must not depend on interleaving. */
class SqlParserConcurrencyTest {

  @Test
  void parsesTheSameScriptIdenticallyOnManyThreads() throws Exception {
    List<ParsedStatement> expected = SqlParser.parse(SqlParserStatementTest.QUICKSTART);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<ParsedStatement>>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        results.add(pool.submit(() -> SqlParser.parse(SqlParserStatementTest.QUICKSTART)));
      }
      for (Future<List<ParsedStatement>> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
