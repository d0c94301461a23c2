-- Joins: stream-table with re-keying, stream-stream, table-table, foreign key.
CREATE STREAM orders (id BIGINT KEY, customer STRING, amount DOUBLE)
  WITH (kafka_topic='orders', value_format='JSON', partitions=1);
CREATE TABLE customers (id STRING PRIMARY KEY, name STRING, country STRING)
  WITH (kafka_topic='customers', value_format='JSON', partitions=1);
CREATE STREAM shipments (order_id BIGINT KEY, carrier STRING)
  WITH (kafka_topic='shipments', value_format='JSON', partitions=1);
CREATE TABLE countries (code STRING PRIMARY KEY, region STRING)
  WITH (kafka_topic='countries', value_format='JSON', partitions=1);
CREATE STREAM enriched AS SELECT o.customer, o.id, c.name, o.amount
  FROM orders o LEFT JOIN customers c ON o.customer = c.id;
CREATE STREAM shipped AS SELECT o.id, o.amount, s.carrier
  FROM orders o JOIN shipments s WITHIN (0 SECONDS, 1 HOUR) GRACE PERIOD 1 MINUTE ON o.id = s.order_id;
CREATE TABLE customer_regions AS SELECT c.id, c.name, n.region
  FROM customers c JOIN countries n ON c.country = n.code;
CREATE TABLE accounts (id STRING PRIMARY KEY, balance DOUBLE)
  WITH (kafka_topic='accounts', value_format='JSON', partitions=1);
CREATE TABLE balances AS SELECT ROWKEY AS id, c.name, a.balance
  FROM customers c FULL OUTER JOIN accounts a ON c.id = a.id;
