-- Sluice statement corpus: joins (every type, n-way, WITHIN, GRACE PERIOD) and windows.
-- Written for Sluice's own tests. Licensed under the Apache License, Version 2.0.

SELECT * FROM orders o JOIN customers c ON o.customer = c.customer_id EMIT CHANGES;
SELECT * FROM orders o INNER JOIN customers c ON o.customer = c.customer_id EMIT CHANGES;
SELECT * FROM orders o LEFT JOIN customers c ON o.customer = c.customer_id EMIT CHANGES;
SELECT * FROM orders o LEFT OUTER JOIN customers c ON o.customer = c.customer_id EMIT CHANGES;
SELECT * FROM orders o RIGHT JOIN customers c ON o.customer = c.customer_id EMIT CHANGES;
SELECT * FROM orders o RIGHT OUTER JOIN customers c ON o.customer = c.customer_id EMIT CHANGES;
SELECT * FROM customers a FULL JOIN regions b ON a.tier = b.region_id EMIT CHANGES;
SELECT * FROM customers a FULL OUTER JOIN regions b ON a.tier = b.region_id EMIT CHANGES;
SELECT * FROM orders JOIN customers ON orders.customer = customers.customer_id;
SELECT * FROM orders AS o JOIN customers AS c ON o.customer = c.customer_id AND c.tier > 1 EMIT CHANGES;
SELECT o.order_id, c.name, r.label
FROM orders o
  JOIN customers c ON o.customer = c.customer_id
  LEFT JOIN regions r ON c.tier = r.region_id
EMIT CHANGES;
SELECT *
FROM a
  JOIN b WITHIN 1 HOUR ON a.id = b.id
  LEFT JOIN c WITHIN 5 MINUTES ON a.id = c.id
  FULL OUTER JOIN d WITHIN 10 SECONDS GRACE PERIOD 2 SECONDS ON a.id = d.id
  RIGHT JOIN e ON a.id = e.id
EMIT CHANGES;
SELECT * FROM clicks c JOIN views v WITHIN 10 SECONDS ON c.session_id = v.session_id EMIT CHANGES;
SELECT * FROM clicks c JOIN views v WITHIN 1 MILLISECOND ON c.session_id = v.session_id EMIT CHANGES;
SELECT * FROM clicks c JOIN views v WITHIN 2 DAYS ON c.session_id = v.session_id EMIT CHANGES;
SELECT * FROM clicks c JOIN views v WITHIN (1 SECOND, 5 SECONDS) ON c.session_id = v.session_id EMIT CHANGES;
SELECT * FROM clicks c JOIN views v WITHIN (0 MILLISECONDS, 1 DAY) ON c.session_id = v.session_id EMIT CHANGES;
SELECT * FROM clicks c LEFT JOIN views v WITHIN 10 SECONDS GRACE PERIOD 0 SECONDS ON c.session_id = v.session_id EMIT CHANGES;
SELECT * FROM clicks c LEFT JOIN views v WITHIN (1 MINUTE, 2 MINUTES) GRACE PERIOD 30 SECONDS ON c.session_id = v.session_id EMIT CHANGES;
SELECT * FROM clicks c FULL OUTER JOIN views v WITHIN 1 HOURS GRACE PERIOD 1 HOUR ON c.session_id = v.session_id EMIT CHANGES;
SELECT * FROM clicks c JOIN views v WITHIN 500 MILLISECONDS ON c.session_id = v.session_id WHERE c.url LIKE '%/cart%' EMIT CHANGES;
SELECT * FROM clicks c JOIN views v ON c.session_id = v.session_id PARTITION BY c.url EMIT CHANGES;
SELECT * FROM orders o JOIN customers c ON ((o.customer = c.customer_id)) EMIT CHANGES;
SELECT * FROM orders o JOIN customers c ON o.customer = UCASE(c.customer_id) EMIT CHANGES;
SELECT * FROM `Left Side` l JOIN "Right Side" r ON l.`Id` = r."Id" EMIT CHANGES;
SELECT * FROM orders `o` JOIN customers "c" ON `o`.customer = "c".customer_id EMIT CHANGES;
CREATE STREAM enriched AS
  SELECT o.order_id, o.amount, c.name AS customer_name
  FROM orders o LEFT JOIN customers c ON o.customer = c.customer_id
  EMIT CHANGES;
CREATE TABLE joined_tables AS SELECT a.id, b.v FROM ta a JOIN tb b ON a.id = b.id;
CREATE TABLE fk_join AS SELECT a.id, b.v FROM ta a JOIN tb b ON a.fk = b.id;
INSERT INTO enriched SELECT o.order_id, o.amount, c.name FROM orders o JOIN customers c ON o.customer = c.customer_id;

-- Windows.
SELECT k, COUNT(*) FROM s WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY k EMIT CHANGES;
SELECT k, COUNT(*) FROM s WINDOW TUMBLING (SIZE 1 MINUTES) GROUP BY k EMIT CHANGES;
SELECT k, COUNT(*) FROM s WINDOW TUMBLING (SIZE 100 MILLISECONDS) GROUP BY k EMIT CHANGES;
SELECT k, COUNT(*) FROM s WINDOW TUMBLING (SIZE 1 DAY, RETENTION 7 DAYS) GROUP BY k EMIT CHANGES;
SELECT k, COUNT(*) FROM s WINDOW TUMBLING (SIZE 1 HOUR, GRACE PERIOD 10 MINUTES) GROUP BY k EMIT FINAL;
SELECT k, COUNT(*) FROM s WINDOW TUMBLING (SIZE 1 HOUR, RETENTION 2 DAYS, GRACE PERIOD 5 MINUTES) GROUP BY k EMIT CHANGES;
SELECT k, COUNT(*) FROM s WINDOW TUMBLING (SIZE 1 HOUR, GRACE PERIOD 5 MINUTES, RETENTION 2 DAYS) GROUP BY k EMIT CHANGES;
SELECT k, COUNT(*) FROM s WINDOW HOPPING (SIZE 10 SECONDS, ADVANCE BY 5 SECONDS) GROUP BY k EMIT CHANGES;
SELECT k, COUNT(*) FROM s WINDOW HOPPING (SIZE 1 HOUR, ADVANCE BY 1 MINUTE, RETENTION 1 DAY) GROUP BY k EMIT CHANGES;
SELECT k, COUNT(*) FROM s WINDOW HOPPING (SIZE 1 HOUR, ADVANCE BY 10 MINUTES, GRACE PERIOD 0 MILLISECONDS) GROUP BY k EMIT FINAL;
SELECT k, COUNT(*) FROM s WINDOW HOPPING (SIZE 2 HOURS, ADVANCE BY 30 MINUTES, GRACE PERIOD 1 MINUTE, RETENTION 3 DAYS) GROUP BY k EMIT CHANGES;
SELECT k, COUNT(*) FROM s WINDOW SESSION (30 SECONDS) GROUP BY k EMIT CHANGES;
SELECT k, COUNT(*) FROM s WINDOW SESSION (5 MINUTES, RETENTION 1 HOUR) GROUP BY k EMIT CHANGES;
SELECT k, COUNT(*) FROM s WINDOW SESSION (5 MINUTES, GRACE PERIOD 1 MINUTE) GROUP BY k EMIT FINAL;
SELECT k, COUNT(*) FROM s WINDOW SESSION (1 DAY, RETENTION 7 DAYS, GRACE PERIOD 1 HOUR) GROUP BY k EMIT CHANGES;
select k, count(*) from s window tumbling (size 1 second) group by k emit changes;
SELECT k, COUNT(*) FROM s WINDOW TUMBLING (SIZE 10 SECONDS) WHERE v > 0 GROUP BY k HAVING COUNT(*) > 1 EMIT CHANGES LIMIT 10;
SELECT WINDOWSTART AS ws, WINDOWEND AS we, k, SUM(v) FROM s WINDOW HOPPING (SIZE 1 MINUTE, ADVANCE BY 10 SECONDS) GROUP BY k EMIT CHANGES;
SELECT c.k, COUNT(*) FROM s c JOIN t d WITHIN 1 MINUTE ON c.k = d.k WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY c.k EMIT CHANGES;
CREATE TABLE per_minute AS SELECT k, COUNT(*) AS n FROM s WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY k;
CREATE TABLE per_session WITH (KAFKA_TOPIC='per_session') AS SELECT k, COUNT(*) AS n FROM s WINDOW SESSION (60 SECONDS) GROUP BY k EMIT CHANGES;
CREATE TABLE final_counts AS SELECT k, COUNT(*) AS n FROM s WINDOW TUMBLING (SIZE 1 HOUR, GRACE PERIOD 0 SECONDS) GROUP BY k EMIT FINAL;
