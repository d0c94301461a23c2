-- PARTITION BY: a named repartition, key columns first.
CREATE STREAM orders (id BIGINT KEY, customer STRING, amount DOUBLE)
  WITH (kafka_topic='orders', value_format='JSON', partitions=1);
CREATE STREAM orders_by_customer AS SELECT customer, id, amount FROM orders PARTITION BY customer;
CREATE STREAM orders_by_two WITH (key_format='JSON') AS SELECT customer, ABS(id) AS abs_id, amount FROM orders PARTITION BY customer, ABS(id);
