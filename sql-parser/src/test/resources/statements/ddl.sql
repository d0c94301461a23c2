-- Sluice statement corpus: data definition (CREATE / DROP / ALTER sources).
-- Written for Sluice's own tests; one statement per ';'. Licensed under the Apache License, Version 2.0.

CREATE STREAM orders (order_id BIGINT KEY, customer STRING, amount DECIMAL(12, 2), placed_at TIMESTAMP)
  WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=3);

CREATE TABLE customers (customer_id STRING PRIMARY KEY, name STRING, tier INT)
  WITH (KAFKA_TOPIC='customers', KEY_FORMAT='KAFKA', VALUE_FORMAT='AVRO');

create stream lower_case_words (id int key, txt varchar) with (kafka_topic='words', value_format='delimited');

CREATE OR REPLACE STREAM clicks (session_id STRING KEY, url STRING, ms BIGINT)
  WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON');

CREATE OR REPLACE TABLE inventory (sku STRING PRIMARY KEY, on_hand INT, reserved INT)
  WITH (KAFKA_TOPIC='inventory', VALUE_FORMAT='PROTOBUF');

CREATE SOURCE STREAM audit_log (event_id STRING KEY, body STRING)
  WITH (KAFKA_TOPIC='audit', VALUE_FORMAT='JSON');

CREATE SOURCE TABLE country_codes (code STRING PRIMARY KEY, country STRING)
  WITH (KAFKA_TOPIC='country_codes', VALUE_FORMAT='JSON');

CREATE STREAM IF NOT EXISTS metrics (host STRING KEY, cpu DOUBLE, mem DOUBLE)
  WITH (KAFKA_TOPIC='metrics', VALUE_FORMAT='JSON');

CREATE TABLE IF NOT EXISTS hosts (host STRING PRIMARY KEY, rack STRING)
  WITH (KAFKA_TOPIC='hosts', VALUE_FORMAT='JSON');

CREATE OR REPLACE SOURCE TABLE IF NOT EXISTS regions (region_id INT PRIMARY KEY, label STRING)
  WITH (KAFKA_TOPIC='regions', VALUE_FORMAT='JSON');

-- No column list: the schema comes from the Schema Registry.
CREATE STREAM registry_backed WITH (KAFKA_TOPIC='registry_backed', VALUE_FORMAT='AVRO');

CREATE TABLE registry_table WITH (KAFKA_TOPIC='registry_table', FORMAT='AVRO', VALUE_SCHEMA_ID=42);

-- No WITH clause at all.
CREATE STREAM bare (a INT);

CREATE STREAM one_column (only_value STRING) WITH (KAFKA_TOPIC='one', VALUE_FORMAT='KAFKA', WRAP_SINGLE_VALUE=false);

CREATE STREAM with_headers (k STRING KEY, v STRING, hdrs ARRAY<STRUCT<KEY STRING, VALUE BYTES>> HEADERS)
  WITH (KAFKA_TOPIC='with_headers', VALUE_FORMAT='JSON');

CREATE STREAM with_one_header (k STRING KEY, trace BYTES HEADER('trace-id'), tenant BYTES HEADER('tenant'))
  WITH (KAFKA_TOPIC='with_one_header', VALUE_FORMAT='JSON');

CREATE STREAM header_quote (k STRING KEY, h BYTES HEADER('it''s'))
  WITH (KAFKA_TOPIC='hq', VALUE_FORMAT='JSON');

CREATE STREAM timestamps (id BIGINT KEY, event_time STRING, v INT)
  WITH (KAFKA_TOPIC='ts', VALUE_FORMAT='JSON', TIMESTAMP='event_time', TIMESTAMP_FORMAT='yyyy-MM-dd''T''HH:mm:ssX');

CREATE STREAM numeric_props (id INT KEY) WITH (KAFKA_TOPIC='np', VALUE_FORMAT='JSON', PARTITIONS=12, REPLICAS=-1);

CREATE STREAM signed_props (id INT KEY) WITH (KAFKA_TOPIC='sp', VALUE_FORMAT='JSON', SOME_RATIO=+0.75, OTHER=-2.5E-3);

CREATE TABLE null_prop (id INT PRIMARY KEY) WITH (KAFKA_TOPIC='nullp', VALUE_FORMAT='JSON', KEY_SCHEMA_ID=NULL);

CREATE STREAM quoted_prop_names (id INT KEY) WITH ('kafka_topic'='qpn', 'value_format'='JSON');

CREATE STREAM bool_props (id INT KEY) WITH (KAFKA_TOPIC='bp', VALUE_FORMAT='JSON', WRAP_SINGLE_VALUE=TRUE);

CREATE STREAM delimited (id INT KEY, a STRING, b STRING)
  WITH (KAFKA_TOPIC='delim', VALUE_FORMAT='DELIMITED', VALUE_DELIMITER='|');

CREATE STREAM tab_delimited (id INT KEY, a STRING) WITH (KAFKA_TOPIC='tabs', VALUE_FORMAT='DELIMITED', VALUE_DELIMITER='TAB');

CREATE STREAM windowed_source (k STRING KEY, n BIGINT)
  WITH (KAFKA_TOPIC='ws', VALUE_FORMAT='JSON', WINDOW_TYPE='Tumbling', WINDOW_SIZE='30 SECONDS');

CREATE TABLE multi_key (a INT PRIMARY KEY, b STRING PRIMARY KEY, c DOUBLE)
  WITH (KAFKA_TOPIC='mk', KEY_FORMAT='JSON', VALUE_FORMAT='JSON');

CREATE STREAM all_types (
  k STRING KEY,
  b BOOLEAN,
  i INT,
  i2 INTEGER,
  l BIGINT,
  d DOUBLE,
  dec DECIMAL(38, 18),
  s STRING,
  vc VARCHAR,
  bs BYTES,
  dt DATE,
  tm TIME,
  ts TIMESTAMP
) WITH (KAFKA_TOPIC='all_types', VALUE_FORMAT='JSON');

CREATE STREAM keyword_columns (key STRING KEY, type STRING, topic STRING, window INT, session INT, time TIME,
  zone STRING, size INT, source STRING, value STRING, id INT, schema STRING)
  WITH (KAFKA_TOPIC='kw', VALUE_FORMAT='JSON');

CREATE STREAM more_keyword_columns (second INT, seconds INT, day INT, hour INT, minute INT, at INT, map INT,
  array INT, struct INT, interval INT, partition INT, final INT, changes INT, grace INT, period INT, retention INT)
  WITH (KAFKA_TOPIC='kw2', VALUE_FORMAT='JSON');

CREATE STREAM `Quoted Stream` (`Mixed Case` STRING KEY, `select` INT, `from` INT, "where" INT)
  WITH (KAFKA_TOPIC='quoted', VALUE_FORMAT='JSON');

CREATE STREAM "Double Quoted" ("Key Column" STRING KEY, "with ""quotes""" INT)
  WITH (KAFKA_TOPIC='dq', VALUE_FORMAT='JSON');

CREATE STREAM backtick_escape (`a``b` INT) WITH (KAFKA_TOPIC='bt', VALUE_FORMAT='JSON');

CREATE STREAM _underscore_start (_id INT KEY, __v STRING) WITH (KAFKA_TOPIC='us', VALUE_FORMAT='JSON');

CREATE STREAM digits1 (c1 INT, c_2 INT, c3_ INT) WITH (KAFKA_TOPIC='d1', VALUE_FORMAT='JSON');

CREATE STREAM nested (
  id STRING KEY,
  address STRUCT<street STRING, city STRING, geo STRUCT<lat DOUBLE, lon DOUBLE>>,
  tags ARRAY<STRING>,
  scores MAP<STRING, ARRAY<INT>>,
  matrix ARRAY<ARRAY<DOUBLE>>,
  lookup MAP<STRING, MAP<STRING, DECIMAL(5, 2)>>,
  events ARRAY<STRUCT<name STRING, at TIMESTAMP, attrs MAP<STRING, STRING>>>,
  empty STRUCT<>
) WITH (KAFKA_TOPIC='nested', VALUE_FORMAT='JSON');

CREATE STREAM named_type_user (id INT KEY, home address, work `ADDRESS`, points ARRAY<point>)
  WITH (KAFKA_TOPIC='ntu', VALUE_FORMAT='JSON');

CREATE STREAM as_select AS SELECT * FROM orders;

CREATE STREAM big_orders AS SELECT order_id, customer, amount FROM orders WHERE amount > 100.00 EMIT CHANGES;

CREATE STREAM big_orders_props WITH (KAFKA_TOPIC='big_orders', VALUE_FORMAT='AVRO', PARTITIONS=6, REPLICAS=3)
  AS SELECT * FROM orders WHERE amount >= 1000;

CREATE OR REPLACE STREAM replaced AS SELECT order_id, UCASE(customer) AS customer FROM orders;

CREATE STREAM IF NOT EXISTS maybe AS SELECT * FROM orders;

CREATE OR REPLACE TABLE IF NOT EXISTS totals_if AS SELECT customer, SUM(amount) AS total FROM orders GROUP BY customer;

CREATE TABLE order_counts AS
  SELECT customer, COUNT(*) AS n, SUM(amount) AS total, MAX(amount) AS biggest
  FROM orders
  GROUP BY customer
  EMIT CHANGES;

CREATE TABLE repartitioned WITH (KAFKA_TOPIC='rp', KEY_FORMAT='JSON') AS
  SELECT customer, COUNT(*) AS n FROM orders GROUP BY customer HAVING COUNT(*) > 10;

CREATE STREAM rekeyed AS SELECT * FROM orders PARTITION BY customer;

CREATE STREAM rekeyed_multi AS SELECT * FROM orders PARTITION BY customer, order_id EMIT CHANGES;

CREATE STREAM rekeyed_expr AS SELECT * FROM orders PARTITION BY UCASE(customer) + '-' + CAST(order_id AS STRING);

CREATE STREAM rekeyed_null AS SELECT * FROM orders PARTITION BY NULL;

INSERT INTO big_orders SELECT order_id, customer, amount FROM orders WHERE amount > 500;

INSERT INTO big_orders WITH (QUERY_ID='INSERTQUERY_1') SELECT order_id, customer, amount FROM orders EMIT CHANGES;

INSERT INTO orders VALUES (1, 'alice', 10.50, 1700000000000);

INSERT INTO orders (order_id, customer, amount) VALUES (2, 'bob', -3.25);

INSERT INTO orders (order_id, customer) VALUES (3, NULL);

INSERT INTO bare VALUES ();

INSERT INTO all_types (k, b, i, l, d, dec, s, dt, tm, ts) VALUES ('k', TRUE, -2147483648, -9223372036854775808,
  1.5E10, 0.000000000000000001, 'x', DATE '2024-02-29', TIME '23:59:59', TIMESTAMP '2024-02-29T23:59:59.999');

INSERT INTO nested (id, tags, scores, address) VALUES ('n1', ARRAY['a', 'b'], MAP('x' := ARRAY[1, 2]),
  STRUCT(street := 'Main St', city := 'Springfield', geo := STRUCT(lat := 1.25, lon := -0.5)));

INSERT INTO `Quoted Stream` (`Mixed Case`, `select`) VALUES ('m', 1);

INSERT INTO orders (order_id, customer, amount) VALUES (4, CONCAT('a', 'b'), 1 + 2 * 3);

DROP STREAM orders;

DROP TABLE customers;

DROP STREAM IF EXISTS clicks;

DROP TABLE IF EXISTS inventory DELETE TOPIC;

DROP STREAM audit_log DELETE TOPIC;

drop table if exists `Quoted Stream`;

ALTER STREAM metrics ADD COLUMN disk DOUBLE;

ALTER TABLE hosts ADD COLUMN datacenter STRING, ADD COLUMN tags ARRAY<STRING>;

ALTER STREAM metrics ADD net_in BIGINT, ADD net_out BIGINT, ADD COLUMN labels MAP<STRING, STRING>;

ALTER TABLE hosts ADD `Location` STRUCT<lat DOUBLE, lon DOUBLE>;
