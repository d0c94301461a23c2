-- Stateless projection and filter: one StreamCalc between source and sink.
CREATE STREAM pageviews (user_id STRING KEY, page STRING, duration_ms BIGINT, tags ARRAY<STRING>,
  meta STRUCT<agent STRING, ref STRING>) WITH (kafka_topic='pageviews', value_format='JSON', partitions=1);
CREATE STREAM slow_views AS
  SELECT user_id, UCASE(page) AS page, duration_ms / 1000.0 AS secs, tags[1] AS first_tag, meta->agent,
         CASE WHEN duration_ms > 5000 THEN 'slow' ELSE 'ok' END AS speed, CAST(tags AS STRING) AS tag_text
  FROM pageviews WHERE duration_ms > 500 AND page LIKE '/%';
CREATE STREAM lambdas AS
  SELECT user_id, TRANSFORM(tags, t => LCASE(t)) AS lower_tags, FILTER(tags, t => LEN(t) > 2) AS long_tags
  FROM pageviews;
