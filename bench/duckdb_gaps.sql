-- The benchmark's peer (issue 8): gold.gap_segment_touchpoint for one date computed by DuckDB
-- straight from the landing files, with the formulas of DESIGN.md §5 written in plain SQL. It
-- shares no code with the Spark pipeline; `bin/cxgap-bench` runs it through DuckDB's JDBC driver
-- and compares its result value by value with the Delta table.
--
-- The runner (io.cxgap.bench.DuckDbPeer) fills in before running:
--   ${customers_csv} ${customers_json} ${surveys_long_csv} ${surveys_json} ${surveys_wide_csv}
--   ${interactions_json} ${interactions_csv}  lists of landing files, each group classified by
--       extension and, for survey CSVs, by header (no touchpoint column = wide export); an empty
--       group gets one header-only file, so every read has a file to read
--   ${as_of} ${window_start} ${end_exclusive} ${window_days} ${min_respondents}
--   ${wide_exp_prefix} ${wide_perc_prefix}  the wide-export column prefixes
--   ${dimension_columns} ${dimension_names}  the segment dimensions as columns (segment, region,
--       tier) and as string literals ('segment', 'region', 'tier'); each must be a CRM column
-- and creates two small tables from conf/touchpoints.conf: touchpoint_lookup(key, touchpoint) of
-- lower-cased ids, names and aliases, and catalog(touchpoint, journey_stage, dimension,
-- target_gap). Statements end with ';' at a line end. At the line '-- @@ t975' the runner stops,
-- creates t975(responses, t) with Student's t(0.975, responses - 1) for each distinct cell size
-- of survey_cells (DuckDB has no t quantile function), and goes on.
--
-- Rows that break a landing rule (docs/landing-format.md) are left out, as the pipeline
-- quarantines them; duplicates are kept once. Time zone: UTC, as the pipeline's.
-- JSON lines are read as lines of text and parsed one by one: read_json's error recovery
-- (ignore_errors) lets a truncated line swallow the valid line after it, which the pipeline keeps.

SET TimeZone = 'UTC';

-- Blank after trimming is missing; a number that does not parse (or is NaN) is null.
CREATE OR REPLACE MACRO clean(x) AS nullif(trim(x), '');
CREATE OR REPLACE MACRO num(x) AS CASE WHEN isnan(TRY_CAST(clean(x) AS DOUBLE)) THEN NULL ELSE TRY_CAST(clean(x) AS DOUBLE) END;
CREATE OR REPLACE MACRO ts(x) AS TRY_CAST(clean(x) AS TIMESTAMP);

-- ---------------------------------------------------------------- CRM as of the end of D
CREATE OR REPLACE TABLE crm_rows AS
SELECT clean(customer_id) AS customer_id, segment, region, tier, signup_date,
       ts(updated_at) AS updated_at, filename
FROM (
  SELECT customer_id, segment, region, tier, signup_date, updated_at, filename
  FROM read_csv(${customers_csv}, header = true, all_varchar = true, union_by_name = true, filename = true,
                delim = ',', quote = '"', escape = '"')
  UNION ALL BY NAME
  SELECT doc->>'customer_id' AS customer_id, doc->>'segment' AS segment, doc->>'region' AS region, doc->>'tier' AS tier, doc->>'signup_date' AS signup_date, doc->>'updated_at' AS updated_at, filename
  FROM (SELECT CASE WHEN json_valid(line) THEN line END AS doc, filename
        FROM read_csv(${customers_json}, columns = {'line': 'VARCHAR'}, delim = chr(1), quote = '', escape = '',
                header = false, auto_detect = false, filename = true))
  WHERE doc IS NOT NULL
)
WHERE clean(customer_id) IS NOT NULL
  AND ts(updated_at) IS NOT NULL
  AND (clean(signup_date) IS NULL OR TRY_CAST(clean(signup_date) AS DATE) IS NOT NULL);

CREATE OR REPLACE TABLE crm AS
SELECT customer_id,
       coalesce(clean(segment), 'unknown') AS segment,
       coalesce(clean(region), 'unknown') AS region,
       coalesce(clean(tier), 'unknown') AS tier
FROM crm_rows
WHERE updated_at < TIMESTAMP '${end_exclusive}'
QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY updated_at DESC, filename) = 1;

-- ---------------------------------------------------------------- survey items, normalised
-- Numbered once, so that a wide row's touchpoints are joined back to that row alone: a join on
-- response_id would pair every row of a missing or repeated id with every other (at SF10 that
-- made 500 million rows, 69 GB of spill, before the rules dropped them).
CREATE OR REPLACE TABLE wide_rows AS
SELECT row_number() OVER () AS wide_row, *
FROM read_csv(${surveys_wide_csv}, header = true, all_varchar = true, union_by_name = true,
              filename = true, delim = ',', quote = '"', escape = '"');

CREATE OR REPLACE TABLE survey_raw AS
-- adequate (the optional third SERVQUAL column) is only validated here, as cxgap's row rules do:
-- the peer computes no zone-of-tolerance columns
SELECT COLUMNS(c -> c IN ('response_id', 'customer_id', 'responded_at', 'touchpoint', 'expectation',
                          'experience', 'adequate', 'scale_min', 'scale_max', 'overall_nps', 'filename'))
FROM read_csv(${surveys_long_csv}, header = true, all_varchar = true, union_by_name = true, filename = true,
              delim = ',', quote = '"', escape = '"')
UNION ALL BY NAME
SELECT doc->>'response_id' AS response_id, doc->>'customer_id' AS customer_id, doc->>'responded_at' AS responded_at, doc->>'touchpoint' AS touchpoint, doc->>'expectation' AS expectation, doc->>'experience' AS experience, doc->>'adequate' AS adequate, doc->>'scale_min' AS scale_min, doc->>'scale_max' AS scale_max, doc->>'overall_nps' AS overall_nps, filename
FROM (SELECT CASE WHEN json_valid(line) THEN line END AS doc, filename
      FROM read_csv(${surveys_json}, columns = {'line': 'VARCHAR'}, delim = chr(1), quote = '', escape = '',
              header = false, auto_detect = false, filename = true))
WHERE doc IS NOT NULL
UNION ALL BY NAME
-- a wide export: one row per answered touchpoint (expectation or experience given)
SELECT w.response_id, w.customer_id, w.responded_at, e.tp AS touchpoint, e.expectation, p.experience,
       a.adequate, w.scale_min, w.scale_max, w.overall_nps, w.filename
FROM wide_rows w
JOIN (SELECT wide_row, substr(name, length('${wide_exp_prefix}') + 1) AS tp, value AS expectation
      FROM (UNPIVOT (SELECT wide_row, COLUMNS('^${wide_exp_prefix}.+') FROM wide_rows)
            ON COLUMNS('^${wide_exp_prefix}.+') INTO NAME name VALUE value)) e
  ON e.wide_row = w.wide_row
FULL JOIN (SELECT wide_row, substr(name, length('${wide_perc_prefix}') + 1) AS tp, value AS experience
           FROM (UNPIVOT (SELECT wide_row, COLUMNS('^${wide_perc_prefix}.+') FROM wide_rows)
                 ON COLUMNS('^${wide_perc_prefix}.+') INTO NAME name VALUE value)) p
  ON p.wide_row = e.wide_row AND p.tp = e.tp
-- adequate_<touchpoint> columns (cx.sources.surveys.wide.adequate-prefix's default)
LEFT JOIN (SELECT wide_row, substr(name, length('adequate_') + 1) AS tp, value AS adequate
           FROM (UNPIVOT (SELECT wide_row, COLUMNS('^adequate_.+') FROM wide_rows)
                 ON COLUMNS('^adequate_.+') INTO NAME name VALUE value)) a
  ON a.wide_row = coalesce(e.wide_row, p.wide_row) AND a.tp = coalesce(e.tp, p.tp);

CREATE OR REPLACE TABLE items AS
WITH typed AS (
  SELECT clean(response_id) AS response_id, clean(customer_id) AS customer_id, ts(responded_at) AS responded_at,
         l.touchpoint AS touchpoint, clean(r.touchpoint) AS touchpoint_given,
         num(expectation) AS expectation, num(experience) AS experience,
         coalesce(num(scale_min), 1.0) AS scale_min, coalesce(num(scale_max), 7.0) AS scale_max,
         num(overall_nps) AS nps, filename,
         clean(responded_at) AS responded_given, clean(expectation) AS expectation_given,
         clean(experience) AS experience_given, clean(scale_min) AS smin_given, clean(scale_max) AS smax_given,
         clean(adequate) AS adequate_given, num(adequate) AS adequate,
         clean(overall_nps) AS nps_given
  FROM survey_raw r
  LEFT JOIN touchpoint_lookup l ON l.key = lower(clean(r.touchpoint))
), valid AS (
  SELECT * FROM typed
  WHERE response_id IS NOT NULL AND customer_id IS NOT NULL AND responded_at IS NOT NULL
    AND touchpoint_given IS NOT NULL AND expectation IS NOT NULL AND experience IS NOT NULL
    AND (smin_given IS NULL OR num(smin_given) IS NOT NULL)
    AND (smax_given IS NULL OR num(smax_given) IS NOT NULL)
    AND (nps_given IS NULL OR nps IS NOT NULL)
    AND scale_min < scale_max
    AND expectation BETWEEN scale_min AND scale_max
    AND experience BETWEEN scale_min AND scale_max
    AND (adequate_given IS NULL OR adequate BETWEEN scale_min AND scale_max)
    AND (nps IS NULL OR nps BETWEEN 0 AND 10)
    AND customer_id IN (SELECT customer_id FROM crm_rows)
    AND touchpoint IS NOT NULL
  -- duplicates: same response and resolved touchpoint, the first by file kept
  QUALIFY row_number() OVER (PARTITION BY response_id, touchpoint ORDER BY filename) = 1
)
SELECT customer_id, touchpoint, CAST(responded_at AS DATE) AS response_date,
       100.0 * (expectation - scale_min) / (scale_max - scale_min) AS expectation_norm,
       100.0 * (experience - scale_min) / (scale_max - scale_min) AS experience_norm,
       100.0 * (experience - scale_min) / (scale_max - scale_min)
         - 100.0 * (expectation - scale_min) / (scale_max - scale_min) AS gap
FROM valid
WHERE CAST(responded_at AS DATE) BETWEEN DATE '${window_start}' AND DATE '${as_of}';

-- ---------------------------------------------------------------- contacts with friction flags
CREATE OR REPLACE TABLE contacts AS
WITH raw AS (
  SELECT doc->>'event_id' AS event_id, doc->>'customer_id' AS customer_id, doc->>'channel' AS channel, doc->>'touchpoint' AS touchpoint, doc->>'started_at' AS started_at, doc->>'wait_s' AS wait_s, doc->>'duration_s' AS duration_s, doc->>'outcome' AS outcome, filename
  FROM (SELECT CASE WHEN json_valid(line) THEN line END AS doc, filename
        FROM read_csv(${interactions_json}, columns = {'line': 'VARCHAR'}, delim = chr(1), quote = '', escape = '',
                header = false, auto_detect = false, filename = true))
  WHERE doc IS NOT NULL
  UNION ALL BY NAME
  SELECT event_id, customer_id, channel, touchpoint, started_at, wait_s, duration_s, outcome, filename
  FROM read_csv(${interactions_csv}, header = true, all_varchar = true, union_by_name = true, filename = true,
                delim = ',', quote = '"', escape = '"')
), valid AS (
  SELECT clean(event_id) AS event_id, clean(customer_id) AS customer_id, l.touchpoint AS touchpoint,
         ts(started_at) AS started_at, num(wait_s) AS wait_s, lower(clean(outcome)) AS outcome
  FROM raw r
  LEFT JOIN touchpoint_lookup l ON l.key = lower(clean(r.touchpoint))
  WHERE clean(event_id) IS NOT NULL AND clean(customer_id) IS NOT NULL AND clean(channel) IS NOT NULL
    AND clean(r.touchpoint) IS NOT NULL AND clean(started_at) IS NOT NULL AND ts(started_at) IS NOT NULL
    AND (clean(wait_s) IS NULL OR num(wait_s) IS NOT NULL)
    AND (clean(duration_s) IS NULL OR num(duration_s) IS NOT NULL)
    AND coalesce(num(wait_s), 0) >= 0 AND coalesce(num(duration_s), 0) >= 0
    AND l.touchpoint IS NOT NULL
    AND lower(clean(channel)) IN ('web', 'app', 'phone', 'chat', 'email', 'store')
    AND (clean(outcome) IS NULL
         OR lower(clean(outcome)) IN ('resolved', 'unresolved', 'abandoned', 'escalated', 'failed'))
  -- duplicates: same event_id, kept once
  QUALIFY row_number() OVER (PARTITION BY clean(event_id) ORDER BY filename) = 1
), up_to_d AS (
  -- a repeat: the same customer on the same touchpoint again within 7 days after (inclusive),
  -- counting follow-ups up to the end of D only; microseconds, so 7 d + 0.2 s is no repeat
  SELECT *, lead(started_at) OVER (PARTITION BY customer_id, touchpoint ORDER BY started_at, event_id) AS next_at
  FROM valid
  WHERE started_at < TIMESTAMP '${end_exclusive}'
)
SELECT customer_id, touchpoint, wait_s,
       coalesce(epoch_us(next_at) - epoch_us(started_at) <= 604800000000, false) AS is_repeat,
       coalesce(outcome = 'abandoned', false) AS is_abandoned,
       coalesce(outcome IN ('failed', 'unresolved'), false) AS is_failure
FROM up_to_d
WHERE CAST(started_at AS DATE) BETWEEN DATE '${window_start}' AND DATE '${as_of}';

-- ---------------------------------------------------------------- every segment cut
-- each row once for the whole base and once per dimension (CRM as of D; not in it: unknown)
CREATE OR REPLACE TABLE customer_cuts AS
SELECT customer_id, 'total' AS segment_dimension, 'all' AS segment_value FROM crm
UNION ALL
SELECT customer_id, segment_dimension, segment_value
FROM (UNPIVOT (SELECT customer_id, ${dimension_columns} FROM crm)
      ON ${dimension_columns} INTO NAME segment_dimension VALUE segment_value);

CREATE OR REPLACE TABLE survey_cells AS
WITH cut AS (
  SELECT i.*, 'total' AS segment_dimension, 'all' AS segment_value FROM items i
  UNION ALL
  SELECT i.*, d.segment_dimension, coalesce(c.segment_value, 'unknown') AS segment_value
  FROM items i
  CROSS JOIN (SELECT unnest([${dimension_names}]) AS segment_dimension) d
  LEFT JOIN customer_cuts c ON c.customer_id = i.customer_id AND c.segment_dimension = d.segment_dimension
)
SELECT segment_dimension, segment_value, touchpoint,
       count(DISTINCT customer_id) AS respondents,
       count(*) AS responses,
       avg(expectation_norm) AS exp_mean,
       avg(experience_norm) AS perc_mean,
       avg(gap) AS gap_mean,
       stddev_samp(gap) AS gap_sd,
       avg(CASE WHEN gap < 0 THEN 1.0 ELSE 0.0 END) AS neg_share
FROM cut
GROUP BY ALL;

CREATE OR REPLACE TABLE friction_cells AS
WITH cut AS (
  SELECT k.*, 'total' AS segment_dimension, 'all' AS segment_value FROM contacts k
  UNION ALL
  SELECT k.*, d.segment_dimension, coalesce(c.segment_value, 'unknown') AS segment_value
  FROM contacts k
  CROSS JOIN (SELECT unnest([${dimension_names}]) AS segment_dimension) d
  LEFT JOIN customer_cuts c ON c.customer_id = k.customer_id AND c.segment_dimension = d.segment_dimension
)
SELECT segment_dimension, segment_value, touchpoint,
       count(*) AS contacts,
       avg(CAST(is_repeat AS DOUBLE)) AS repeat_rate,
       avg(CAST(is_abandoned AS DOUBLE)) AS abandon_rate,
       avg(CAST(is_failure AS DOUBLE)) AS failure_rate,
       avg(wait_s) AS wait_mean,
       quantile_cont(wait_s, 0.9) AS wait_p90
FROM cut
GROUP BY ALL;

-- @@ t975

-- ---------------------------------------------------------------- the gold table's rows
CREATE OR REPLACE TABLE gap_segment_touchpoint AS
WITH joined AS (
  SELECT s.*, f.contacts, f.repeat_rate, f.abandon_rate, f.failure_rate, f.wait_mean, f.wait_p90,
         k.journey_stage, k.dimension, k.target_gap,
         t.t * s.gap_sd / sqrt(CAST(s.responses AS DOUBLE)) AS half,
         s.respondents >= ${min_respondents} AS shown
  FROM survey_cells s
  LEFT JOIN friction_cells f USING (segment_dimension, segment_value, touchpoint)
  LEFT JOIN catalog k USING (touchpoint)
  LEFT JOIN t975 t ON t.responses = s.responses
)
SELECT DATE '${as_of}' AS as_of_date, ${window_days} AS window_days,
       segment_dimension, segment_value, touchpoint, journey_stage, dimension,
       respondents, responses,
       CASE WHEN shown THEN exp_mean END AS expectation_mean,
       CASE WHEN shown THEN perc_mean END AS experience_mean,
       CASE WHEN shown THEN gap_mean END AS gap_mean,
       CASE WHEN shown THEN gap_sd END AS gap_stddev,
       CASE WHEN shown THEN gap_mean - half END AS gap_ci95_low,
       CASE WHEN shown THEN gap_mean + half END AS gap_ci95_high,
       CASE WHEN shown THEN neg_share END AS negative_gap_share,
       target_gap,
       CASE WHEN shown THEN gap_mean >= target_gap END AS meets_target,
       coalesce(contacts, 0) AS contacts,
       CASE WHEN shown THEN repeat_rate END AS repeat_contact_rate,
       CASE WHEN shown THEN abandon_rate END AS abandonment_rate,
       CASE WHEN shown THEN failure_rate END AS failure_rate,
       CASE WHEN shown THEN wait_mean END AS avg_wait_s,
       CASE WHEN shown THEN wait_p90 END AS p90_wait_s,
       NOT shown AS suppressed
FROM joined
ORDER BY segment_dimension, segment_value, touchpoint;
