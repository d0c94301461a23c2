-- Sluice statement corpus: types (CREATE TYPE / DROP TYPE and every type form in columns and casts).
-- Written for Sluice's own tests. Licensed under the Apache License, Version 2.0.

CREATE TYPE address AS STRUCT<street STRING, city STRING, zip STRING>;
CREATE TYPE point AS STRUCT<x DOUBLE, y DOUBLE>;
CREATE TYPE IF NOT EXISTS point AS STRUCT<x DOUBLE, y DOUBLE>;
CREATE TYPE polygon AS ARRAY<point>;
CREATE TYPE money AS DECIMAL(19, 4);
CREATE TYPE tiny_decimal AS DECIMAL(1, 0);
CREATE TYPE full_scale AS DECIMAL(5, 5);
CREATE TYPE label AS STRING;
CREATE TYPE counter AS BIGINT;
CREATE TYPE flags AS MAP<STRING, BOOLEAN>;
CREATE TYPE empty_struct AS STRUCT<>;
CREATE TYPE deep AS STRUCT<a STRUCT<b STRUCT<c STRUCT<d ARRAY<MAP<STRING, ARRAY<STRUCT<e INT>>>>>>>>;
CREATE TYPE `Mixed Case Type` AS STRUCT<`Field One` INT, "Field Two" STRING>;
CREATE TYPE keyword_fields AS STRUCT<key STRING, value BYTES, type INT, window INT, time TIME, map INT>;
CREATE TYPE uses_named AS STRUCT<home address, corners ARRAY<point>, price money>;
CREATE TYPE date_like AS STRUCT<d DATE, t TIME, ts TIMESTAMP, b BYTES>;
create type lower_case as struct<a int, b varchar, c integer>;
DROP TYPE address;
DROP TYPE IF EXISTS point;
DROP TYPE `Mixed Case Type`;
CREATE STREAM typed (
  a ARRAY<INT>,
  b ARRAY<ARRAY<ARRAY<STRING>>>,
  c MAP<STRING, INT>,
  d MAP<INT, STRING>,
  e MAP<STRING, STRUCT<x INT, y ARRAY<MAP<STRING, DOUBLE>>>>,
  f STRUCT<inside STRUCT<value DECIMAL(4, 2)>>,
  g ARRAY<DECIMAL(10, 0)>,
  h ARRAY<STRUCT<>>,
  i MAP<STRING, ARRAY<BYTES>>,
  j ARRAY<TIMESTAMP>,
  k MAP<STRING, DATE>,
  l STRUCT<t TIME>,
  m point,
  n ARRAY<money>,
  o `Mixed Case Type`
) WITH (KAFKA_TOPIC='typed', VALUE_FORMAT='JSON');
CREATE STREAM spaced_types (a ARRAY < INT >, b MAP < STRING , INT >, c STRUCT < x INT , y INT >, d DECIMAL ( 3 , 1 ))
  WITH (KAFKA_TOPIC='spaced', VALUE_FORMAT='JSON');
CREATE STREAM tight_types (a ARRAY<MAP<STRING,ARRAY<INT>>>,b STRUCT<x INT,y STRUCT<z INT>>) WITH (KAFKA_TOPIC='tight',VALUE_FORMAT='JSON');
SELECT CAST(x AS ARRAY<ARRAY<INT>>), CAST(y AS MAP<STRING, ARRAY<DECIMAL(10, 3)>>) FROM t;
SELECT CAST(z AS STRUCT<a INT, b STRUCT<c STRING>>), CAST(w AS STRUCT<>) FROM t;
SELECT CAST(v AS polygon), CAST(u AS `Mixed Case Type`) FROM t;
ALTER STREAM typed ADD COLUMN p ARRAY<STRUCT<q INT, r MAP<STRING, DECIMAL(2, 1)>>>;
