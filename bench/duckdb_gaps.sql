-- The benchmark's peer (issue 8, issue 27): gold.gap_segment_touchpoint for one date computed by
-- DuckDB straight from the landing files, with the formulas of DESIGN.md §5 written in plain SQL,
-- the way a DuckDB user would write it: each landing file group read once, each JSON line parsed
-- once, survey items and contacts typed once into a table, CTEs over those tables for the rules,
-- the duplicate drop and a window function (lead) for repeat contacts, and GROUPING SETS for the
-- segment cuts. It shares no code with the Spark pipeline; `bin/cxgap-bench` runs it through
-- DuckDB's JDBC driver in an in-memory database (spilling to a scratch folder) and compares its
-- result value by value with the Delta table. After the line '-- @@ rows read' comes the runner's
-- untimed count of the landing records.
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
--   ${dimension_cut_columns}  each dimension of the CRM row c, unknown where missing
--       (coalesce(c.segment, 'unknown') AS segment, ...)
--   ${dimension_grouping_sets}  (touchpoint), (segment, touchpoint), ... : the total and each cut
--   ${segment_dimension}  which dimension a grouping set's row is of: CASE WHEN segment IS NOT
--       NULL THEN 'segment' ... ELSE 'total' END (a grouped dimension is never null)
-- and creates two small tables from conf/touchpoints.conf: touchpoint_lookup(key, touchpoint) of
-- lower-cased ids, names and aliases, and catalog(touchpoint, journey_stage, dimension,
-- target_gap). Statements end with ';' at a line end. At the line '-- @@ t975' the runner stops,
-- creates t975(responses, t) with Student's t(0.975, responses - 1) for each distinct cell size
-- of survey_cells (DuckDB has no t quantile function), and goes on.
--
-- Rows that break a landing rule (docs/landing-format.md) are left out, as the pipeline
-- quarantines them; duplicates are kept once. Time zone: UTC, as the pipeline's.
-- JSON lines are read as lines of text, and each valid line is parsed once into a struct of
-- strings (from_json); a malformed line becomes a row of nulls, which the required-field rules
-- drop. read_json's error recovery (ignore_errors) would let a line cut after a colon swallow the
-- valid line after it, which the pipeline keeps.

SET TimeZone = 'UTC';

-- Blank after trimming is missing; a number that does not parse (or is NaN) is null.
CREATE OR REPLACE MACRO clean(x) AS nullif(trim(x), '');
CREATE OR REPLACE MACRO num(x) AS CASE WHEN isnan(TRY_CAST(clean(x) AS DOUBLE)) THEN NULL ELSE TRY_CAST(clean(x) AS DOUBLE) END;
CREATE OR REPLACE MACRO ts(x) AS TRY_CAST(clean(x) AS TIMESTAMP);

-- ---------------------------------------------------------------- CRM
-- Each source's JSON lines parsed once into a table of strings. A query over the parse itself
-- would not parse once: DuckDB pushes each filter on a field down into the parse, once per
-- mention of the field.
CREATE OR REPLACE TABLE customers_json AS
SELECT unnest(from_json(CASE WHEN json_valid(line) THEN line END,
                        '{"customer_id": "VARCHAR", "segment": "VARCHAR", "region": "VARCHAR",
                         "tier": "VARCHAR", "signup_date": "VARCHAR", "updated_at": "VARCHAR"}')),
       filename
FROM read_csv(${customers_json}, columns = {'line': 'VARCHAR'}, delim = chr(1), quote = '', escape = '',
              header = false, auto_detect = false, filename = true);

-- Every valid CRM row (a survey's customer must have one), and the state as of the end of D.
CREATE OR REPLACE TABLE crm_rows AS
WITH raw AS (
  SELECT customer_id, segment, region, tier, signup_date, updated_at, filename
  FROM read_csv(${customers_csv}, header = true, all_varchar = true, union_by_name = true, filename = true,
                delim = ',', quote = '"', escape = '"')
  UNION ALL BY NAME
  SELECT * FROM customers_json
)
SELECT clean(customer_id) AS customer_id, segment, region, tier, ts(updated_at) AS updated_at, filename
FROM raw
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

-- ---------------------------------------------------------------- survey cells
CREATE OR REPLACE TABLE surveys_json AS
SELECT unnest(from_json(CASE WHEN json_valid(line) THEN line END,
                        '{"response_id": "VARCHAR", "customer_id": "VARCHAR", "responded_at": "VARCHAR",
                         "touchpoint": "VARCHAR", "expectation": "VARCHAR", "experience": "VARCHAR",
                         "adequate": "VARCHAR", "scale_min": "VARCHAR", "scale_max": "VARCHAR",
                         "overall_nps": "VARCHAR"}')),
       filename
FROM read_csv(${surveys_json}, columns = {'line': 'VARCHAR'}, delim = chr(1), quote = '', escape = '',
              header = false, auto_detect = false, filename = true);

-- Typed once into a table: a filter over a query would be evaluated on the raw strings, each
-- mention of a typed column casting again.
CREATE OR REPLACE TABLE survey_typed AS
WITH wide AS (
  SELECT row_number() OVER () AS wide_row, *
  FROM read_csv(${surveys_wide_csv}, header = true, all_varchar = true, union_by_name = true,
                filename = true, delim = ',', quote = '"', escape = '"')
), wide_answers AS (
  -- one row per given answer cell of a wide export; adequate_<touchpoint> columns are
  -- cx.sources.surveys.wide.adequate-prefix's default
  SELECT wide_row, response_id, customer_id, responded_at, scale_min, scale_max, overall_nps, filename,
         CASE WHEN starts_with(name, '${wide_exp_prefix}') THEN 'expectation'
              WHEN starts_with(name, '${wide_perc_prefix}') THEN 'experience'
              ELSE 'adequate' END AS kind,
         CASE WHEN starts_with(name, '${wide_exp_prefix}') THEN substr(name, length('${wide_exp_prefix}') + 1)
              WHEN starts_with(name, '${wide_perc_prefix}') THEN substr(name, length('${wide_perc_prefix}') + 1)
              ELSE substr(name, length('adequate_') + 1) END AS touchpoint,
         value
  FROM (UNPIVOT wide ON COLUMNS('^${wide_exp_prefix}.+|^${wide_perc_prefix}.+|^adequate_.+')
        INTO NAME name VALUE value)
), wide_items AS (
  -- a wide export: one row per answered touchpoint (expectation or experience given)
  SELECT any_value(response_id) AS response_id, any_value(customer_id) AS customer_id,
         any_value(responded_at) AS responded_at, touchpoint,
         any_value(value) FILTER (WHERE kind = 'expectation') AS expectation,
         any_value(value) FILTER (WHERE kind = 'experience') AS experience,
         any_value(value) FILTER (WHERE kind = 'adequate') AS adequate,
         any_value(scale_min) AS scale_min, any_value(scale_max) AS scale_max,
         any_value(overall_nps) AS overall_nps, any_value(filename) AS filename
  FROM wide_answers
  GROUP BY wide_row, touchpoint
  HAVING count(*) FILTER (WHERE kind <> 'adequate') > 0
), survey_raw AS (
  -- adequate (the optional third SERVQUAL column) is only validated here, as cxgap's row rules do:
  -- the peer computes no zone-of-tolerance columns
  SELECT COLUMNS(c -> c IN ('response_id', 'customer_id', 'responded_at', 'touchpoint', 'expectation',
                            'experience', 'adequate', 'scale_min', 'scale_max', 'overall_nps', 'filename'))
  FROM read_csv(${surveys_long_csv}, header = true, all_varchar = true, union_by_name = true, filename = true,
                delim = ',', quote = '"', escape = '"')
  UNION ALL BY NAME
  SELECT * FROM surveys_json
  UNION ALL BY NAME
  SELECT * FROM wide_items
)
SELECT clean(response_id) AS response_id, clean(customer_id) AS customer_id, ts(responded_at) AS responded_at,
       l.touchpoint AS touchpoint, clean(r.touchpoint) AS touchpoint_given,
       num(expectation) AS expectation, num(experience) AS experience,
       coalesce(num(scale_min), 1.0) AS scale_min, coalesce(num(scale_max), 7.0) AS scale_max,
       num(overall_nps) AS nps, filename,
       clean(scale_min) AS smin_given, clean(scale_max) AS smax_given,
       clean(adequate) AS adequate_given, num(adequate) AS adequate,
       clean(overall_nps) AS nps_given
FROM survey_raw r
LEFT JOIN touchpoint_lookup l ON l.key = lower(clean(r.touchpoint));

CREATE OR REPLACE TABLE survey_cells AS
WITH valid AS (
  SELECT * FROM survey_typed
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
), items AS (
  SELECT customer_id, touchpoint,
         100.0 * (expectation - scale_min) / (scale_max - scale_min) AS expectation_norm,
         100.0 * (experience - scale_min) / (scale_max - scale_min) AS experience_norm,
         100.0 * (experience - scale_min) / (scale_max - scale_min)
           - 100.0 * (expectation - scale_min) / (scale_max - scale_min) AS gap
  FROM valid
  WHERE CAST(responded_at AS DATE) BETWEEN DATE '${window_start}' AND DATE '${as_of}'
), cut AS (
  SELECT i.*, ${dimension_cut_columns} FROM items i LEFT JOIN crm c USING (customer_id)
)
-- each item once for the whole base and once per dimension (CRM as of D; not in it: unknown)
SELECT ${segment_dimension} AS segment_dimension, coalesce(${dimension_columns}, 'all') AS segment_value, touchpoint,
       count(DISTINCT customer_id) AS respondents,
       count(*) AS responses,
       avg(expectation_norm) AS exp_mean,
       avg(experience_norm) AS perc_mean,
       avg(gap) AS gap_mean,
       stddev_samp(gap) AS gap_sd,
       avg(CASE WHEN gap < 0 THEN 1.0 ELSE 0.0 END) AS neg_share
FROM cut
GROUP BY GROUPING SETS (${dimension_grouping_sets});

-- ---------------------------------------------------------------- friction cells
CREATE OR REPLACE TABLE interactions_json AS
SELECT unnest(from_json(CASE WHEN json_valid(line) THEN line END,
                        '{"event_id": "VARCHAR", "customer_id": "VARCHAR", "channel": "VARCHAR",
                         "touchpoint": "VARCHAR", "started_at": "VARCHAR", "wait_s": "VARCHAR",
                         "duration_s": "VARCHAR", "outcome": "VARCHAR"}')),
       filename
FROM read_csv(${interactions_json}, columns = {'line': 'VARCHAR'}, delim = chr(1), quote = '', escape = '',
              header = false, auto_detect = false, filename = true);

-- Typed once into a table, as the survey rows.
CREATE OR REPLACE TABLE contact_typed AS
WITH raw AS (
  SELECT * FROM interactions_json
  UNION ALL BY NAME
  SELECT event_id, customer_id, channel, touchpoint, started_at, wait_s, duration_s, outcome, filename
  FROM read_csv(${interactions_csv}, header = true, all_varchar = true, union_by_name = true, filename = true,
                delim = ',', quote = '"', escape = '"')
)
SELECT clean(event_id) AS event_id, clean(customer_id) AS customer_id, lower(clean(channel)) AS channel,
       l.touchpoint AS touchpoint, clean(r.touchpoint) AS touchpoint_given,
       ts(started_at) AS started_at, num(wait_s) AS wait_s, num(duration_s) AS duration_s,
       clean(wait_s) AS wait_given, clean(duration_s) AS duration_given, lower(clean(outcome)) AS outcome, filename
FROM raw r
LEFT JOIN touchpoint_lookup l ON l.key = lower(clean(r.touchpoint));

CREATE OR REPLACE TABLE friction_cells AS
WITH valid AS (
  SELECT * FROM contact_typed
  WHERE event_id IS NOT NULL AND customer_id IS NOT NULL AND channel IS NOT NULL
    AND touchpoint_given IS NOT NULL AND started_at IS NOT NULL
    AND (wait_given IS NULL OR wait_s IS NOT NULL)
    AND (duration_given IS NULL OR duration_s IS NOT NULL)
    AND coalesce(wait_s, 0) >= 0 AND coalesce(duration_s, 0) >= 0
    AND touchpoint IS NOT NULL
    AND channel IN ('web', 'app', 'phone', 'chat', 'email', 'store')
    AND (outcome IS NULL OR outcome IN ('resolved', 'unresolved', 'abandoned', 'escalated', 'failed'))
  -- duplicates: same event_id, kept once
  QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY filename) = 1
), contacts AS (
  -- a repeat: the same customer on the same touchpoint again within 7 days after (inclusive),
  -- counting follow-ups up to the end of D only; microseconds, so 7 d + 0.2 s is no repeat.
  -- A contact before the window is no one's follow-up in it, so the window is cut first.
  SELECT customer_id, touchpoint, wait_s,
         coalesce(epoch_us(lead(started_at) OVER (PARTITION BY customer_id, touchpoint ORDER BY started_at, event_id))
                  - epoch_us(started_at) <= 604800000000, false) AS is_repeat,
         coalesce(outcome = 'abandoned', false) AS is_abandoned,
         coalesce(outcome IN ('failed', 'unresolved'), false) AS is_failure
  FROM valid
  WHERE started_at >= TIMESTAMP '${window_start}' AND started_at < TIMESTAMP '${end_exclusive}'
), cut AS (
  SELECT k.*, ${dimension_cut_columns} FROM contacts k LEFT JOIN crm c USING (customer_id)
)
SELECT ${segment_dimension} AS segment_dimension, coalesce(${dimension_columns}, 'all') AS segment_value, touchpoint,
       count(*) AS contacts,
       avg(CAST(is_repeat AS DOUBLE)) AS repeat_rate,
       avg(CAST(is_abandoned AS DOUBLE)) AS abandon_rate,
       avg(CAST(is_failure AS DOUBLE)) AS failure_rate,
       avg(wait_s) AS wait_mean,
       quantile_cont(wait_s, 0.9) AS wait_p90
FROM cut
GROUP BY GROUPING SETS (${dimension_grouping_sets});

-- @@ t975

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

-- @@ rows read
-- Not timed: the landing records the peer read (JSON lines, CSV records; a wide row is one record).
SELECT (SELECT count(*) FROM read_csv(${customers_csv}, header = true, all_varchar = true, union_by_name = true))
     + (SELECT count(*) FROM read_csv(${surveys_long_csv}, header = true, all_varchar = true, union_by_name = true))
     + (SELECT count(*) FROM read_csv(${surveys_wide_csv}, header = true, all_varchar = true, union_by_name = true))
     + (SELECT count(*) FROM read_csv(${interactions_csv}, header = true, all_varchar = true, union_by_name = true))
     + (SELECT count(*) FROM read_csv([${customers_json}, ${surveys_json}, ${interactions_json}].flatten(),
                                      columns = {'line': 'VARCHAR'}, delim = chr(1), quote = '', escape = '',
                                      header = false, auto_detect = false)) AS n;
