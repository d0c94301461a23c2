-- Sluice statement corpus: DEFINE / UNDEFINE and ${var} substitution. The statements are parsed as one
-- script, in order, so later statements see the variables defined earlier.
-- Written for Sluice's own tests. Licensed under the Apache License, Version 2.0.

DEFINE source_name = 'orders';
DEFINE topic = 'orders_topic';
DEFINE format = 'JSON';
DEFINE threshold = '100';
DEFINE column_list = 'order_id, customer';
DEFINE where_clause = 'amount > 10 AND customer IS NOT NULL';
define lower_case_var = 'customer';
DEFINE quoted_value = 'it''s';
DEFINE unicode_value = 'grüße ★';
DEFINE empty = '';
CREATE STREAM ${source_name}_copy (id INT KEY, v STRING) WITH (KAFKA_TOPIC='${topic}', VALUE_FORMAT='${format}');
SELECT * FROM ${source_name} WHERE amount > ${threshold} EMIT CHANGES;
SELECT ${column_list} FROM ${source_name};
SELECT * FROM ${source_name} WHERE ${where_clause};
SELECT ${LOWER_CASE_VAR} FROM orders;
SELECT * FROM orders WHERE customer = '${quoted_value}';
SELECT '${unicode_value}' AS greeting FROM orders;
SELECT 'prefix-${empty}-suffix' FROM orders;
SELECT * FROM orders LIMIT ${threshold};
INSERT INTO ${source_name} (order_id, customer) VALUES (${threshold}, '${lower_case_var}');
PRINT '${topic}' FROM BEGINNING LIMIT ${threshold};
SELECT `${source_name}` FROM orders;
SELECT 1 /* ${not_defined} in a comment is left alone */ FROM orders -- and ${here}
;
UNDEFINE threshold;
UNDEFINE lower_case_var;
SHOW VARIABLES;
DEFINE threshold = '5';
SELECT * FROM orders WHERE amount > ${threshold};
