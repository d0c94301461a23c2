/* Sluice statement corpus: lexical edge cases. (Characters outside the BMP, such as emoji, are
   covered by a disabled test in StatementCorpusTest until SqlParser.split is fixed.) A block comment can span
   several lines; a ';' in it does not end a statement.
   Written for Sluice's own tests. Licensed under the Apache License, Version 2.0. */

-- Whitespace and layout.
SELECT*FROM t;
SELECT a,b,c FROM t WHERE a=1 AND(b=2);
   SELECT   a   FROM   t   ;
SELECT
	a
FROM
	t
WHERE
	a > 1;
SELECT a FROM t;;;
SELECT a -- comment after a
  , b -- comment after b
FROM t -- comment after t
;
SELECT /* before */ a /* between */ FROM /* inside */ t /* after */;
SELECT a/**/FROM/**/t;
SELECT a FROM t /* comment with 'quote' and "double" and `back` */;
SELECT a FROM t -- comment with ' unbalanced quote
;
SELECT 10/2, 10 / 2, 10/ 2 FROM t;
SELECT a--b
FROM t;
SELECT 1-1, 1 - 1, 1 -1, a-1, a - - - 1 FROM t;

-- Identifiers.
SELECT `lower`, `UPPER`, `MiXeD`, "lower", "UPPER", "MiXeD" FROM t;
SELECT `with space`, "with space", `with-dash`, "with.dot", `123`, "1a" FROM t;
SELECT `SELECT`, `FROM`, `WHERE`, `GROUP`, `BY`, `ORDER`, `JOIN`, `NULL`, `TRUE`, `CASE` FROM t;
SELECT "SELECT", "FROM", "AND", "OR", "NOT", "IN", "IS", "LIKE", "BETWEEN", "EMIT" FROM t;
SELECT `a``b`, "a""b", `a"b`, "a`b" FROM t;
SELECT `ünïcödé`, "列名", `☃`, "naïve café" FROM `表`;
SELECT `` FROM t WHERE "" IS NULL;
SELECT t.`Col`, `T`.col, "T"."COL" FROM t;
SELECT a AS `a`, b AS "B", c AS C FROM t;
SELECT _ FROM _;
SELECT a_1_b, A_1_B, __ FROM t_1;
SELECT 1a, 2_b, 3abc FROM t;
SELECT key, value, type, topic, partition, window, session, size, advance, retention, grace, period FROM t;
SELECT time, zone, at, date, timestamp, decimal, array, map, struct, interval, final, changes FROM t;
SELECT second, seconds, minute, minutes, hour, hours, day, days, millisecond, milliseconds FROM t;
SELECT show, list, describe, explain, terminate, pause, resume, set, unset, define, undefine, run, script FROM t;
SELECT add, column, alter, system, assert, schema, subject, id, timeout, delete, if, replace, source, sink FROM t;
SELECT stream, streams, table, tables, queries, topics, functions, function, properties, types, variables FROM t;
SELECT extended, beginning, sample, print, headers, header, primary, connector, connectors, plugins FROM t;
SELECT t.key, t.time, t.window FROM t;
SELECT key AS type, topic AS window FROM t;
SELECT COUNT(key), MAX(time) FROM t GROUP BY key;
SELECT * FROM t WHERE key = 'k' AND type IN ('a', 'b') AND time IS NOT NULL;
SELECT * FROM stream;
SELECT * FROM table t;
SELECT * FROM key JOIN value ON key.id = value.id;

-- Strings.
SELECT 'ÄÖÜ äöü ß', 'çà é è ê', 'Ωμέγα', 'Привет, мир', '你好，世界', 'こんにちは', 'مرحبا', '☀ ☁ ☂ ★ ♞ ✓' FROM t;
SELECT '' || '' FROM t;
SELECT '''quoted''' FROM t;

SELECT 'semi;colon;inside' FROM t;
SELECT 'line1
line2;still the same string' FROM t;

-- Case of keywords.
select A from T where A > 1 emit changes;
SELECT a FROM t WHERE b IS NOT NULL EMIT CHANGES;
sElEcT a fRoM t wHeRe b iS nOt NuLl eMiT cHaNgEs;
