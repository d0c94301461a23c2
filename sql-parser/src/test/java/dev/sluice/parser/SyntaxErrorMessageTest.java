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
      SELECT * FRM x ~> line 1:10: Syntax error at or near 'FRM': expected one of: 'FROM', ','
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
      SELECT a FROM t WHERE (a > 1 ~> line 1:29: Syntax error at end of input: expected one of: 'AND', 'AT', 'OR', '%', ')', '*', '+', '-', '->', '/', '[', '||'
      SELECT * FROM t WINDOW TUMBLING (SIZE 10) GROUP BY x ~> line 1:41: Syntax error at or near ')': expected one of: 'DAY', 'DAYS', 'HOUR', 'HOURS', 'MILLISECOND', 'MILLISECONDS', 'MINUTE', 'MINUTES', 'SECOND', 'SECONDS'
      SELECT * FROM t LIMIT x ~> line 1:23: Syntax error at or near 'x': expected <integer>
      "CREATE STREAM select (a INT)" ~> line 1:15: Syntax error at or near 'select': expected one of: 'IF', <identifier>
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
      SELECT a, COUNT(*) FROM t GROUP BY a AND b ~> line 1:38: Syntax error at or near 'AND': expected one of: 'AT', 'EMIT', 'HAVING', 'LIMIT', 'PARTITION', '%', '(', '*', '+', ',', '-', '->', '.', '/', ';', '[', '||', <EOF>, <string>
      SELECT * FROM t WHERE a IN () ~> line 1:29: Syntax error at or near ')': expected <expression>
      "CREATE STREAM s (a ARRAY<NULL>)" ~> line 1:26: Syntax error at or near 'NULL': expected <type>
      "CREATE STREAM s (k STRING (KEY))" ~> line 1:27: Syntax error at or near '(': expected one of: 'HEADER', 'HEADERS', 'KEY', 'PRIMARY', ')', ','
      SELECT * FROM EXPLODE(x) ~> line 1:22: Syntax error at or near '(': expected one of: 'AS', 'EMIT', 'FULL', 'GROUP', 'HAVING', 'INNER', 'JOIN', 'LEFT', 'LIMIT', 'PARTITION', 'RIGHT', 'WHERE', 'WINDOW', ';', <EOF>, <identifier>
      SELECT ts AT TIME 'UTC' FROM t ~> line 1:19: Syntax error at or near ''UTC'': expected 'ZONE'
      SELECT INTERVAL '1' FROM t ~> line 1:8: Unknown type of a typed literal: INTERVAL; expected DATE, TIME, TIMESTAMP or DECIMAL
      """)
  void message(String sql, String message) {
    assertThatThrownBy(() -> SqlParser.parse(sql)).isInstanceOf(SqlParseException.class).hasMessage(message);
  }

  /**
   * The mistakes people make most often, one per line (a comment names each). Some of these messages could be
   * more helpful (a missing {@code ;} or FROM reported as a reserved word, {@code ==}); they are pinned as they
   * are, so that an improvement shows up here as a deliberate change.
   */
  @ParameterizedTest
  @CsvSource(delimiterString = " ~> ", quoteCharacter = '"', textBlock = """
      # missing comma between select items
      SELECT a b c FROM t ~> line 1:12: Syntax error at or near 'c': expected one of: 'FROM', ','
      SELECT a, b c d FROM t ~> line 1:15: Syntax error at or near 'd': expected one of: 'FROM', ','
      # missing comma between column definitions, and between WITH properties
      "CREATE STREAM s (a INT b STRING) WITH (KAFKA_TOPIC='s')" ~> line 1:24: Syntax error at or near 'b': expected one of: 'HEADER', 'HEADERS', 'KEY', 'PRIMARY', ')', ','
      "CREATE STREAM s (a INT) WITH (KAFKA_TOPIC='s' VALUE_FORMAT='JSON')" ~> line 1:47: Syntax error at or near 'VALUE_FORMAT': expected one of: ')', ','
      # misspelled keywords
      SELCT * FROM t ~> line 1:1: Syntax error at or near 'SELCT': expected one of: 'ALTER', 'ASSERT', 'CREATE', 'DEFINE', 'DESCRIBE', 'DROP', 'EXPLAIN', 'INSERT', 'LIST', 'PAUSE', 'PRINT', 'RESUME', 'RUN', 'SELECT', 'SET', 'SHOW', 'TERMINATE', 'UNDEFINE', 'UNSET'
      SELECT * FORM t ~> line 1:10: Syntax error at or near 'FORM': expected one of: 'FROM', ','
      SELECT a FORM t ~> line 1:15: Syntax error at or near 't': expected one of: 'FROM', ','
      SELECT * FROM t EMIT CHANGE ~> line 1:22: Syntax error at or near 'CHANGE': expected one of: 'CHANGES', 'FINAL'
      SHOW STREAM ~> line 1:6: Syntax error at or near 'STREAM': expected one of: 'ALL', 'CONNECTOR', 'CONNECTORS', 'FUNCTIONS', 'PROPERTIES', 'QUERIES', 'SINK', 'SOURCE', 'STREAMS', 'TABLES', 'TOPICS', 'TYPES', 'VARIABLES'
      CREATE STREAM IF NOT EXIST s (a INT) ~> line 1:22: Syntax error at or near 'EXIST': expected 'EXISTS'
      DROP STREAM IF EXIST s ~> line 1:16: Syntax error at or near 'EXIST': expected one of: 'DELETE', 'EXISTS', ';', <EOF>
      SELECT * FROM t WHERE a IS NUL ~> line 1:28: Syntax error at or near 'NUL': expected one of: 'DISTINCT', 'NOT', 'NULL'
      # unclosed quotes and comments; a quote inside a string not doubled
      SELECT * FROM t WHERE s = 'abc ~> line 1:27: Unterminated string literal
      SELECT 'it's' FROM t ~> line 1:13: Unterminated string literal
      SELECT a FROM t /* never closed ~> line 1:17: Unterminated comment
      # missing ';' between two statements of one script
      SELECT * FROM a SELECT * FROM b ~> line 1:17: Syntax error at or near 'SELECT': expected one of: 'AS', 'EMIT', 'FULL', 'GROUP', 'HAVING', 'INNER', 'JOIN', 'LEFT', 'LIMIT', 'PARTITION', 'RIGHT', 'WHERE', 'WINDOW', ';', <EOF>, <identifier> (is a ';' missing before SELECT?)
      SHOW STREAMS SHOW TABLES ~> line 1:14: Syntax error at or near 'SHOW': expected one of: 'EXTENDED', ';', <EOF> (is a ';' missing before SHOW?)
      "INSERT INTO s VALUES (1, 2) (3, 4)" ~> line 1:29: Syntax error at or near '(': expected one of: ';', <EOF>
      # missing closing parenthesis or bracket
      SELECT COUNT(* FROM t ~> line 1:16: Syntax error at or near 'FROM': expected ')'
      "CREATE STREAM s (a INT WITH (KAFKA_TOPIC='s')" ~> line 1:24: Syntax error at or near 'WITH': expected one of: 'HEADER', 'HEADERS', 'KEY', 'PRIMARY', ')', ','
      "CREATE STREAM s (a INT) WITH (KAFKA_TOPIC='s'" ~> line 1:46: Syntax error at end of input: expected one of: ')', ','
      "SELECT SUBSTRING(s, 1 FROM t" ~> line 1:23: Syntax error at or near 'FROM': expected one of: 'AND', 'AT', 'BETWEEN', 'IN', 'IS', 'LIKE', 'NOT', 'OR', '%', ')', '*', '+', ',', '-', '->', '/', '<', '<=', '<>', '=', ...
      "SELECT ARRAY[1, 2 FROM t" ~> line 1:19: Syntax error at or near 'FROM': expected one of: 'AND', 'AT', 'BETWEEN', 'IN', 'IS', 'LIKE', 'NOT', 'OR', '%', '*', '+', ',', '-', '->', '/', '<', '<=', '<>', '=', '>', ...
      # one closing parenthesis too many
      SELECT * FROM t WHERE a = 1) ~> line 1:28: Syntax error at or near ')': expected one of: 'AND', 'AT', 'EMIT', 'GROUP', 'HAVING', 'LIMIT', 'OR', 'PARTITION', '%', '*', '+', '-', '->', '/', ';', '[', '||', <EOF>
      # trailing or doubled commas
      SELECT a, b, FROM t ~> line 1:14: Syntax error at or near 'FROM': expected one of: '*', <expression>, <identifier>
      SELECT a,, b FROM t ~> line 1:10: Syntax error at or near ',': expected one of: '*', <expression>, <identifier>
      "CREATE STREAM s (a INT,) WITH (KAFKA_TOPIC='s')" ~> line 1:24: Syntax error at or near ')': expected <identifier>
      "CREATE STREAM s (k STRING KEY, v INT) WITH (KAFKA_TOPIC='s', )" ~> line 1:62: Syntax error at or near ')': expected one of: <identifier>, <string>
      "SELECT * FROM t WHERE a IN ('x', )" ~> line 1:34: Syntax error at or near ')': expected <expression>
      # missing FROM
      SELECT a ~> line 1:9: Syntax error at end of input: expected one of: 'AND', 'AS', 'AT', 'BETWEEN', 'FROM', 'IN', 'IS', 'LIKE', 'NOT', 'OR', '%', '(', '*', '+', ',', '-', '->', '.', '/', '<', ...
      SELECT a WHERE b > 1 ~> line 1:10: Syntax error at or near 'WHERE': expected one of: 'AND', 'AS', 'AT', 'BETWEEN', 'FROM', 'IN', 'IS', 'LIKE', 'NOT', 'OR', '%', '(', '*', '+', ',', '-', '->', '.', '/', '<', ...
      # reserved words as names
      "CREATE STREAM s (id INT, group STRING)" ~> line 1:26: Syntax error at or near 'group': GROUP is a reserved keyword; quote it to use it as an identifier: `GROUP`
      SELECT a AS FROM t ~> line 1:13: Syntax error at or near 'FROM': FROM is a reserved keyword; quote it to use it as an identifier: `FROM`
      # a string where a name must be
      SELECT a AS 'alias' FROM t ~> line 1:13: Syntax error at or near ''alias'': expected <identifier>
      SELECT * FROM 'orders' ~> line 1:15: Syntax error at or near ''orders'': expected <identifier>
      # missing AS before the query of CREATE ... AS SELECT, and clauses in the wrong place
      CREATE STREAM s SELECT * FROM t ~> line 1:17: Syntax error at or near 'SELECT': expected one of: 'AS', 'WITH', '(', ';', <EOF>
      "CREATE TABLE t WITH (KAFKA_TOPIC='t') SELECT * FROM s" ~> line 1:39: Syntax error at or near 'SELECT': expected one of: 'AS', ';', <EOF>
      "CREATE STREAM s (a INT) WITH (KAFKA_TOPIC='s') AS SELECT * FROM t" ~> line 1:48: Syntax error at or near 'AS': expected one of: ';', <EOF>
      "CREATE STREAM s AS SELECT * FROM t WITH (KAFKA_TOPIC='s')" ~> line 1:36: Syntax error at or near 'WITH': expected one of: 'AS', 'EMIT', 'FULL', 'GROUP', 'HAVING', 'INNER', 'JOIN', 'LEFT', 'LIMIT', 'PARTITION', 'RIGHT', 'WHERE', 'WINDOW', ';', <EOF>, <identifier>
      CREATE TYPE t STRUCT<a INT> ~> line 1:15: Syntax error at or near 'STRUCT': expected 'AS'
      # bad types
      "CREATE STREAM s (a VARCHAR(10))" ~> line 1:27: Syntax error at or near '(': expected one of: 'HEADER', 'HEADERS', 'KEY', 'PRIMARY', ')', ','
      "CREATE STREAM s (a DECIMAL(10))" ~> line 1:30: Syntax error at or near ')': expected ','
      "CREATE STREAM s (a MAP<STRING>)" ~> line 1:30: Syntax error at or near '>': expected ','
      "CREATE STREAM s (a STRUCT<b INT, c>)" ~> line 1:35: Syntax error at or near '>': expected <type>
      SELECT CAST(a AS STRING(10)) FROM t ~> line 1:24: Syntax error at or near '(': expected ')'
      "CREATE STREAM s (a STRING KEY, b INT PRIMARY)" ~> line 1:45: Syntax error at or near ')': expected 'KEY'
      # WITH without parentheses, property without '='
      CREATE STREAM s (a INT) WITH KAFKA_TOPIC='s' ~> line 1:30: Syntax error at or near 'KAFKA_TOPIC': expected '('
      CREATE STREAM s (a INT) WITH (KAFKA_TOPIC 's') ~> line 1:43: Syntax error at or near ''s'': expected '='
      # '==' or '!==' for equality
      SELECT * FROM t WHERE a == 1 ~> line 1:26: Syntax error at or near '=': expected <expression>
      SELECT * FROM t WHERE a <> 1 AND b !== 2 ~> line 1:38: Syntax error at or near '=': expected <expression>
      # CASE without THEN or END
      SELECT CASE WHEN a > 1 'x' END FROM t ~> line 1:24: Syntax error at or near ''x'': expected one of: 'AND', 'AT', 'OR', 'THEN', '%', '*', '+', '-', '->', '/', '[', '||'
      SELECT CASE WHEN a > 1 THEN 'x' FROM t ~> line 1:33: Syntax error at or near 'FROM': expected one of: 'AND', 'AT', 'BETWEEN', 'ELSE', 'END', 'IN', 'IS', 'LIKE', 'NOT', 'OR', 'WHEN', '%', '*', '+', '-', '->', '/', '<', '<=', '<>', ...
      SELECT CASE a WHEN 1 THEN 2 ELSE 3 FROM t ~> line 1:36: Syntax error at or near 'FROM': expected one of: 'AND', 'AT', 'BETWEEN', 'END', 'IN', 'IS', 'LIKE', 'NOT', 'OR', '%', '*', '+', '-', '->', '/', '<', '<=', '<>', '=', '>', ...
      # CAST with a comma or without AS
      "SELECT CAST(a, INT) FROM t" ~> line 1:14: Syntax error at or near ',': expected one of: 'AND', 'AS', 'AT', 'BETWEEN', 'IN', 'IS', 'LIKE', 'NOT', 'OR', '%', '(', '*', '+', '-', '->', '.', '/', '<', '<=', '<>', ...
      SELECT CAST(a INT) FROM t ~> line 1:15: Syntax error at or near 'INT': expected one of: 'AND', 'AS', 'AT', 'BETWEEN', 'IN', 'IS', 'LIKE', 'NOT', 'OR', '%', '(', '*', '+', '-', '->', '.', '/', '<', '<=', '<>', ...
      # EMIT and LIMIT incomplete
      SELECT * FROM t WHERE a = 1 EMIT ~> line 1:33: Syntax error at end of input: expected one of: 'CHANGES', 'FINAL'
      SELECT * FROM t EMIT CHANGES LIMIT ~> line 1:35: Syntax error at end of input: expected <integer>
      SELECT * FROM t LIMIT -1 ~> line 1:23: Syntax error at or near '-': expected <integer>
      SELECT * FROM t LIMIT 1.5 ~> line 1:23: Syntax error at or near '1.5': expected <integer>
      SELECT * FROM t EMIT CHANGES EMIT FINAL ~> line 1:30: Syntax error at or near 'EMIT': expected one of: 'LIMIT', ';', <EOF>
      # statements Sluice (like ksqlDB) does not have
      UPDATE t SET a = 1 ~> line 1:1: Syntax error at or near 'UPDATE': expected one of: 'ALTER', 'ASSERT', 'CREATE', 'DEFINE', 'DESCRIBE', 'DROP', 'EXPLAIN', 'INSERT', 'LIST', 'PAUSE', 'PRINT', 'RESUME', 'RUN', 'SELECT', 'SET', 'SHOW', 'TERMINATE', 'UNDEFINE', 'UNSET'
      DELETE FROM t ~> line 1:1: Syntax error at or near 'DELETE': expected one of: 'ALTER', 'ASSERT', 'CREATE', 'DEFINE', 'DESCRIBE', 'DROP', 'EXPLAIN', 'INSERT', 'LIST', 'PAUSE', 'PRINT', 'RESUME', 'RUN', 'SELECT', 'SET', 'SHOW', 'TERMINATE', 'UNDEFINE', 'UNSET'
      ALTER STREAM s DROP COLUMN a ~> line 1:16: Syntax error at or near 'DROP': expected 'ADD'
      SELECT * FROM t ORDER BY a ~> line 1:23: Syntax error at or near 'BY': expected one of: 'EMIT', 'FULL', 'GROUP', 'HAVING', 'INNER', 'JOIN', 'LEFT', 'LIMIT', 'PARTITION', 'RIGHT', 'WHERE', 'WINDOW', ';', <EOF>
      SELECT DISTINCT a FROM t ~> line 1:8: Syntax error at or near 'DISTINCT': expected one of: '*', <expression>, <identifier>
      SELECT * FROM (SELECT * FROM t) ~> line 1:15: Syntax error at or near '(': expected <identifier>
      INSERT INTO s SET a = 1 ~> line 1:15: Syntax error at or near 'SET': expected one of: 'SELECT', 'VALUES', 'WITH', '('
      "DROP STREAM s, t" ~> line 1:14: Syntax error at or near ',': expected one of: 'DELETE', ';', <EOF>
      # incomplete or misordered clauses
      SELECT * FROM a JOIN b ~> line 1:23: Syntax error at end of input: expected one of: 'AS', 'ON', 'WITHIN', <identifier>
      SELECT * FROM a JOIN b WHERE a.id = b.id ~> line 1:24: Syntax error at or near 'WHERE': expected one of: 'AS', 'ON', 'WITHIN', <identifier>
      SELECT * FROM a JOIN b WITHIN 10 ON a.id = b.id ~> line 1:34: Syntax error at or near 'ON': expected one of: 'DAY', 'DAYS', 'HOUR', 'HOURS', 'MILLISECOND', 'MILLISECONDS', 'MINUTE', 'MINUTES', 'SECOND', 'SECONDS'
      "SELECT k, COUNT(*) FROM t WINDOW TUMBLING (1 MINUTE) GROUP BY k" ~> line 1:44: Syntax error at or near '1': expected 'SIZE'
      "SELECT k, COUNT(*) FROM t WINDOW HOPPING (SIZE 1 MINUTE) GROUP BY k" ~> line 1:56: Syntax error at or near ')': expected ','
      "SELECT k, COUNT(*) FROM t WINDOW TUMBLING SIZE 1 MINUTE GROUP BY k" ~> line 1:43: Syntax error at or near 'SIZE': expected '('
      SELECT * FROM t WHERE a = 1 GROUP BY a WINDOW TUMBLING (SIZE 1 SECOND) ~> line 1:40: Syntax error at or near 'WINDOW': expected one of: 'AT', 'EMIT', 'HAVING', 'LIMIT', 'PARTITION', '%', '(', '*', '+', ',', '-', '->', '.', '/', ';', '[', '||', <EOF>, <string>
      SELECT a FROM t HAVING a > 1 GROUP BY a ~> line 1:30: Syntax error at or near 'GROUP': expected one of: 'AND', 'AT', 'EMIT', 'LIMIT', 'OR', '%', '*', '+', '-', '->', '/', ';', '[', '||', <EOF>
      SELECT * FROM t WHERE a = 1 WHERE b = 2 ~> line 1:29: Syntax error at or near 'WHERE': expected one of: 'AND', 'AT', 'EMIT', 'GROUP', 'HAVING', 'LIMIT', 'OR', 'PARTITION', '%', '*', '+', '-', '->', '/', ';', '[', '||', <EOF>
      # dangling or missing operands
      SELECT * FROM t WHERE a = 'x' AND ~> line 1:34: Syntax error at end of input: expected <expression>
      SELECT * FROM t WHERE AND a = 1 ~> line 1:23: Syntax error at or near 'AND': expected <expression>
      SELECT * FROM t WHERE a BETWEEN 1 OR 2 ~> line 1:35: Syntax error at or near 'OR': expected one of: 'AND', 'AT', '%', '*', '+', '-', '->', '/', '[', '||'
      "SELECT * FROM t WHERE a IN 1, 2" ~> line 1:28: Syntax error at or near '1': expected '('
      SELECT * FROM t WHERE a NOT NULL ~> line 1:29: Syntax error at or near 'NULL': expected one of: 'BETWEEN', 'IN', 'LIKE'
      SELECT * FROM t WHERE a IS NOT ~> line 1:31: Syntax error at end of input: expected one of: 'DISTINCT', 'NULL'
      # session statements: names and values must be strings
      SET auto.offset.reset = 'earliest' ~> line 1:5: Syntax error at or near 'auto': expected <string>
      SET 'auto.offset.reset' = earliest ~> line 1:27: Syntax error at or near 'earliest': expected <string>
      DEFINE x = y ~> line 1:12: Syntax error at or near 'y': expected <string>
      RUN SCRIPT setup.sql ~> line 1:12: Syntax error at or near 'setup': expected <string>
      # statements cut short
      TERMINATE ~> line 1:10: Syntax error at end of input: expected one of: 'ALL', <identifier>
      DESCRIBE ~> line 1:9: Syntax error at end of input: expected one of: 'CONNECTOR', 'EXTENDED', 'FUNCTION', 'STREAMS', 'TABLES', <identifier>
      PRINT ~> line 1:6: Syntax error at end of input: expected one of: <identifier>, <string>
      DROP s ~> line 1:6: Syntax error at or near 's': expected one of: 'CONNECTOR', 'STREAM', 'TABLE', 'TYPE'
      """)
  void commonMistake(String sql, String message) {
    assertThatThrownBy(() -> SqlParser.parse(sql)).isInstanceOf(SqlParseException.class).hasMessage(message);
  }

  @Test
  void commonMistakesWithQuotesAndLines() {
    // An unclosed double-quoted identifier (a string written with double quotes, then left open).
    assertThatThrownBy(() -> SqlParser.parse("SELECT \"abc FROM t"))
        .isInstanceOf(SqlParseException.class).hasMessage("line 1:8: Unterminated quoted identifier");
    // A misspelled keyword at the start of the second statement of a script.
    assertThatThrownBy(() -> SqlParser.parse("SELECT a FROM t WHERE b = TRUE;\nSELEC c FROM t"))
        .isInstanceOf(SqlParseException.class).hasMessage("line 2:1: Syntax error at or near 'SELEC': expected one of: "
            + "'ALTER', 'ASSERT', 'CREATE', 'DEFINE', 'DESCRIBE', 'DROP', 'EXPLAIN', 'INSERT', 'LIST', 'PAUSE', 'PRINT', "
            + "'RESUME', 'RUN', 'SELECT', 'SET', 'SHOW', 'TERMINATE', 'UNDEFINE', 'UNSET'");
    // INSERT without INTO, on the second line.
    assertThatThrownBy(() -> SqlParser.parse("INSERT INTO s SELECT * FROM t;\nINSERT s SELECT * FROM t"))
        .isInstanceOf(SqlParseException.class).hasMessage("line 2:8: Syntax error at or near 's': expected 'INTO'");
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
        .hasMessage("line 1:3: Syntax error at or near 'b': expected one of: 'AND', 'AT', 'BETWEEN', 'IN', 'IS', "
            + "'LIKE', 'NOT', 'OR', '%', '(', '*', '+', '-', '->', '.', '/', '<', '<=', '<>', '=', ...");
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
