-- Sluice statement corpus: every expression form, one or a few per statement.
-- Written for Sluice's own tests. Licensed under the Apache License, Version 2.0.

-- Logic and precedence.
SELECT a AND b OR c FROM t;
SELECT a OR b AND c FROM t;
SELECT (a OR b) AND c FROM t;
SELECT NOT a AND NOT b FROM t;
SELECT NOT NOT a FROM t;
SELECT NOT (a OR b) FROM t;
SELECT a = 1 AND b <> 2 AND c != 3 AND d < 4 AND e <= 5 AND f > 6 AND g >= 7 FROM t;
SELECT (a = b) = c FROM t;
SELECT a = (b = c) FROM t;
SELECT x = TRUE, y = FALSE, z IS NULL FROM t;

-- Predicates.
SELECT * FROM t WHERE a BETWEEN 1 AND 10;
SELECT * FROM t WHERE a NOT BETWEEN -10 AND -1;
SELECT * FROM t WHERE a BETWEEN b + 1 AND c * 2 AND d > 0;
SELECT * FROM t WHERE s BETWEEN 'a' AND 'm';
SELECT * FROM t WHERE a IN (1);
SELECT * FROM t WHERE a IN (1, 2, 3, -4);
SELECT * FROM t WHERE a NOT IN (b, c + 1, ABS(d));
SELECT * FROM t WHERE s IN ('x', 'y''z', '');
SELECT * FROM t WHERE s LIKE '%foo%';
SELECT * FROM t WHERE s NOT LIKE 'a_c';
SELECT * FROM t WHERE s LIKE '50!%' ESCAPE '!';
SELECT * FROM t WHERE s NOT LIKE '%!_%' ESCAPE '!';
SELECT * FROM t WHERE s LIKE CONCAT(prefix, '%');
SELECT * FROM t WHERE a IS NULL;
SELECT * FROM t WHERE a IS NOT NULL;
SELECT * FROM t WHERE a IS DISTINCT FROM b;
SELECT * FROM t WHERE a IS NOT DISTINCT FROM b + 1;
SELECT * FROM t WHERE NOT a IS NULL;

-- Arithmetic, signs and concatenation.
SELECT a + b - c FROM t;
SELECT a - (b - c) FROM t;
SELECT a * b / c % d FROM t;
SELECT a + b * c FROM t;
SELECT (a + b) * c FROM t;
SELECT -a, +a, - a, -(a + b), -(-a) FROM t;
SELECT a - -1, a + -1, a * -1, a / -2.5 FROM t;
SELECT -5, -0, -1.5, -0.001, -2.5E-3, -1E10, +7 FROM t;
SELECT -2147483648, 2147483647, 2147483648, -9223372036854775808, 9223372036854775807 FROM t;
SELECT -(5), -(-5), - -5 FROM t;
SELECT a || b || 'c' FROM t;
SELECT a || b + c FROM t;
SELECT (a || b) + c FROM t;
SELECT s || '-' || CAST(n AS STRING) FROM t;
SELECT a % 2 = 0 FROM t;

-- Numbers: integers, decimals with scale, doubles.
SELECT 0, 1, 42, 007 FROM t;
SELECT 1.0, 1.50, 123.4500, 0.000001, .5, 5., 10.00 FROM t;
SELECT 99999999999999999999.99, 12345678901234567890123456789012345678., 1234567890.0987654321 FROM t WHERE FALSE;
SELECT 1E3, 1e3, 1.5E3, 2e-1, 6.02E+23, .5E1, 5.E2 FROM t;
SELECT DECIMAL '1.50', DECIMAL '-0.001', decimal '12' FROM t;

-- Strings, including unicode and escapes.
SELECT 'plain', '', 'it''s', '''', 'two '' quotes '' here' FROM t;
SELECT 'héllo wörld', 'ñandú', 'Ελληνικά', 'русский', '日本語のテキスト', '한국어', 'עברית' FROM t;
SELECT '★ star', '∑ ≠ ∞', 'tab	inside', 'back\slash', 'percent % and underscore _' FROM t;
SELECT 'multi
line
string' FROM t;
SELECT '-- not a comment', '/* not a comment */', '${not_a_variable_in_a_string_is_still_substituted_if_defined}' FROM t;

-- Typed literals and time.
SELECT DATE '2024-01-31', TIME '12:30:00', TIMESTAMP '2024-01-31T12:30:00.123' FROM t;
SELECT * FROM t WHERE d > DATE '2020-01-01' AND ts <= TIMESTAMP '2030-12-31T23:59:59';
SELECT ts AT TIME ZONE 'UTC' FROM t;
SELECT ts AT TIME ZONE 'America/Los_Angeles', -ts AT TIME ZONE 'UTC' FROM t;
SELECT FORMAT_TIMESTAMP(ts AT TIME ZONE 'Europe/Paris', 'yyyy-MM-dd') FROM t;
SELECT TIMESTAMPADD(MILLISECONDS, 5, ts), TIMESTAMPSUB(SECONDS, 10, ts) FROM t;
SELECT DATEADD(DAYS, 1, d), DATESUB(DAY, 7, d), TIMEADD(HOURS, 2, tm), TIMESUB(MINUTE, 30, tm) FROM t;
SELECT TIMESTAMPADD(MILLISECOND, -5, ts), TIMESTAMPADD(HOUR, 1, ts), TIMESTAMPADD(MINUTES, 1, ts) FROM t;
SELECT F(first, second), ABS(seconds), G(`SECONDS`, 1) FROM t;
SELECT UNIX_TIMESTAMP(), UNIX_DATE(), NOW() FROM t;

-- CASE.
SELECT CASE WHEN a > 0 THEN 'positive' WHEN a < 0 THEN 'negative' ELSE 'zero' END FROM t;
SELECT CASE WHEN a IS NULL THEN 0 END FROM t;
SELECT CASE a WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END FROM t;
SELECT CASE a + 1 WHEN b THEN c END FROM t;
SELECT CASE WHEN CASE WHEN a THEN b ELSE c END THEN 1 ELSE 2 END FROM t;
SELECT CASE s WHEN 'x' THEN CASE WHEN n > 1 THEN 'x>1' ELSE 'x<=1' END ELSE NULL END FROM t;
SELECT CASE WHEN a BETWEEN 1 AND 2 OR b IN (3, 4) THEN a || b END AS label FROM t;

-- CAST.
SELECT CAST(a AS STRING), CAST(a AS VARCHAR), CAST(a AS INT), CAST(a AS INTEGER), CAST(a AS BIGINT) FROM t;
SELECT CAST(a AS DOUBLE), CAST(a AS BOOLEAN), CAST(a AS BYTES), CAST(a AS DATE), CAST(a AS TIME), CAST(a AS TIMESTAMP) FROM t;
SELECT CAST(a AS DECIMAL(10, 2)), CAST('1.23456' AS DECIMAL(38, 5)), CAST(-1 AS DECIMAL(1, 0)) FROM t;
SELECT CAST(a AS ARRAY<STRING>), CAST(m AS MAP<STRING, BIGINT>), CAST(s AS STRUCT<x INT, y ARRAY<DOUBLE>>) FROM t;
SELECT CAST(CAST(a AS STRING) AS INT) FROM t;
SELECT CAST(a AS address) FROM t;

-- Constructors, subscripts and dereference.
SELECT ARRAY[1, 2, 3], ARRAY['a'], ARRAY[] FROM t;
SELECT ARRAY[ARRAY[1, 2], ARRAY[3]], ARRAY[MAP('k' := 1)], ARRAY[STRUCT(a := 1)] FROM t;
SELECT MAP('a' := 1, 'b' := 2), MAP(), MAP(k := v), MAP(1 + 1 := ARRAY[x]) FROM t;
SELECT STRUCT(name := 'n', age := 3), STRUCT(), STRUCT(nested := STRUCT(deep := 1.5)) FROM t;
SELECT STRUCT(`Quoted Field` := 1, "other" := 2, key := 3) FROM t;
SELECT arr[1], arr[-1], arr[i + 1], m['key'], m[k], matrix[1][2] FROM t;
SELECT address->city, address->geo->lat, n.address->street FROM nested n;
SELECT events[1]->name, events[1]->attrs['k'], lookup['a']['b'] FROM nested;
SELECT ARRAY[1, 2][1], MAP('a' := 1)['a'], STRUCT(f := 1)->f FROM t;
SELECT (a)->b, (ARRAY[1])[1] FROM t;
SELECT s->`Quoted Field`, s->"other", s->key, s->type FROM t;

-- Function calls.
SELECT ABS(a), ROUND(b, 2), CEIL(c), FLOOR(d), SQRT(e), LN(f), EXP(g) FROM t;
SELECT COUNT(*), COUNT(a), COUNT(DISTINCT a), SUM(DISTINCT b) FROM t GROUP BY k;
SELECT f(), g(1), h(1, 2, 3), ucase(s), UCase(s), `ucase`(s) FROM t;
SELECT COALESCE(a, b, c), IFNULL(a, 0), NULLIF(a, b) FROM t;
SELECT SUBSTRING(s, 1, 3), REPLACE(s, 'a', 'b'), SPLIT(s, ','), LEN(s), TRIM(s), INSTR(s, 'x') FROM t;
SELECT EXTRACTJSONFIELD(json, '$.a.b[0]'), JSON_ARRAY_LENGTH(json) FROM t;
SELECT ARRAY_CONTAINS(ARRAY[1, 2], 1), ARRAY_DISTINCT(arr), MAP_KEYS(m), MAP_VALUES(m), ENTRIES(m, true) FROM t;
SELECT GREATEST(a, b, c), LEAST(-1, 0, 1) FROM t;
SELECT MAP(1 := 2)[1], f(a)[1], f(a)->b FROM t;

-- Lambdas.
SELECT TRANSFORM(arr, x => x + 1) FROM t;
SELECT TRANSFORM(arr, (x) => x * 2) FROM t;
SELECT TRANSFORM(m, (k, v) => UCASE(k), (k, v) => v * 10) FROM t;
SELECT FILTER(arr, x => x > 0 AND x < 10) FROM t;
SELECT FILTER(m, (k, v) => k LIKE 'a%' OR v IS NULL) FROM t;
SELECT REDUCE(arr, 0, (acc, x) => acc + x) FROM t;
SELECT REDUCE(m, '', (s, k, v) => s || k || CAST(v AS STRING)) FROM t;
SELECT TRANSFORM(TRANSFORM(arr, x => x + 1), y => y * 2) FROM t;
SELECT TRANSFORM(nested_arr, inr => TRANSFORM(inr, x => x - 1)) FROM t;
SELECT TRANSFORM(arr, x => CASE WHEN x > 0 THEN 'p' ELSE 'n' END) FROM t;
SELECT TRANSFORM(arr, x => STRUCT(v := x, w := x->f)) FROM t;
SELECT TRANSFORM(arr, `X` => `X` + 1), TRANSFORM(arr, key => key) FROM t;
SELECT FILTER(arr, x => x IN (1, 2, 3)) FROM t WHERE ARRAY_LENGTH(FILTER(arr, x => x IS NOT NULL)) > 0;
