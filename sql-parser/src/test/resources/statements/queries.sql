-- Sluice statement corpus: queries (pull and push, every clause) and query lifecycle statements.
-- Written for Sluice's own tests. Licensed under the Apache License, Version 2.0.

SELECT * FROM orders;
SELECT * FROM orders EMIT CHANGES;
SELECT * FROM orders_by_customer EMIT FINAL;
SELECT order_id FROM orders;
SELECT order_id, customer, amount FROM orders EMIT CHANGES;
select order_id, customer from orders emit changes;
SeLeCt Order_Id FrOm Orders;
SELECT o.* FROM orders o EMIT CHANGES;
SELECT o.*, c.name FROM orders AS o JOIN customers AS c ON o.customer = c.customer_id EMIT CHANGES;
SELECT address->* FROM nested EMIT CHANGES;
SELECT n.address->geo->* FROM nested n;
SELECT order_id AS id, amount total FROM orders;
SELECT order_id id FROM orders o;
SELECT amount AS `Amount In Euro` FROM orders;
SELECT amount AS "Amount In Dollars" FROM orders;
SELECT 1 FROM orders;
SELECT 'constant', 2.5, TRUE, NULL FROM orders;
SELECT * FROM orders LIMIT 10;
SELECT * FROM orders EMIT CHANGES LIMIT 1;
SELECT * FROM orders WHERE amount > 10 LIMIT 0;
SELECT * FROM orders WHERE customer = 'alice';
SELECT * FROM orders WHERE customer = 'alice' AND amount > 10 OR amount < 0;
SELECT * FROM orders WHERE NOT (amount > 10);
SELECT * FROM orders WHERE customer IS NOT NULL EMIT CHANGES;
SELECT * FROM customers WHERE customer_id = 'c-1';
SELECT * FROM customers WHERE customer_id IN ('c-1', 'c-2', 'c-3');
SELECT * FROM customers WHERE ROWTIME >= '2024-01-01T00:00:00' AND ROWTIME < '2024-02-01';
SELECT customer, COUNT(*) FROM orders GROUP BY customer EMIT CHANGES;
SELECT customer, COUNT(*) AS n FROM orders GROUP BY customer HAVING COUNT(*) > 2 EMIT CHANGES;
SELECT customer, SUM(amount) FROM orders WHERE amount > 0 GROUP BY customer HAVING SUM(amount) > 1000 EMIT CHANGES LIMIT 5;
SELECT customer, order_id, COUNT(*) FROM orders GROUP BY customer, order_id EMIT CHANGES;
SELECT LCASE(customer), COUNT(*) FROM orders GROUP BY LCASE(customer) EMIT CHANGES;
SELECT (amount > 100), COUNT(*) FROM orders GROUP BY (amount > 100) EMIT CHANGES;
SELECT amount * 2, COUNT(*) FROM orders GROUP BY amount * 2 EMIT CHANGES;
SELECT COUNT(DISTINCT customer) FROM orders GROUP BY 1 EMIT CHANGES;
SELECT customer, COLLECT_LIST(order_id), COLLECT_SET(amount), TOPK(amount, 3), EARLIEST_BY_OFFSET(order_id),
  LATEST_BY_OFFSET(amount, 2), HISTOGRAM(customer), AVG(amount), MIN(amount), STDDEV_SAMPLE(amount)
FROM orders GROUP BY customer EMIT CHANGES;
SELECT * FROM orders PARTITION BY customer EMIT CHANGES;
SELECT customer, amount FROM orders WHERE amount > 5 PARTITION BY amount EMIT CHANGES;
SELECT * FROM orders WHERE ROWTIME > 0 PARTITION BY customer, order_id EMIT CHANGES LIMIT 100;
SELECT ROWTIME, ROWPARTITION, ROWOFFSET, order_id FROM orders EMIT CHANGES;
SELECT WINDOWSTART, WINDOWEND, customer, COUNT(*) FROM orders WINDOW TUMBLING (SIZE 1 HOUR) GROUP BY customer EMIT CHANGES;
SELECT * FROM order_counts WHERE customer = 'alice' AND WINDOWSTART >= 0 AND WINDOWEND <= 1700000000000;
SELECT
  customer,
  COUNT(*) AS n
FROM orders
WINDOW TUMBLING (SIZE 30 SECONDS)
WHERE amount > 0
GROUP BY customer
HAVING COUNT(*) >= 1
EMIT FINAL
LIMIT 3;
SELECT * FROM `Quoted Stream` WHERE `select` = 1 AND "where" = 2;
SELECT `Mixed Case`, `from` FROM `Quoted Stream` EMIT CHANGES;
SELECT key, type, topic, window, session, time, zone, size, source, value, id, schema FROM keyword_columns;
SELECT second, seconds, day, hour, minute, at, map, array, struct, interval, partition, final, changes, grace, period FROM more_keyword_columns;
SELECT keyword_columns.key, keyword_columns.type FROM keyword_columns;
SELECT kc.window FROM keyword_columns kc WHERE kc.time IS NULL;
SELECT * FROM keyword_columns AS session;
SELECT "Double Quoted"."Key Column" FROM "Double Quoted";
SELECT `a``b` FROM backtick_escape;
SELECT _id, __v FROM _underscore_start;
SELECT c1 AS 1st, c_2 AS 2nd FROM digits1;
SELECT `1st` FROM renamed;
EXPLAIN SELECT * FROM orders EMIT CHANGES;
EXPLAIN SELECT customer, COUNT(*) FROM orders GROUP BY customer;
EXPLAIN CREATE STREAM big_orders_2 AS SELECT * FROM orders WHERE amount > 100;
EXPLAIN CREATE TABLE counts_2 AS SELECT customer, COUNT(*) FROM orders GROUP BY customer;
EXPLAIN INSERT INTO big_orders SELECT * FROM orders;
EXPLAIN CSAS_BIG_ORDERS_3;
EXPLAIN ctas_order_counts_7;
TERMINATE CSAS_BIG_ORDERS_3;
TERMINATE ALL;
terminate query_with_lower_case;
TERMINATE `INSERTQUERY_1`;
PAUSE CSAS_BIG_ORDERS_3;
PAUSE ALL;
RESUME CSAS_BIG_ORDERS_3;
RESUME ALL;
SELECT *
  FROM orders -- a trailing comment here
  WHERE amount > 1 /* and an inline one */ EMIT CHANGES;
SELECT * FROM orders WHERE customer = 'semi;colon' AND customer <> ';';
SELECT customer AS "semi;colon" FROM orders;
SELECT /* ; */ order_id FROM orders -- ; not a separator
;
SELECT * FROM orders WHERE customer LIKE 'a%' EMIT CHANGES;
SELECT * FROM orders WHERE amount BETWEEN 10 AND 20 EMIT CHANGES;
SELECT * FROM orders WHERE amount NOT BETWEEN 10 AND 20 AND customer NOT IN ('x') EMIT CHANGES;
SELECT * FROM orders WHERE customer IS DISTINCT FROM 'x';
SELECT AS_VALUE(customer) AS c, customer FROM orders GROUP BY customer EMIT CHANGES;
