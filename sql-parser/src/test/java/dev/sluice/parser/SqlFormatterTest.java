package dev.sluice.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.parser.ast.Expression;
import dev.sluice.parser.ast.Position;
import dev.sluice.parser.ast.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The formatter's promise: parse(format(parse(s))) equals parse(s), positions aside. */
class SqlFormatterTest {

  static void assertRoundTrip(Statement statement) {
    String formatted = SqlFormatter.format(statement);
    List<ParsedStatement> again = SqlParser.parse(formatted);
    assertThat(again).as(formatted).hasSize(1);
    assertThat(again.get(0).statement()).as(formatted)
        .usingRecursiveComparison().withStrictTypeChecking().ignoringFieldsOfTypes(Position.class)
        .isEqualTo(statement);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "CREATE STREAM pageviews (user_id STRING KEY, page STRING, duration_ms BIGINT) "
          + "WITH (KAFKA_TOPIC='pageviews', VALUE_FORMAT='JSON', PARTITIONS=1)",
      "CREATE OR REPLACE SOURCE TABLE IF NOT EXISTS t (id INT PRIMARY KEY, h BYTES HEADER('k''s'), "
          + "hs ARRAY<STRUCT<key STRING, value BYTES>> HEADERS, d DECIMAL(10, 2), m MAP<STRING, ARRAY<DOUBLE>>, "
          + "`lower` address, \"select\" `INT`) WITH (wrap_single_value=false, x=-1, y=1.5, z=null)",
      "CREATE TABLE c WITH (kafka_topic='c') AS SELECT k, COUNT(*) AS n, SUM(DISTINCT v) FROM s "
          + "WINDOW HOPPING (SIZE 1 HOUR, ADVANCE BY 5 MINUTES, RETENTION 1 DAY, GRACE PERIOD 0 SECONDS) "
          + "WHERE v > 0 AND NOT v IS NULL GROUP BY k HAVING COUNT(*) > 1 EMIT FINAL",
      "CREATE STREAM j AS SELECT a.*, b.v->*, b.x AS `y z` FROM a a JOIN b WITHIN (1 SECOND, 2 SECONDS) GRACE PERIOD 3 "
          + "SECONDS ON a.id = b.id LEFT JOIN c ON a.id = c.id FULL OUTER JOIN d ON a.id = d.id PARTITION BY a.id, b.x",
      "INSERT INTO s (a, b) VALUES (1, -1, 1.50, -2.5E-3, 5., 99999999999999999999., 'x''y', TRUE, NULL)",
      "INSERT INTO s WITH (QUERY_ID='q') SELECT * FROM t WINDOW SESSION (10 SECONDS) WHERE a IN (1, 2) LIMIT 5",
      "SELECT CASE WHEN a BETWEEN 1 AND 2 THEN 'x' ELSE 'y' END, CASE a WHEN 1 THEN 2 END, CAST(a AS BIGINT), "
          + "ARRAY[1, 2][1], MAP('a' := 1)['a'], STRUCT(f := 1)->f, TRANSFORM(x, (k, v) => k || v, y => -y), "
          + "a NOT LIKE 'x' ESCAPE '!', a IS NOT DISTINCT FROM b, -(5), -(-5), +a, a - -1, `MAP`(1, 2), "
          + "1 NOT BETWEEN (a AND b) AND c, (a = b) = c, \"ROWTIME\", `1R` FROM s EMIT CHANGES",
      "SELECT ts AT TIME ZONE 'Europe/Paris', -ts AT TIME ZONE 'UTC', TIMESTAMPADD(MILLISECONDS, 5, ts), "
          + "DATEADD(DAY, 1, d), F(first, second), TIME '10:00', TIMESTAMP '2021-01-01T00:00:00', at, zone, time "
          + "FROM s WHERE d > DATE '2021-01-01' GROUP BY (a AND b), c + 1 PARTITION BY -x EMIT CHANGES",
      "SHOW ALL TOPICS EXTENDED", "DESCRIBE EXTENDED x", "LIST QUERIES", "SHOW VARIABLES", "DESCRIBE STREAMS EXTENDED", "DESCRIBE x EXTENDED",
      "DESCRIBE FUNCTION f", "EXPLAIN q1", "EXPLAIN SELECT * FROM s", "TERMINATE ALL", "TERMINATE q", "PAUSE ALL",
      "RESUME q", "DROP TABLE IF EXISTS t DELETE TOPIC", "SET 'a'='b'", "UNSET 'a'", "DEFINE v = 'x'", "UNDEFINE v",
      "CREATE TYPE IF NOT EXISTS t AS STRUCT<a INT>", "DROP TYPE t", "ALTER TABLE t ADD COLUMN a INT, ADD b STRING",
      "PRINT 'Topic' FROM BEGINNING INTERVAL 3 LIMIT 4", "PRINT lowercase", "RUN SCRIPT 'a.sql'",
      "ALTER SYSTEM 'a'='b'", "CREATE SINK CONNECTOR c WITH ('connector.class'='x', tasks=1)", "DROP CONNECTOR c",
      "DESCRIBE CONNECTOR c", "SHOW SINK CONNECTORS", "SHOW CONNECTOR PLUGINS",
      "ASSERT NOT EXISTS TOPIC 'T' WITH (partitions=1) TIMEOUT 3 SECONDS", "ASSERT SCHEMA SUBJECT s ID 3",
  })
  void roundTrips(String sql) {
    assertRoundTrip(SqlParser.parse(sql).get(0).statement());
  }

  @Test
  void canonicalText() {
    assertThat(SqlFormatter.format(SqlParser.parse(
        "create stream s (`id` int key, \"Name\" varchar, `select` int, ok int) with (kafka_topic='s')").get(0).statement()))
        .isEqualTo("CREATE STREAM S (`id` INT KEY, `Name` STRING, `select` INT, OK INT) WITH (KAFKA_TOPIC='s')");
    assertThat(SqlFormatter.format(SqlParser.parse(
        "select a.x, count(*) from s a window tumbling (size 1 minute) group by a.x emit changes").get(0).statement()))
        .isEqualTo("SELECT A.X, COUNT(*) FROM S AS A WINDOW TUMBLING (SIZE 60000 MILLISECONDS) GROUP BY A.X EMIT CHANGES");
  }

  @Test
  void literalsKeepTheirKind() {
    for (String literal : List.of("1", "-1", "1.0", "5.", "1.5E3", "-0.25E0", "9223372036854775808.", "DATE '2021-01-01'", "DECIMAL '1.0'", "'a''b'")) {
      Expression parsed = SqlParser.parseExpression(literal);
      assertThat(SqlParser.parseExpression(SqlFormatter.format(parsed)))
          .usingRecursiveComparison().withStrictTypeChecking().ignoringFieldsOfTypes(Position.class).isEqualTo(parsed);
    }
  }
}
