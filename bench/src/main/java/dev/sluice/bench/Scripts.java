package dev.sluice.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A generated, deterministic SQL script of the shape users feed {@code RUN SCRIPT} or the REST endpoint: source
 * definitions, persistent queries with filters, aggregations, windows and joins, inserts, pull and push
 * queries, metadata statements. Twenty templates in turn, each with its own names and numbers, so that no two
 * statements are the same text. No DEFINE, so every statement parses on its own.
 */
final class Scripts {
  private Scripts() {}

  /** {@code n} statements, each ended by {@code ;} and a newline. */
  static List<String> statements(int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; out.size() < n; i++) {
      out.add(String.format(Locale.ROOT, TEMPLATES[i % TEMPLATES.length], i, i % 97 + 1, i * 7 % 1000));
    }
    return out;
  }

  static String script(int n) {
    return String.join("\n", statements(n)) + "\n";
  }

  /** %1$d: a unique number, %2$d: a small number (1..97), %3$d: a number in 0..999. */
  private static final String[] TEMPLATES = {
    "CREATE STREAM pageviews_%1$d (user_id STRING KEY, page STRING, duration_ms BIGINT, ts TIMESTAMP)\n"
        + "  WITH (KAFKA_TOPIC='pageviews_%1$d', VALUE_FORMAT='JSON', PARTITIONS=%2$d, TIMESTAMP='ts');",
    "CREATE TABLE users_%1$d (user_id STRING PRIMARY KEY, name STRING, region STRING,\n"
        + "  address STRUCT<street STRING, city STRING, zip STRING>, tags ARRAY<STRING>)\n"
        + "  WITH (KAFKA_TOPIC='users_%1$d', KEY_FORMAT='KAFKA', VALUE_FORMAT='AVRO');",
    "CREATE STREAM slow_views_%1$d AS SELECT user_id, UCASE(page) AS page, duration_ms / 1000.0 AS secs\n"
        + "  FROM pageviews_%1$d WHERE duration_ms > %3$d EMIT CHANGES;",
    "CREATE TABLE views_per_user_%1$d AS\n"
        + "  SELECT user_id, COUNT(*) AS views, SUM(duration_ms) AS total_ms, MAX(duration_ms) AS longest\n"
        + "  FROM pageviews WINDOW TUMBLING (SIZE %2$d MINUTES, GRACE PERIOD 30 SECONDS)\n"
        + "  WHERE page LIKE '/catalog/%%' AND duration_ms BETWEEN 10 AND %3$d\n"
        + "  GROUP BY user_id HAVING COUNT(*) > 1 EMIT CHANGES;",
    "CREATE STREAM enriched_%1$d AS SELECT v.user_id, v.page, u.name, u.address->city AS city\n"
        + "  FROM pageviews v LEFT JOIN users u ON v.user_id = u.user_id\n"
        + "  WHERE u.region IN ('EU', 'US', 'APAC') EMIT CHANGES;",
    "CREATE STREAM matched_%1$d AS SELECT o.order_id, s.ship_id, o.amount\n"
        + "  FROM orders o JOIN shipments s WITHIN (1 HOUR, %2$d HOURS) GRACE PERIOD 10 MINUTES\n"
        + "  ON o.order_id = s.order_id EMIT CHANGES;",
    "INSERT INTO pageviews (user_id, page, duration_ms) VALUES ('user-%1$05d', '/p/%3$d.html', %3$d);",
    "INSERT INTO slow_views SELECT user_id, page, duration_ms / 1000.0 AS secs FROM pageviews_%1$d\n"
        + "  WHERE duration_ms > %3$d;",
    "SELECT * FROM views_per_user WHERE user_id = 'user-%1$05d';",
    "SELECT user_id, page, duration_ms FROM pageviews WHERE duration_ms > %3$d AND page IS NOT NULL\n"
        + "  EMIT CHANGES LIMIT %2$d;",
    "SELECT user_id, CASE WHEN duration_ms < 100 THEN 'fast' WHEN duration_ms < 1000 THEN 'ok' ELSE 'slow' END\n"
        + "  AS speed, CAST(duration_ms AS DOUBLE) / 1000 AS secs FROM pageviews EMIT CHANGES;",
    "SELECT user_id, TRANSFORM(tags, t => UCASE(t)) AS tags, FILTER(tags, t => LEN(t) > %2$d) AS long_tags,\n"
        + "  ARRAY_LENGTH(tags) AS n, MAP('region' := region)['region'] AS r FROM users EMIT CHANGES;",
    "CREATE TABLE sessions_%1$d AS SELECT user_id, COUNT(*) AS clicks, COLLECT_LIST(page) AS pages\n"
        + "  FROM pageviews WINDOW SESSION (%2$d MINUTES) GROUP BY user_id EMIT CHANGES;",
    "CREATE STREAM by_page_%1$d WITH (KAFKA_TOPIC='by_page_%1$d', PARTITIONS=6) AS\n"
        + "  SELECT * FROM pageviews PARTITION BY page EMIT CHANGES;",
    "CREATE TYPE address_%1$d AS STRUCT<street STRING, city STRING, geo STRUCT<lat DOUBLE, lon DOUBLE>>;",
    "DESCRIBE pageviews_%1$d EXTENDED;",
    "SHOW QUERIES;",
    "DROP STREAM IF EXISTS old_stream_%1$d DELETE TOPIC;",
    "SET 'auto.offset.reset' = 'earliest';",
    "-- hourly rollup %1$d\n"
        + "CREATE TABLE hourly_%1$d AS SELECT region, COUNT(*) AS n, AVG(CAST(duration_ms AS DOUBLE)) AS avg_ms\n"
        + "  FROM pageviews WINDOW HOPPING (SIZE 1 HOUR, ADVANCE BY %2$d MINUTES) GROUP BY region EMIT FINAL;",
  };
}
