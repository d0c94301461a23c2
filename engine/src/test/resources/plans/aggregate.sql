-- GROUP BY over a stream and a table, with HAVING, and windowed aggregations.
CREATE STREAM orders (id BIGINT KEY, customer STRING, amount DOUBLE)
  WITH (kafka_topic='orders', value_format='JSON', partitions=1);
CREATE TABLE totals AS SELECT customer, COUNT(*) AS n, SUM(amount) AS total, AVG(amount) AS mean,
  COLLECT_LIST(id) AS ids FROM orders GROUP BY customer HAVING COUNT(*) > 1;
CREATE TABLE per_minute AS SELECT customer, COUNT(*) AS n, WINDOWSTART AS ws FROM orders
  WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 10 SECONDS) GROUP BY customer;
CREATE TABLE sessions AS SELECT customer, MAX(amount) AS top FROM orders
  WINDOW SESSION (5 MINUTES) GROUP BY customer EMIT FINAL;
CREATE TABLE customers (id STRING PRIMARY KEY, tier STRING, credit DOUBLE)
  WITH (kafka_topic='customers', value_format='JSON', partitions=1);
CREATE TABLE per_tier AS SELECT tier, COUNT(*) AS n, SUM(credit) AS credit FROM customers GROUP BY tier;
