CREATE OR REPLACE TABLE `sales.voronka_deals` AS
WITH deals_raw AS (
  SELECT 0 AS ord,
    TRIM(COALESCE(CAST(`ID сделки` AS STRING), '')) AS id,
    SAFE_CAST(`Дата лида` AS TIMESTAMP) AS created,
    CASE WHEN STRPOS(TRIM(COALESCE(CAST(`Менеджер` AS STRING), '')), '<') > 0 THEN TRIM(REGEXP_REPLACE(REGEXP_REPLACE(TRIM(COALESCE(CAST(`Менеджер` AS STRING), '')), r'<[^>]*>', ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ') ELSE TRIM(COALESCE(CAST(`Менеджер` AS STRING), '')) END AS rep,
    TRIM(COALESCE(CAST(`Источник` AS STRING), '')) AS source,
    TRIM(COALESCE(CAST(`Клиент` AS STRING), '')) AS client,
    TRIM(COALESCE(CAST(`Назначил встречу` AS STRING), '')) AS booked_by,
    LOWER(TRIM(REGEXP_REPLACE(COALESCE(CAST(`Этап` AS STRING), ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')) AS stage_key,
    LOWER(TRIM(REGEXP_REPLACE(COALESCE(CAST(NULL AS STRING), ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')) AS status_key,
    LOWER(TRIM(REGEXP_REPLACE(COALESCE(CAST(NULL AS STRING), ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')) AS won_key,
    LOWER(TRIM(REGEXP_REPLACE(COALESCE(CAST(NULL AS STRING), ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')) AS closed_flag_key,
    LOWER(TRIM(REGEXP_REPLACE(COALESCE(CAST(NULL AS STRING), ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')) AS closed_key,
    SAFE_CAST(NULL AS TIMESTAMP) AS closed_at,
    SAFE_CAST(`Сумма` AS FLOAT64) AS amount,
    NULLIF(UPPER(TRIM(COALESCE(CAST(NULL AS STRING), ''))), '') AS currency,
    SAFE_CAST(`Себестоимость` AS FLOAT64) AS cost,
    SAFE_CAST(NULL AS FLOAT64) AS margin_raw,
    LOWER(TRIM(REGEXP_REPLACE(COALESCE(CAST(`Целевой` AS STRING), ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')) AS targeted_key,
    LOWER(TRIM(REGEXP_REPLACE(COALESCE(CAST(`Дата встречи` AS STRING), ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')) AS c0_key,
    SAFE_CAST(`Дата встречи` AS TIMESTAMP) AS c0_at,
    LOWER(TRIM(REGEXP_REPLACE(COALESCE(CAST(`Дата КП` AS STRING), ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')) AS c1_key,
    SAFE_CAST(`Дата КП` AS TIMESTAMP) AS c1_at,
    LOWER(TRIM(REGEXP_REPLACE(COALESCE(CAST(`Дата оплаты` AS STRING), ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')) AS c2_key,
    SAFE_CAST(`Дата оплаты` AS TIMESTAMP) AS c2_at
  FROM `sales.deals`
),
deals_first AS (
  SELECT * FROM (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY ord) AS copy
    FROM deals_raw WHERE id <> ''
  ) AS t WHERE copy = 1
),
deals_read AS (
  SELECT ord, id, created, rep, source, client, booked_by, amount, currency,
    CASE WHEN cost IS NOT NULL AND amount IS NOT NULL THEN amount - cost END AS margin,
    CASE WHEN targeted_key IN ('да') THEN TRUE WHEN targeted_key IN ('нет') THEN FALSE END AS targeted,
    outcome,
    GREATEST(-1, CASE WHEN TRUE THEN 0 ELSE -1 END, CASE WHEN (c0_key <> '' AND NOT c0_key IN ('no', 'n', 'false', 'нет', 'н', 'ні', 'ложь', 'хибність', '0', '-', '—', '–')) THEN 3 ELSE -1 END, CASE WHEN (c1_key <> '' AND NOT c1_key IN ('no', 'n', 'false', 'нет', 'н', 'ні', 'ложь', 'хибність', '0', '-', '—', '–')) THEN 4 ELSE -1 END, CASE WHEN (c2_key <> '' AND NOT c2_key IN ('no', 'n', 'false', 'нет', 'н', 'ні', 'ложь', 'хибність', '0', '-', '—', '–')) THEN 5 ELSE -1 END, CASE WHEN stage_key IN ('лид') THEN 0 WHEN stage_key IN ('кп') THEN 4 WHEN stage_key IN ('встреча') THEN 3 ELSE -1 END) AS reached,
    CAST(NULL AS TIMESTAMP) AS closed,
    CASE WHEN TRUE THEN created END AS r0,
    CAST(NULL AS TIMESTAMP) AS r1,
    CAST(NULL AS TIMESTAMP) AS r2,
    CASE WHEN (c0_key <> '' AND NOT c0_key IN ('no', 'n', 'false', 'нет', 'н', 'ні', 'ложь', 'хибність', '0', '-', '—', '–')) THEN c0_at END AS r3,
    CASE WHEN (c1_key <> '' AND NOT c1_key IN ('no', 'n', 'false', 'нет', 'н', 'ні', 'ложь', 'хибність', '0', '-', '—', '–')) THEN c1_at END AS r4,
    CASE WHEN (c2_key <> '' AND NOT c2_key IN ('no', 'n', 'false', 'нет', 'н', 'ні', 'ложь', 'хибність', '0', '-', '—', '–')) THEN c2_at END AS r5
  FROM (SELECT *, CASE WHEN FALSE THEN 'won' WHEN FALSE THEN 'lost' WHEN FALSE THEN 'won' WHEN stage_key IN ('успешно реализовано') THEN 'won' WHEN stage_key IN ('отказ') THEN 'lost' WHEN FALSE THEN 'lost' ELSE 'open' END AS outcome FROM deals_first) AS t
),
ordered0 AS (SELECT *, r0 AS k0, r0 AS m0 FROM deals_read),
ordered1 AS (SELECT *, CASE WHEN r1 < m0 THEN NULL ELSE r1 END AS k1, COALESCE(CASE WHEN r1 < m0 THEN NULL ELSE r1 END, m0) AS m1 FROM ordered0),
ordered2 AS (SELECT *, CASE WHEN r2 < m1 THEN NULL ELSE r2 END AS k2, COALESCE(CASE WHEN r2 < m1 THEN NULL ELSE r2 END, m1) AS m2 FROM ordered1),
ordered3 AS (SELECT *, CASE WHEN r3 < m2 THEN NULL ELSE r3 END AS k3, COALESCE(CASE WHEN r3 < m2 THEN NULL ELSE r3 END, m2) AS m3 FROM ordered2),
ordered4 AS (SELECT *, CASE WHEN r4 < m3 THEN NULL ELSE r4 END AS k4, COALESCE(CASE WHEN r4 < m3 THEN NULL ELSE r4 END, m3) AS m4 FROM ordered3),
ordered5 AS (SELECT *, CASE WHEN r5 < m4 THEN NULL ELSE r5 END AS k5, COALESCE(CASE WHEN r5 < m4 THEN NULL ELSE r5 END, m4) AS m5 FROM ordered4),
deals_dated AS (
  SELECT *, CASE WHEN created IS NOT NULL AND closed2 < created THEN CASE WHEN closed2 >= TIMESTAMP_TRUNC(created, DAY) THEN created END ELSE closed2 END AS closed3
  FROM (SELECT *, CASE WHEN (r0 IS NOT NULL AND k0 IS NULL AND closed = r0) OR (r1 IS NOT NULL AND k1 IS NULL AND closed = r1) OR (r2 IS NOT NULL AND k2 IS NULL AND closed = r2) OR (r3 IS NOT NULL AND k3 IS NULL AND closed = r3) OR (r4 IS NOT NULL AND k4 IS NULL AND closed = r4) OR (r5 IS NOT NULL AND k5 IS NULL AND closed = r5) THEN NULL ELSE closed END AS closed2 FROM ordered5) AS t
),
deals_status AS (
  SELECT ord, id, created, rep, source, client, booked_by, amount, currency, margin, targeted,
    CASE WHEN outcome = 'won' THEN 'won' WHEN outcome = 'lost' THEN 'lost' WHEN reached = 5 THEN 'won' ELSE 'open' END AS status, GREATEST(CASE WHEN outcome = 'won' THEN GREATEST(reached, 5) WHEN outcome = 'lost' AND reached >= 5 THEN 4 ELSE reached END, 0) AS reached, closed3 AS closed,
    k0 AS s0,
    k1 AS s1,
    k2 AS s2,
    k3 AS s3,
    k4 AS s4,
    CASE WHEN outcome = 'won' THEN COALESCE(k5, closed3) WHEN outcome = 'lost' AND reached >= 5 THEN NULL ELSE k5 END AS s5
  FROM deals_dated
),
deals_final AS (
  SELECT ord, id, created, rep, source, client, booked_by, amount, currency, margin, targeted, status, reached,
    CASE WHEN status = 'won' AND closed IS NULL THEN CASE reached WHEN 0 THEN s0 WHEN 1 THEN s1 WHEN 2 THEN s2 WHEN 3 THEN s3 WHEN 4 THEN s4 WHEN 5 THEN s5 END ELSE closed END AS closed, s0, s1, s2, s3, s4, s5
  FROM deals_status
),
log_raw AS (
  SELECT UNIX_MILLIS(SAFE_CAST(`Дата` AS TIMESTAMP)) AS ord,
    TRIM(COALESCE(CAST(`ID сделки` AS STRING), '')) AS id,
    LOWER(TRIM(REGEXP_REPLACE(COALESCE(CAST(`Этап` AS STRING), ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')) AS stage_key,
    SAFE_CAST(`Дата` AS TIMESTAMP) AS entered_at,
    TRIM(COALESCE(CAST(`Менеджер` AS STRING), '')) AS rep,
    TRIM(COALESCE(CAST(`Источник` AS STRING), '')) AS source,
    SAFE_CAST(`Сумма` AS FLOAT64) AS amount
  FROM `sales.stage_history`
),
log_rows AS (
  SELECT *, CASE WHEN stage_key IN ('лид') THEN 0 WHEN stage_key IN ('встреча назначена') THEN 1 WHEN stage_key IN ('встреча подтверждена') THEN 2 WHEN stage_key IN ('встреча') THEN 3 WHEN stage_key IN ('кп') THEN 4 WHEN stage_key IN ('оплата') THEN 5 ELSE -1 END AS pos, stage_key IN ('отказ') AS lost
  FROM log_raw WHERE id <> '' AND stage_key <> '' AND entered_at IS NOT NULL
),
log_deals AS (
  SELECT id,
    MIN(CASE WHEN pos = 0 THEN entered_at END) AS e0,
    MIN(CASE WHEN pos = 1 THEN entered_at END) AS e1,
    MIN(CASE WHEN pos = 2 THEN entered_at END) AS e2,
    MIN(CASE WHEN pos = 3 THEN entered_at END) AS e3,
    MIN(CASE WHEN pos = 4 THEN entered_at END) AS e4,
    MIN(CASE WHEN pos = 5 THEN entered_at END) AS e5,
    MAX(CASE WHEN lost THEN entered_at END) AS lost_last,
    MIN(CASE WHEN lost THEN entered_at END) AS lost_first,
    MAX(CASE WHEN pos >= 0 OR lost THEN 1 ELSE 0 END) AS counted,
    MIN(CASE WHEN pos >= 0 OR lost THEN ord END) AS first_ord,
    COALESCE(ARRAY_AGG(IF(rep <> '', rep, NULL) IGNORE NULLS ORDER BY ord LIMIT 1)[SAFE_OFFSET(0)], '') AS rep,
    COALESCE(ARRAY_AGG(IF(source <> '', source, NULL) IGNORE NULLS ORDER BY ord LIMIT 1)[SAFE_OFFSET(0)], '') AS source,
    ARRAY_AGG(IF(amount IS NOT NULL, amount, NULL) IGNORE NULLS ORDER BY ord DESC LIMIT 1)[SAFE_OFFSET(0)] AS amount
  FROM log_rows GROUP BY id
),
merged AS (
SELECT src, ord, id, created, rep, booked_by, source, client, targeted, amount, currency, margin,
  CASE WHEN d_status IS NOT NULL AND (d_status <> 'open' OR g_id IS NULL) THEN d_status WHEN reached = 5 THEN 'won' WHEN lost_last IS NOT NULL THEN 'lost' ELSE 'open' END AS status,
  CASE WHEN d_status IS NOT NULL AND (d_status <> 'open' OR g_id IS NULL) THEN d_closed WHEN reached = 5 THEN COALESCE(s5, d_closed) WHEN lost_last IS NOT NULL THEN lost_last ELSE d_closed END AS closed,
  reached, s0, s1, s2, s3, s4, s5
FROM (
SELECT CASE WHEN d.id IS NOT NULL THEN 0 ELSE 1 END AS src, COALESCE(d.ord, g.first_ord) AS ord, COALESCE(d.id, g.id) AS id,
  CASE WHEN d.id IS NOT NULL THEN d.created ELSE (SELECT MIN(x) FROM UNNEST([g.lost_first, g.e0, g.e1, g.e2, g.e3, g.e4, g.e5]) AS x) END AS created,
  CASE WHEN COALESCE(d.rep, '') <> '' THEN d.rep ELSE COALESCE(g.rep, '') END AS rep,
  COALESCE(d.booked_by, '') AS booked_by,
  CASE WHEN COALESCE(d.source, '') <> '' THEN d.source ELSE COALESCE(g.source, '') END AS source,
  COALESCE(d.client, '') AS client, d.targeted, COALESCE(d.amount, g.amount) AS amount, d.currency, d.margin,
  d.status AS d_status, d.closed AS d_closed, g.id AS g_id, g.lost_last,
  CASE WHEN d.id IS NOT NULL THEN GREATEST(d.reached, GREATEST(-1, CASE WHEN g.e0 IS NOT NULL THEN 0 ELSE -1 END, CASE WHEN g.e1 IS NOT NULL THEN 1 ELSE -1 END, CASE WHEN g.e2 IS NOT NULL THEN 2 ELSE -1 END, CASE WHEN g.e3 IS NOT NULL THEN 3 ELSE -1 END, CASE WHEN g.e4 IS NOT NULL THEN 4 ELSE -1 END, CASE WHEN g.e5 IS NOT NULL THEN 5 ELSE -1 END)) ELSE GREATEST(GREATEST(-1, CASE WHEN g.e0 IS NOT NULL THEN 0 ELSE -1 END, CASE WHEN g.e1 IS NOT NULL THEN 1 ELSE -1 END, CASE WHEN g.e2 IS NOT NULL THEN 2 ELSE -1 END, CASE WHEN g.e3 IS NOT NULL THEN 3 ELSE -1 END, CASE WHEN g.e4 IS NOT NULL THEN 4 ELSE -1 END, CASE WHEN g.e5 IS NOT NULL THEN 5 ELSE -1 END), 0) END AS reached,
  CASE WHEN d.s0 IS NULL THEN g.e0 WHEN g.e0 IS NULL OR d.s0 <= g.e0 THEN d.s0 ELSE g.e0 END AS s0,
  CASE WHEN d.s1 IS NULL THEN g.e1 WHEN g.e1 IS NULL OR d.s1 <= g.e1 THEN d.s1 ELSE g.e1 END AS s1,
  CASE WHEN d.s2 IS NULL THEN g.e2 WHEN g.e2 IS NULL OR d.s2 <= g.e2 THEN d.s2 ELSE g.e2 END AS s2,
  CASE WHEN d.s3 IS NULL THEN g.e3 WHEN g.e3 IS NULL OR d.s3 <= g.e3 THEN d.s3 ELSE g.e3 END AS s3,
  CASE WHEN d.s4 IS NULL THEN g.e4 WHEN g.e4 IS NULL OR d.s4 <= g.e4 THEN d.s4 ELSE g.e4 END AS s4,
  CASE WHEN d.s5 IS NULL THEN g.e5 WHEN g.e5 IS NULL OR d.s5 <= g.e5 THEN d.s5 ELSE g.e5 END AS s5
FROM deals_final AS d FULL OUTER JOIN log_deals AS g ON d.id = g.id
WHERE d.id IS NOT NULL OR g.counted = 1
) AS t
)
SELECT id, created, rep, booked_by, source, client, targeted, amount, currency, margin, status, closed, reached, src AS origin, ord AS origin_order, s0 AS `Лид`, s1 AS `Встреча назначена`, s2 AS `Встреча подтверждена`, s3 AS `Встреча`, s4 AS `КП`, s5 AS `Оплата`
FROM merged;

CREATE OR REPLACE TABLE `sales.voronka_rep_days` AS
WITH calls_raw AS (
  SELECT SAFE_CAST(`Дата` AS TIMESTAMP) AS called_at, CASE WHEN STRPOS(TRIM(COALESCE(CAST(`Менеджер` AS STRING), '')), '<') > 0 THEN TRIM(REGEXP_REPLACE(REGEXP_REPLACE(TRIM(COALESCE(CAST(`Менеджер` AS STRING), '')), r'<[^>]*>', ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ') ELSE TRIM(COALESCE(CAST(`Менеджер` AS STRING), '')) END AS rep,
    CASE WHEN SAFE_CAST(`Длительность` AS FLOAT64) >= 0 THEN SAFE_CAST(`Длительность` AS FLOAT64) END AS duration, TRIM(COALESCE(CAST(`ID сделки` AS STRING), '')) AS deal_id, TRIM(COALESCE(CAST(`Источник` AS STRING), '')) AS source
  FROM `telephony.calls`
),
by_key AS (
  SELECT k, source FROM (
    SELECT REPLACE(LOWER(TRIM(REGEXP_REPLACE(id, r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')), 'ё', 'е') AS k, source, ROW_NUMBER() OVER (PARTITION BY REPLACE(LOWER(TRIM(REGEXP_REPLACE(id, r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')), 'ё', 'е') ORDER BY origin, origin_order) AS copy
    FROM `sales.voronka_deals` WHERE id <> ''
  ) AS t WHERE copy = 1
),
sourced AS (
  SELECT r.called_at, r.rep, r.duration,
    CASE WHEN r.source <> '' THEN r.source WHEN r.deal_id = '' THEN '' ELSE COALESCE(d.source, k.source, '') END AS source
  FROM calls_raw AS r
  LEFT JOIN `sales.voronka_deals` AS d ON d.id = r.deal_id
  LEFT JOIN by_key AS k ON k.k = REPLACE(LOWER(TRIM(REGEXP_REPLACE(r.deal_id, r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')), 'ё', 'е')
  WHERE r.called_at IS NOT NULL AND r.rep <> ''
)
SELECT DATE(called_at) AS day, rep, source, COUNT(*) AS calls,
  SUM(CASE WHEN duration >= 60 THEN 1 ELSE 0 END) AS long_calls,
  COALESCE(SUM(duration), 0) AS talk_seconds, COUNT(duration) AS timed_calls
FROM sourced GROUP BY DATE(called_at), rep, source;

CREATE OR REPLACE VIEW `sales.voronka_stages` AS
SELECT 0 AS position, 'Лид' AS stage, (SELECT COUNT(`Лид`) FROM `sales.voronka_deals`) > 0 AS dated, FALSE AS same_source_next
UNION ALL SELECT 1 AS position, 'Встреча назначена' AS stage, (SELECT COUNT(`Встреча назначена`) FROM `sales.voronka_deals`) > 0 AS dated, FALSE AS same_source_next
UNION ALL SELECT 2 AS position, 'Встреча подтверждена' AS stage, (SELECT COUNT(`Встреча подтверждена`) FROM `sales.voronka_deals`) > 0 AS dated, FALSE AS same_source_next
UNION ALL SELECT 3 AS position, 'Встреча' AS stage, (SELECT COUNT(`Встреча`) FROM `sales.voronka_deals`) > 0 AS dated, FALSE AS same_source_next
UNION ALL SELECT 4 AS position, 'КП' AS stage, (SELECT COUNT(`КП`) FROM `sales.voronka_deals`) > 0 AS dated, FALSE AS same_source_next
UNION ALL SELECT 5 AS position, 'Оплата' AS stage, (SELECT COUNT(`Оплата`) FROM `sales.voronka_deals`) > 0 AS dated, FALSE AS same_source_next;

CREATE OR REPLACE VIEW `sales.voronka_agg_deals` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 5) AS reached,
    DATE(COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS own_day, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`, `Лид`, COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS sale_at, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`) AS known_at, `Лид` AS s0, `Встреча назначена` AS s1, `Встреча подтверждена` AS s2, `Встреча` AS s3, `КП` AS s4, `Оплата` AS s5
  FROM `sales.voronka_deals`
)
SELECT own_day AS day, rep, source, reached, targeted, COUNT(*) AS deals
FROM f GROUP BY own_day, rep, source, reached, targeted;

CREATE OR REPLACE VIEW `sales.voronka_agg_stage_entries` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 5) AS reached,
    DATE(COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS own_day, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`, `Лид`, COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS sale_at, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`) AS known_at, `Лид` AS s0, `Встреча назначена` AS s1, `Встреча подтверждена` AS s2, `Встреча` AS s3, `КП` AS s4, `Оплата` AS s5
  FROM `sales.voronka_deals`
), p AS (SELECT 0 AS k UNION ALL SELECT 1 AS k UNION ALL SELECT 2 AS k UNION ALL SELECT 3 AS k UNION ALL SELECT 4 AS k UNION ALL SELECT 5 AS k)
SELECT COALESCE(CASE p.k WHEN 0 THEN DATE(s0) WHEN 1 THEN DATE(s1) WHEN 2 THEN DATE(s2) WHEN 3 THEN DATE(s3) WHEN 4 THEN DATE(s4) WHEN 5 THEN DATE(s5) END, f.own_day) AS day, f.rep, f.source, p.k AS stage, COUNT(*) AS entries
FROM f JOIN p ON p.k <= f.reached
GROUP BY COALESCE(CASE p.k WHEN 0 THEN DATE(s0) WHEN 1 THEN DATE(s1) WHEN 2 THEN DATE(s2) WHEN 3 THEN DATE(s3) WHEN 4 THEN DATE(s4) WHEN 5 THEN DATE(s5) END, f.own_day), f.rep, f.source, p.k;

CREATE OR REPLACE VIEW `sales.voronka_agg_sales` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 5) AS reached,
    DATE(COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS own_day, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`, `Лид`, COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS sale_at, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`) AS known_at, `Лид` AS s0, `Встреча назначена` AS s1, `Встреча подтверждена` AS s2, `Встреча` AS s3, `КП` AS s4, `Оплата` AS s5
  FROM `sales.voronka_deals`
),
w AS (
  SELECT f.*, CASE WHEN client <> '' AND ROW_NUMBER() OVER (PARTITION BY CASE WHEN client <> '' THEN REPLACE(LOWER(TRIM(REGEXP_REPLACE(client, r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')), 'ё', 'е') END ORDER BY CASE WHEN sale_at IS NULL THEN 1 ELSE 0 END, sale_at, origin, origin_order) > 1 THEN TRUE ELSE FALSE END AS repeat_win
  FROM f WHERE status = 'won'
)
SELECT DATE(sale_at) AS day, rep, source, CASE WHEN amount IS NULL THEN '' ELSE COALESCE(currency, '') END AS currency,
  COUNT(*) AS sales, COALESCE(SUM(amount), 0) AS revenue, COUNT(amount) AS amounts,
  COALESCE(LOGICAL_OR(amount <> FLOOR(amount)), FALSE) AS cents,
  COALESCE(SUM(CASE WHEN amount IS NOT NULL AND margin IS NOT NULL THEN margin END), 0) AS margin,
  COALESCE(SUM(CASE WHEN amount IS NOT NULL AND margin IS NOT NULL THEN amount END), 0) AS margin_base,
  SUM(CASE WHEN amount IS NOT NULL AND margin IS NOT NULL THEN 1 ELSE 0 END) AS margins,
  COALESCE(SUM(CASE WHEN repeat_win AND amount IS NOT NULL THEN amount END), 0) AS repeat_revenue
FROM w GROUP BY DATE(sale_at), rep, source, CASE WHEN amount IS NULL THEN '' ELSE COALESCE(currency, '') END;

CREATE OR REPLACE VIEW `sales.voronka_agg_cycles` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 5) AS reached,
    DATE(COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS own_day, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`, `Лид`, COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS sale_at, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`) AS known_at, `Лид` AS s0, `Встреча назначена` AS s1, `Встреча подтверждена` AS s2, `Встреча` AS s3, `КП` AS s4, `Оплата` AS s5
  FROM `sales.voronka_deals`
),
c AS (
  SELECT DATE(known_at) AS sale_day, rep, source, CAST(ROUND(TIMESTAMP_DIFF(known_at, created, MILLISECOND) / 3600000.0) AS INT64) AS hours
  FROM f WHERE status = 'won' AND known_at IS NOT NULL AND created IS NOT NULL AND known_at >= created
)
SELECT sale_day AS day, rep, source, COUNT(*) AS deals, SUM(hours) AS total_hours
FROM c GROUP BY sale_day, rep, source;

CREATE OR REPLACE VIEW `sales.voronka_agg_cycle_spread` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 5) AS reached,
    DATE(COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS own_day, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`, `Лид`, COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS sale_at, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`) AS known_at, `Лид` AS s0, `Встреча назначена` AS s1, `Встреча подтверждена` AS s2, `Встреча` AS s3, `КП` AS s4, `Оплата` AS s5
  FROM `sales.voronka_deals`
),
c AS (
  SELECT DATE(known_at) AS sale_day, rep, source, CAST(ROUND(TIMESTAMP_DIFF(known_at, created, MILLISECOND) / 3600000.0) AS INT64) AS hours
  FROM f WHERE status = 'won' AND known_at IS NOT NULL AND created IS NOT NULL AND known_at >= created
),
clamped AS (SELECT sale_day, rep, source, LEAST(hours, 1048575) AS spread_hours FROM c),
bucketed AS (
  SELECT GREATEST(DATE_TRUNC(sale_day, ISOWEEK), DATE_TRUNC(sale_day, MONTH)) AS part, rep, source, spread_hours,
    CASE WHEN spread_hours < 16 THEN spread_hours
    WHEN spread_hours < 32 THEN spread_hours - MOD(spread_hours, 2)
    WHEN spread_hours < 64 THEN spread_hours - MOD(spread_hours, 4)
    WHEN spread_hours < 128 THEN spread_hours - MOD(spread_hours, 8)
    WHEN spread_hours < 192 THEN spread_hours - MOD(spread_hours, 16)
    WHEN spread_hours < 8640 THEN spread_hours - MOD(spread_hours, 24)
    WHEN spread_hours < 1048576 THEN spread_hours - MOD(spread_hours, 720)
    ELSE 1048320 END AS from_hours
  FROM clamped
)
SELECT part AS day, rep, source, from_hours, COUNT(*) AS deals, MIN(spread_hours) AS min_hours, MAX(spread_hours) AS max_hours, SUM(spread_hours) AS total_hours
FROM bucketed GROUP BY part, rep, source, from_hours;

CREATE OR REPLACE VIEW `sales.voronka_agg_spans` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 5) AS reached,
    DATE(COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS own_day, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`, `Лид`, COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS sale_at, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`) AS known_at, `Лид` AS s0, `Встреча назначена` AS s1, `Встреча подтверждена` AS s2, `Встреча` AS s3, `КП` AS s4, `Оплата` AS s5
  FROM `sales.voronka_deals`
),
s AS (
  SELECT GREATEST(DATE_TRUNC(own_day, ISOWEEK), DATE_TRUNC(own_day, MONTH)) AS part, rep, source, DATE_DIFF(DATE(known_at), own_day, DAY) AS days
  FROM f WHERE status = 'won' AND known_at IS NOT NULL AND own_day IS NOT NULL AND DATE(known_at) >= own_day
)
SELECT part AS day, rep, source, days, COUNT(*) AS deals
FROM s GROUP BY part, rep, source, days;

CREATE OR REPLACE VIEW `sales.voronka_agg_cohorts` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 5) AS reached,
    DATE(COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS own_day, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`, `Лид`, COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS sale_at, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`) AS known_at, `Лид` AS s0, `Встреча назначена` AS s1, `Встреча подтверждена` AS s2, `Встреча` AS s3, `КП` AS s4, `Оплата` AS s5
  FROM `sales.voronka_deals`
), p AS (SELECT 0 AS k UNION ALL SELECT 1 AS k UNION ALL SELECT 2 AS k UNION ALL SELECT 3 AS k UNION ALL SELECT 4 AS k UNION ALL SELECT 5 AS k),
dz AS (SELECT CASE WHEN COUNT(`Лид`) > 0 THEN 0 ELSE 1 END AS u0, CASE WHEN COUNT(`Встреча назначена`) > 0 THEN 0 ELSE 1 END AS u1, CASE WHEN COUNT(`Встреча подтверждена`) > 0 THEN 0 ELSE 1 END AS u2, CASE WHEN COUNT(`Встреча`) > 0 THEN 0 ELSE 1 END AS u3, CASE WHEN COUNT(`КП`) > 0 THEN 0 ELSE 1 END AS u4, CASE WHEN COUNT(`Оплата`) > 0 THEN 0 ELSE 1 END AS u5 FROM `sales.voronka_deals`),
r AS (
  SELECT f.own_day, f.rep, f.source, p.k, CASE p.k WHEN 0 THEN (SELECT MIN(x) FROM UNNEST([DATE(s0), DATE(s1), DATE(s2), DATE(s3), DATE(s4), DATE(s5)]) AS x) WHEN 1 THEN (SELECT MIN(x) FROM UNNEST([DATE(s1), DATE(s2), DATE(s3), DATE(s4), DATE(s5)]) AS x) WHEN 2 THEN (SELECT MIN(x) FROM UNNEST([DATE(s2), DATE(s3), DATE(s4), DATE(s5)]) AS x) WHEN 3 THEN (SELECT MIN(x) FROM UNNEST([DATE(s3), DATE(s4), DATE(s5)]) AS x) WHEN 4 THEN (SELECT MIN(x) FROM UNNEST([DATE(s4), DATE(s5)]) AS x) WHEN 5 THEN DATE(s5) END AS earliest, GREATEST(CASE WHEN 0 >= p.k AND 0 <= f.reached THEN dz.u0 ELSE 0 END, CASE WHEN 1 >= p.k AND 1 <= f.reached THEN dz.u1 ELSE 0 END, CASE WHEN 2 >= p.k AND 2 <= f.reached THEN dz.u2 ELSE 0 END, CASE WHEN 3 >= p.k AND 3 <= f.reached THEN dz.u3 ELSE 0 END, CASE WHEN 4 >= p.k AND 4 <= f.reached THEN dz.u4 ELSE 0 END, CASE WHEN 5 >= p.k AND 5 <= f.reached THEN dz.u5 ELSE 0 END) AS any_undated
  FROM f JOIN p ON p.k <= f.reached CROSS JOIN dz WHERE f.own_day IS NOT NULL
),
c AS (
  SELECT GREATEST(DATE_TRUNC(own_day, ISOWEEK), DATE_TRUNC(own_day, MONTH)) AS part, rep, source, k, CASE WHEN any_undated = 1 THEN 0 WHEN earliest IS NULL THEN NULL ELSE GREATEST(0, DATE_DIFF(earliest, own_day, DAY)) END AS within_days FROM r
)
SELECT part AS day, rep, source, k AS stage, within_days, COUNT(*) AS deals
FROM c GROUP BY part, rep, source, k, within_days;

CREATE OR REPLACE VIEW `sales.voronka_agg_transitions` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 5) AS reached,
    DATE(COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS own_day, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`, `Лид`, COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS sale_at, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`) AS known_at, `Лид` AS s0, `Встреча назначена` AS s1, `Встреча подтверждена` AS s2, `Встреча` AS s3, `КП` AS s4, `Оплата` AS s5
  FROM `sales.voronka_deals`
),
p AS (SELECT 0 AS k UNION ALL SELECT 1 AS k UNION ALL SELECT 2 AS k UNION ALL SELECT 3 AS k UNION ALL SELECT 4 AS k),
t AS (
  SELECT f.rep, f.source, p.k, CASE p.k WHEN 0 THEN s0 WHEN 1 THEN s1 WHEN 2 THEN s2 WHEN 3 THEN s3 WHEN 4 THEN s4 END AS a, CASE p.k WHEN 0 THEN s1 WHEN 1 THEN s2 WHEN 2 THEN s3 WHEN 3 THEN s4 WHEN 4 THEN s5 END AS b FROM f JOIN p ON p.k < f.reached
),
h AS (
  SELECT DATE(b) AS moved_day, rep, source, k, CAST(ROUND(TIMESTAMP_DIFF(b, a, MILLISECOND) / 3600000.0) AS INT64) AS hours
  FROM t WHERE a IS NOT NULL AND b IS NOT NULL AND b >= a
)
SELECT moved_day AS day, rep, source, k AS step, COUNT(*) AS transitions, SUM(hours) AS total_hours
FROM h GROUP BY moved_day, rep, source, k;

CREATE OR REPLACE VIEW `sales.voronka_agg_transition_spread` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 5) AS reached,
    DATE(COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS own_day, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`, `Лид`, COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS sale_at, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`) AS known_at, `Лид` AS s0, `Встреча назначена` AS s1, `Встреча подтверждена` AS s2, `Встреча` AS s3, `КП` AS s4, `Оплата` AS s5
  FROM `sales.voronka_deals`
),
p AS (SELECT 0 AS k UNION ALL SELECT 1 AS k UNION ALL SELECT 2 AS k UNION ALL SELECT 3 AS k UNION ALL SELECT 4 AS k),
t AS (
  SELECT f.rep, f.source, p.k, CASE p.k WHEN 0 THEN s0 WHEN 1 THEN s1 WHEN 2 THEN s2 WHEN 3 THEN s3 WHEN 4 THEN s4 END AS a, CASE p.k WHEN 0 THEN s1 WHEN 1 THEN s2 WHEN 2 THEN s3 WHEN 3 THEN s4 WHEN 4 THEN s5 END AS b FROM f JOIN p ON p.k < f.reached
),
h AS (
  SELECT DATE(b) AS moved_day, rep, source, k, CAST(ROUND(TIMESTAMP_DIFF(b, a, MILLISECOND) / 3600000.0) AS INT64) AS hours
  FROM t WHERE a IS NOT NULL AND b IS NOT NULL AND b >= a
),
clamped AS (SELECT moved_day, rep, source, k, LEAST(hours, 1048575) AS spread_hours FROM h),
bucketed AS (
  SELECT GREATEST(DATE_TRUNC(moved_day, ISOWEEK), DATE_TRUNC(moved_day, MONTH)) AS part, rep, source, k, spread_hours,
    CASE WHEN spread_hours < 16 THEN spread_hours
    WHEN spread_hours < 32 THEN spread_hours - MOD(spread_hours, 2)
    WHEN spread_hours < 64 THEN spread_hours - MOD(spread_hours, 4)
    WHEN spread_hours < 128 THEN spread_hours - MOD(spread_hours, 8)
    WHEN spread_hours < 192 THEN spread_hours - MOD(spread_hours, 16)
    WHEN spread_hours < 8640 THEN spread_hours - MOD(spread_hours, 24)
    WHEN spread_hours < 1048576 THEN spread_hours - MOD(spread_hours, 720)
    ELSE 1048320 END AS from_hours
  FROM clamped
)
SELECT part AS day, rep, source, k AS step, from_hours, COUNT(*) AS transitions, MIN(spread_hours) AS min_hours, MAX(spread_hours) AS max_hours, SUM(spread_hours) AS total_hours
FROM bucketed GROUP BY part, rep, source, k, from_hours;

CREATE OR REPLACE VIEW `sales.voronka_agg_role_leads` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 5) AS reached,
    DATE(COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS own_day, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`, `Лид`, COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS sale_at, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`) AS known_at, `Лид` AS s0, `Встреча назначена` AS s1, `Встреча подтверждена` AS s2, `Встреча` AS s3, `КП` AS s4, `Оплата` AS s5
  FROM `sales.voronka_deals`
),
b AS (
  SELECT own_day, rep, source, targeted, id, status, amount,
    CASE WHEN booked_by <> '' THEN booked_by ELSE rep END AS sdr, booked_by = '' AS by_owner,
    reached >= 1 AND (NOT ((SELECT COUNT(*) FROM `sales.voronka_deals` WHERE `Встреча назначена` IS NOT NULL OR `Встреча подтверждена` IS NOT NULL OR `Встреча` IS NOT NULL) > 0) OR (s1 IS NOT NULL OR s2 IS NOT NULL OR s3 IS NOT NULL) OR booked_by <> '') AS booking,
    COALESCE(DATE(s1), DATE(s3)) AS booking_day, DATE(s2) AS confirmed_day,
    DATE(s3) AS held_day, DATE(s4) AS proposal_day,
    CASE WHEN status = 'won' THEN DATE(known_at) END AS sale_day,
    reached >= 2 AS is_confirmed, reached >= 3 AS is_held, reached >= 4 AS is_proposal,
    status = 'won' AS is_won
  FROM f
)
SELECT own_day AS day, sdr, by_owner, source, targeted, COUNT(*) AS deals
FROM b WHERE sdr <> '' GROUP BY own_day, sdr, by_owner, source, targeted;

CREATE OR REPLACE VIEW `sales.voronka_agg_bookings` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 5) AS reached,
    DATE(COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS own_day, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`, `Лид`, COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS sale_at, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`) AS known_at, `Лид` AS s0, `Встреча назначена` AS s1, `Встреча подтверждена` AS s2, `Встреча` AS s3, `КП` AS s4, `Оплата` AS s5
  FROM `sales.voronka_deals`
),
b AS (
  SELECT own_day, rep, source, targeted, id, status, amount,
    CASE WHEN booked_by <> '' THEN booked_by ELSE rep END AS sdr, booked_by = '' AS by_owner,
    reached >= 1 AND (NOT ((SELECT COUNT(*) FROM `sales.voronka_deals` WHERE `Встреча назначена` IS NOT NULL OR `Встреча подтверждена` IS NOT NULL OR `Встреча` IS NOT NULL) > 0) OR (s1 IS NOT NULL OR s2 IS NOT NULL OR s3 IS NOT NULL) OR booked_by <> '') AS booking,
    COALESCE(DATE(s1), DATE(s3)) AS booking_day, DATE(s2) AS confirmed_day,
    DATE(s3) AS held_day, DATE(s4) AS proposal_day,
    CASE WHEN status = 'won' THEN DATE(known_at) END AS sale_day,
    reached >= 2 AS is_confirmed, reached >= 3 AS is_held, reached >= 4 AS is_proposal,
    status = 'won' AS is_won
  FROM f
)
SELECT booking_day AS day, sdr, by_owner, source, targeted, COUNT(*) AS booked,
  SUM(CASE WHEN is_confirmed THEN 1 ELSE 0 END) AS confirmed, SUM(CASE WHEN is_held THEN 1 ELSE 0 END) AS held, SUM(CASE WHEN is_held AND is_won THEN 1 ELSE 0 END) AS held_won,
  SUM(CASE WHEN is_won THEN 1 ELSE 0 END) AS sales, COALESCE(SUM(CASE WHEN is_won THEN amount END), 0) AS revenue, COUNT(amount) AS amounts
FROM b WHERE booking GROUP BY booking_day, sdr, by_owner, source, targeted;

CREATE OR REPLACE VIEW `sales.voronka_agg_booking_reach` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 5) AS reached,
    DATE(COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS own_day, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`, `Лид`, COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS sale_at, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`) AS known_at, `Лид` AS s0, `Встреча назначена` AS s1, `Встреча подтверждена` AS s2, `Встреча` AS s3, `КП` AS s4, `Оплата` AS s5
  FROM `sales.voronka_deals`
),
b AS (
  SELECT own_day, rep, source, targeted, id, status, amount,
    CASE WHEN booked_by <> '' THEN booked_by ELSE rep END AS sdr, booked_by = '' AS by_owner,
    reached >= 1 AND (NOT ((SELECT COUNT(*) FROM `sales.voronka_deals` WHERE `Встреча назначена` IS NOT NULL OR `Встреча подтверждена` IS NOT NULL OR `Встреча` IS NOT NULL) > 0) OR (s1 IS NOT NULL OR s2 IS NOT NULL OR s3 IS NOT NULL) OR booked_by <> '') AS booking,
    COALESCE(DATE(s1), DATE(s3)) AS booking_day, DATE(s2) AS confirmed_day,
    DATE(s3) AS held_day, DATE(s4) AS proposal_day,
    CASE WHEN status = 'won' THEN DATE(known_at) END AS sale_day,
    reached >= 2 AS is_confirmed, reached >= 3 AS is_held, reached >= 4 AS is_proposal,
    status = 'won' AS is_won
  FROM f
),
k AS (
  SELECT GREATEST(DATE_TRUNC(booking_day, ISOWEEK), DATE_TRUNC(booking_day, MONTH)) AS part, sdr, by_owner, source, targeted, id, rep, status,
    is_confirmed, is_held, is_won, booking_day, held_day,
    CASE WHEN confirmed_day IS NULL THEN CAST(NULL AS INT64) ELSE GREATEST(0, DATE_DIFF(confirmed_day, booking_day, DAY)) END AS confirmed_after, CASE WHEN held_day IS NULL THEN CAST(NULL AS INT64) ELSE GREATEST(0, DATE_DIFF(held_day, booking_day, DAY)) END AS held_after, CASE WHEN sale_day IS NULL THEN CAST(NULL AS INT64) ELSE GREATEST(0, DATE_DIFF(sale_day, booking_day, DAY)) END AS sale_after
  FROM b WHERE booking AND booking_day IS NOT NULL
),
o AS (
  SELECT part, sdr, by_owner, source, 'booked' AS outcome, CAST(NULL AS INT64) AS within_days FROM k
  UNION ALL
  SELECT part, sdr, by_owner, source, CASE WHEN targeted THEN 'targeted' ELSE 'untargeted' END AS outcome, CAST(NULL AS INT64) AS within_days FROM k WHERE targeted IS NOT NULL
  UNION ALL
  SELECT part, sdr, by_owner, source, 'held_lost' AS outcome, CAST(NULL AS INT64) AS within_days FROM k WHERE is_held AND status = 'lost'
  UNION ALL
  SELECT part, sdr, by_owner, source, 'confirmed' AS outcome, CASE WHEN NOT is_held THEN confirmed_after WHEN held_after IS NULL OR confirmed_after IS NULL THEN NULL ELSE LEAST(held_after, confirmed_after) END AS within_days FROM k WHERE is_confirmed
  UNION ALL
  SELECT part, sdr, by_owner, source, 'held' AS outcome, held_after AS within_days FROM k WHERE is_held
  UNION ALL
  SELECT part, sdr, by_owner, source, 'held_won' AS outcome, CASE WHEN held_after IS NULL THEN sale_after WHEN sale_after IS NULL THEN held_after ELSE GREATEST(held_after, sale_after) END AS within_days FROM k WHERE is_held AND is_won
)
SELECT part AS day, sdr, by_owner, source, outcome, within_days, COUNT(*) AS deals
FROM o WHERE within_days IS NULL OR within_days <= 3650
GROUP BY part, sdr, by_owner, source, outcome, within_days;

CREATE OR REPLACE VIEW `sales.voronka_agg_role_events` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 5) AS reached,
    DATE(COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS own_day, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`, `Лид`, COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS sale_at, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`) AS known_at, `Лид` AS s0, `Встреча назначена` AS s1, `Встреча подтверждена` AS s2, `Встреча` AS s3, `КП` AS s4, `Оплата` AS s5
  FROM `sales.voronka_deals`
),
b2 AS (
  SELECT own_day, rep, source, targeted, id, status, amount,
    CASE WHEN booked_by <> '' THEN booked_by ELSE rep END AS sdr, booked_by = '' AS by_owner,
    reached >= 1 AND (NOT ((SELECT COUNT(*) FROM `sales.voronka_deals` WHERE `Встреча назначена` IS NOT NULL OR `Встреча подтверждена` IS NOT NULL OR `Встреча` IS NOT NULL) > 0) OR (s1 IS NOT NULL OR s2 IS NOT NULL OR s3 IS NOT NULL) OR booked_by <> '') AS booking,
    COALESCE(DATE(s1), DATE(s3)) AS booking_day, DATE(s2) AS confirmed_day,
    DATE(s3) AS held_day, DATE(s4) AS proposal_day,
    CASE WHEN status = 'won' THEN DATE(known_at) END AS sale_day,
    reached >= 2 AS is_confirmed, reached >= 3 AS is_held, reached >= 4 AS is_proposal,
    status = 'won' AS is_won, known_at, origin, origin_order,
    CASE WHEN status = 'won' AND client <> '' THEN REPLACE(LOWER(TRIM(REGEXP_REPLACE(client, r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')), 'ё', 'е') ELSE '' END AS client_key
  FROM f
),
r AS (
  SELECT *, is_won AND client_key <> '' AND ROW_NUMBER() OVER (PARTITION BY client_key ORDER BY CASE WHEN known_at IS NULL THEN 1 ELSE 0 END, DATE(known_at), origin, origin_order) > 1 AS repeat_win
  FROM b2
),
ev AS (
  SELECT COALESCE(held_day, own_day) AS day, rep, source, 'held' AS event, CAST(NULL AS FLOAT64) AS amount FROM r WHERE is_held
  UNION ALL
  SELECT COALESCE(held_day, own_day) AS day, rep, source, 'held_won' AS event, CAST(NULL AS FLOAT64) AS amount FROM r WHERE is_held AND is_won
  UNION ALL
  SELECT COALESCE(proposal_day, own_day) AS day, rep, source, 'proposal' AS event, CAST(NULL AS FLOAT64) AS amount FROM r WHERE is_proposal
  UNION ALL
  SELECT COALESCE(sale_day, own_day) AS day, rep, source, 'sale' AS event, amount AS amount FROM r WHERE is_won
  UNION ALL
  SELECT COALESCE(sale_day, own_day) AS day, rep, source, 'repeat_sale' AS event, amount AS amount FROM r WHERE repeat_win
)
SELECT day, rep, source, event, COUNT(*) AS deals, COALESCE(SUM(amount), 0) AS revenue, COUNT(amount) AS amounts
FROM ev GROUP BY day, rep, source, event;

CREATE OR REPLACE VIEW `sales.voronka_agg_repeat_clients` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 5) AS reached,
    DATE(COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS own_day, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`, `Лид`, COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS sale_at, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`) AS known_at, `Лид` AS s0, `Встреча назначена` AS s1, `Встреча подтверждена` AS s2, `Встреча` AS s3, `КП` AS s4, `Оплата` AS s5
  FROM `sales.voronka_deals`
),
b2 AS (
  SELECT own_day, rep, source, targeted, id, status, amount,
    CASE WHEN booked_by <> '' THEN booked_by ELSE rep END AS sdr, booked_by = '' AS by_owner,
    reached >= 1 AND (NOT ((SELECT COUNT(*) FROM `sales.voronka_deals` WHERE `Встреча назначена` IS NOT NULL OR `Встреча подтверждена` IS NOT NULL OR `Встреча` IS NOT NULL) > 0) OR (s1 IS NOT NULL OR s2 IS NOT NULL OR s3 IS NOT NULL) OR booked_by <> '') AS booking,
    COALESCE(DATE(s1), DATE(s3)) AS booking_day, DATE(s2) AS confirmed_day,
    DATE(s3) AS held_day, DATE(s4) AS proposal_day,
    CASE WHEN status = 'won' THEN DATE(known_at) END AS sale_day,
    reached >= 2 AS is_confirmed, reached >= 3 AS is_held, reached >= 4 AS is_proposal,
    status = 'won' AS is_won, known_at, origin, origin_order,
    CASE WHEN status = 'won' AND client <> '' THEN REPLACE(LOWER(TRIM(REGEXP_REPLACE(client, r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')), 'ё', 'е') ELSE '' END AS client_key
  FROM f
),
r AS (
  SELECT *, is_won AND client_key <> '' AND ROW_NUMBER() OVER (PARTITION BY client_key ORDER BY CASE WHEN known_at IS NULL THEN 1 ELSE 0 END, DATE(known_at), origin, origin_order) > 1 AS repeat_win
  FROM b2
)
SELECT COALESCE(sale_day, own_day) AS day, rep, source, client_key AS client
FROM r WHERE repeat_win GROUP BY COALESCE(sale_day, own_day), rep, source, client_key;

CREATE OR REPLACE VIEW `sales.voronka_agg_held_lost` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 5) AS reached,
    DATE(COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS own_day, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`, `Лид`, COALESCE(created, `Лид`, `Встреча назначена`, `Встреча подтверждена`, `Встреча`, `КП`, `Оплата`, closed)) AS sale_at, COALESCE(closed, `Оплата`, `КП`, `Встреча`, `Встреча подтверждена`, `Встреча назначена`) AS known_at, `Лид` AS s0, `Встреча назначена` AS s1, `Встреча подтверждена` AS s2, `Встреча` AS s3, `КП` AS s4, `Оплата` AS s5
  FROM `sales.voronka_deals`
),
b AS (
  SELECT own_day, rep, source, targeted, id, status, amount,
    CASE WHEN booked_by <> '' THEN booked_by ELSE rep END AS sdr, booked_by = '' AS by_owner,
    reached >= 1 AND (NOT ((SELECT COUNT(*) FROM `sales.voronka_deals` WHERE `Встреча назначена` IS NOT NULL OR `Встреча подтверждена` IS NOT NULL OR `Встреча` IS NOT NULL) > 0) OR (s1 IS NOT NULL OR s2 IS NOT NULL OR s3 IS NOT NULL) OR booked_by <> '') AS booking,
    COALESCE(DATE(s1), DATE(s3)) AS booking_day, DATE(s2) AS confirmed_day,
    DATE(s3) AS held_day, DATE(s4) AS proposal_day,
    CASE WHEN status = 'won' THEN DATE(known_at) END AS sale_day,
    reached >= 2 AS is_confirmed, reached >= 3 AS is_held, reached >= 4 AS is_proposal,
    status = 'won' AS is_won
  FROM f
),
k AS (
  SELECT GREATEST(DATE_TRUNC(booking_day, ISOWEEK), DATE_TRUNC(booking_day, MONTH)) AS part, sdr, by_owner, source, targeted, id, rep, status,
    is_confirmed, is_held, is_won, booking_day, held_day,
    CASE WHEN confirmed_day IS NULL THEN CAST(NULL AS INT64) ELSE GREATEST(0, DATE_DIFF(confirmed_day, booking_day, DAY)) END AS confirmed_after, CASE WHEN held_day IS NULL THEN CAST(NULL AS INT64) ELSE GREATEST(0, DATE_DIFF(held_day, booking_day, DAY)) END AS held_after, CASE WHEN sale_day IS NULL THEN CAST(NULL AS INT64) ELSE GREATEST(0, DATE_DIFF(sale_day, booking_day, DAY)) END AS sale_after
  FROM b WHERE booking AND booking_day IS NOT NULL
),
h AS (
  SELECT part, sdr, by_owner, id, source, targeted, booking_day, held_day, rep,
    ROW_NUMBER() OVER (PARTITION BY part, sdr, by_owner ORDER BY held_day DESC NULLS LAST, booking_day DESC, id, source, rep,
      CASE WHEN targeted IS NULL THEN 0 WHEN targeted THEN 2 ELSE 1 END) AS place
  FROM k WHERE is_held AND status = 'lost'
)
SELECT part AS day, sdr, by_owner, id, source, targeted, booking_day AS booked_day, held_day, rep
FROM h WHERE place <= 10;

CREATE OR REPLACE VIEW `sales.voronka_agg_meta` AS
SELECT 60 AS long_call_seconds, COALESCE((SELECT LOGICAL_OR(client <> '') FROM `sales.voronka_deals`), FALSE) AS has_client;

CREATE OR REPLACE VIEW `sales.voronka_agg_graded_deals` AS
WITH graded AS (
  SELECT DISTINCT graded_id FROM (
    SELECT TRIM(COALESCE(CAST(`ID сделки` AS STRING), '')) AS graded_id FROM `sheets.call_checklist`
  ) AS g WHERE graded_id <> ''
),
by_key AS (
  SELECT k, rep, status FROM (
    SELECT REPLACE(LOWER(TRIM(REGEXP_REPLACE(id, r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')), 'ё', 'е') AS k, rep, status, ROW_NUMBER() OVER (PARTITION BY REPLACE(LOWER(TRIM(REGEXP_REPLACE(id, r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')), 'ё', 'е') ORDER BY origin, origin_order) AS copy
    FROM `sales.voronka_deals` WHERE id <> ''
  ) AS t WHERE copy = 1
)
SELECT g.graded_id, CASE WHEN d.id IS NOT NULL THEN d.rep ELSE k.rep END AS deal_rep, CASE WHEN d.id IS NOT NULL THEN d.status ELSE k.status END AS deal_status
FROM graded AS g
  LEFT JOIN `sales.voronka_deals` AS d ON d.id = g.graded_id
  LEFT JOIN by_key AS k ON k.k = REPLACE(LOWER(TRIM(REGEXP_REPLACE(g.graded_id, r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')), 'ё', 'е')
WHERE d.id IS NOT NULL OR k.k IS NOT NULL;
