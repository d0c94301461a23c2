-- Table functions (a FlatMap step) and header columns.
CREATE STREAM baskets (id STRING KEY, items ARRAY<STRING>, trace BYTES HEADER('trace'))
  WITH (kafka_topic='baskets', value_format='JSON', partitions=1);
CREATE STREAM items AS SELECT id, EXPLODE(items) AS item, trace FROM baskets;
CREATE STREAM copies (id STRING KEY, item STRING, trace BYTES) WITH (kafka_topic='copies', value_format='JSON', partitions=1);
INSERT INTO copies SELECT id, item, trace FROM items;
