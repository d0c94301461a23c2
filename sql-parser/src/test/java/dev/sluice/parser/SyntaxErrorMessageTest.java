package dev.sluice.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sluice.parser.ast.Position;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exact text of parser errors is a contract (users and tests match on it), like Trino's
 * TestSqlParserErrorHandling: always {@code line L:C:}, what was found, what could have come instead.
 */
class SyntaxErrorMessageTest {

  @ParameterizedTest
  @CsvSource(delimiterString = " ~> ", quoteCharacter = '"', textBlock = """
      SELECT * FRM x ~> line 1:10: Syntax error at or near 'FRM': expected one of: ',', 'FROM'
      SELECT a FROM ~> line 1:14: Syntax error at end of input: expected <identifier>
      SELECT a, FROM t ~> line 1:11: Syntax error at or near 'FROM': expected one of: '*', <expression>, <identifier>
      SELECT a FROM t WHERE a = ~> line 1:26: Syntax error at end of input: expected <expression>
      SELECT # FROM t ~> line 1:8: Syntax error at or near '#': expected one of: '*', <expression>, <identifier>
      CREATE STREM s ~> line 1:8: Syntax error at or near 'STREM': expected one of: 'OR', 'SINK', 'SOURCE', 'STREAM', 'TABLE', 'TYPE'
      CREATE STREAM s AS SELEC * FROM t ~> line 1:20: Syntax error at or near 'SELEC': expected 'SELECT'
      "CREATE STREAM s (a INT, b) WITH (x='y')" ~> line 1:26: Syntax error at or near ')': expected <type>
      SELECT * FROM a JOIN b WITHIN 10 SECONDS ~> line 1:41: Syntax error at end of input: expected one of: 'GRACE', 'ON'
      DROP STREAM ~> line 1:12: Syntax error at end of input: expected one of: 'IF', <identifier>
      SELECT a FROM t GROUP x ~> line 1:23: Syntax error at or near 'x': expected 'BY'
      INSERT INTO s VALUES 1 ~> line 1:22: Syntax error at or near '1': expected '('
      SHOW STREAMZ ~> line 1:6: Syntax error at or near 'STREAMZ': expected one of: 'ALL', 'CONNECTOR', 'CONNECTORS', 'FUNCTIONS', 'PROPERTIES', 'QUERIES', 'SINK', 'SOURCE', 'STREAMS', 'TABLES', 'TOPICS', 'TYPES', 'VARIABLES'
      SELECT * FROM t EMIT ~> line 1:21: Syntax error at end of input: expected one of: 'CHANGES', 'FINAL'
      SELECT a FROM t WHERE (a > 1 ~> line 1:29: Syntax error at end of input: expected one of: '%', ')', '*', '+', '-', '->', '/', 'AND', 'AT', 'OR', '[', '||'
      SELECT * FROM t WINDOW TUMBLING (SIZE 10) GROUP BY x ~> line 1:41: Syntax error at or near ')': expected one of: 'DAY', 'DAYS', 'HOUR', 'HOURS', 'MILLISECOND', 'MILLISECONDS', 'MINUTE', 'MINUTES', 'SECOND', 'SECONDS'
      SELECT * FROM t LIMIT x ~> line 1:23: Syntax error at or near 'x': expected <integer>
      "CREATE STREAM select (a INT)" ~> line 1:15: Syntax error at or near 'select': SELECT is a reserved keyword; quote it to use it as an identifier: `SELECT`
      SELECT a AS from FROM t ~> line 1:13: Syntax error at or near 'from': FROM is a reserved keyword; quote it to use it as an identifier: `FROM`
      SELECT 'abc FROM x ~> line 1:8: Unterminated string literal
      SELECT /* x FROM y ~> line 1:8: Unterminated comment
      SELECT `abc FROM x ~> line 1:8: Unterminated quoted identifier
      SELECT ${x} FROM t ~> line 1:8: Undefined variable: ${x}
      "CREATE STREAM s (a INT) WITH (KAFKA_TOPIC='x', kafka_topic='y')" ~> line 1:48: Duplicate property: KAFKA_TOPIC
      SELECT * FROM t WINDOW TUMBLING (SIZE 1 SECOND, GRACE PERIOD 1 SECOND, GRACE PERIOD 2 SECONDS) GROUP BY a ~> line 1:72: Duplicate window option: GRACE PERIOD
      SELECT * FROM t LIMIT 99999999999 ~> line 1:23: Number too large: 99999999999
      SELECT 1.7976931348623159E308 FROM t ~> line 1:8: Number overflows DOUBLE: 1.7976931348623159E308
      SELECT 9223372036854775808 FROM t ~> line 1:8: Invalid numeric literal: 9223372036854775808 (out of BIGINT range)
      SELECT a, COUNT(*) FROM t GROUP BY a AND b ~> line 1:38: Syntax error at or near 'AND': expected one of: '%', '(', '*', '+', ',', '-', '->', '.', '/', ';', 'AT', 'EMIT', 'HAVING', 'LIMIT', 'PARTITION', '[', '||', <EOF>, <string>
      SELECT * FROM t WHERE a IN () ~> line 1:29: Syntax error at or near ')': expected <expression>
      "CREATE STREAM s (a ARRAY<NULL>)" ~> line 1:26: Syntax error at or near 'NULL': expected <type>
      "CREATE STREAM s (k STRING (KEY))" ~> line 1:27: Syntax error at or near '(': expected one of: ')', ',', 'HEADER', 'HEADERS', 'KEY', 'PRIMARY'
      SELECT * FROM EXPLODE(x) ~> line 1:22: Syntax error at or near '(': expected one of: ';', 'AS', 'EMIT', 'FULL', 'GROUP', 'HAVING', 'INNER', 'JOIN', 'LEFT', 'LIMIT', 'PARTITION', 'RIGHT', 'WHERE', 'WINDOW', <EOF>, <identifier>
      SELECT ts AT TIME 'UTC' FROM t ~> line 1:19: Syntax error at or near ''UTC'': expected 'ZONE'
      SELECT INTERVAL '1' FROM t ~> line 1:8: Unknown type of a typed literal: INTERVAL; expected DATE, TIME, TIMESTAMP or DECIMAL
      """)
  void message(String sql, String message) {
    assertThatThrownBy(() -> SqlParser.parse(sql)).isInstanceOf(SqlParseException.class).hasMessage(message);
  }

  @Test
  void positionsCountFromTheScriptStartAcrossStatementsAndLines() {
    SqlParseException error = catchThrowableOfType(SqlParseException.class,
        () -> SqlParser.parse("SHOW STREAMS;\n\n  SELECT * FROM t WHERE;"));
    assertThat(error).hasMessage("line 3:24: Syntax error at or near ';': expected <expression>");
    assertThat(error.pos()).isEqualTo(new Position(3, 24));
  }

  @Test
  void expressionAndTypeErrors() {
    assertThatThrownBy(() -> SqlParser.parseExpression("a +"))
        .hasMessage("line 1:4: Syntax error at end of input: expected <expression>");
    assertThatThrownBy(() -> SqlParser.parseExpression("a b"))
        .hasMessage("line 1:3: Syntax error at or near 'b': expected one of: '%', '(', '*', '+', '-', '->', '.', '/', "
            + "'<', '<=', '<>', '=', '>', '>=', 'AND', 'AT', 'BETWEEN', 'IN', 'IS', 'LIKE', ...");
    assertThatThrownBy(() -> SqlParser.parseType("ARRAY<INT"))
        .hasMessage("line 1:10: Syntax error at end of input: expected '>'");
  }

  @Test
  void absurdNestingIsAnErrorWithAPosition() {
    String sql = "SHOW STREAMS;\nSELECT " + "(".repeat(50_000) + "a" + ")".repeat(50_000) + " FROM t";
    assertThatThrownBy(() -> SqlParser.parse(sql))
        .isInstanceOf(SqlParseException.class).hasMessage("line 2:1: Statement is too deeply nested to parse");
  }

  @Test
  void nothingIsPrintedOnStandardError() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      for (String sql : new String[] {"SELECT * FRM x", "CREATE STREM", "SELECT # FROM t", "SELECT ((a FROM t"}) {
        assertThatThrownBy(() -> SqlParser.parse(sql)).isInstanceOf(SqlParseException.class);
      }
    } finally {
      System.setErr(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
