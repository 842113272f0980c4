CREATE OR REPLACE TABLE `zoho.voronka_deals` AS
WITH deals_raw_1 AS (
  SELECT 0 AS ord,
    TRIM(COALESCE(CAST(`LEADID` AS STRING), '')) AS id,
    SAFE_CAST(`Created Time` AS TIMESTAMP) AS created,
    CASE WHEN STRPOS(TRIM(COALESCE(CAST(`Lead Owner` AS STRING), '')), '<') > 0 THEN TRIM(REGEXP_REPLACE(REGEXP_REPLACE(TRIM(COALESCE(CAST(`Lead Owner` AS STRING), '')), r'<[^>]*>', ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ') ELSE TRIM(COALESCE(CAST(`Lead Owner` AS STRING), '')) END AS rep,
    TRIM(COALESCE(CAST(`Lead Source` AS STRING), '')) AS source,
    TRIM(COALESCE(CAST(`Company` AS STRING), '')) AS client,
    TRIM(COALESCE(CAST(NULL AS STRING), '')) AS booked_by,
    LOWER(TRIM(REGEXP_REPLACE(COALESCE(CAST(`Lead Status` AS STRING), ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')) AS stage_key,
    LOWER(TRIM(REGEXP_REPLACE(COALESCE(CAST(NULL AS STRING), ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')) AS status_key,
    LOWER(TRIM(REGEXP_REPLACE(COALESCE(CAST(NULL AS STRING), ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')) AS won_key,
    LOWER(TRIM(REGEXP_REPLACE(COALESCE(CAST(NULL AS STRING), ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')) AS closed_flag_key,
    LOWER(TRIM(REGEXP_REPLACE(COALESCE(CAST(NULL AS STRING), ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')) AS closed_key,
    SAFE_CAST(NULL AS TIMESTAMP) AS closed_at,
    SAFE_CAST(NULL AS FLOAT64) AS amount,
    NULLIF(UPPER(TRIM(COALESCE(CAST(NULL AS STRING), ''))), '') AS currency,
    SAFE_CAST(NULL AS FLOAT64) AS cost,
    SAFE_CAST(NULL AS FLOAT64) AS margin_raw,
    LOWER(TRIM(REGEXP_REPLACE(COALESCE(CAST(NULL AS STRING), ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')) AS targeted_key,
    TRIM(COALESCE(CAST(`LEADID` AS STRING), '')) AS link_key,
    LOWER(TRIM(REGEXP_REPLACE(COALESCE(CAST(`CONVERTED` AS STRING), ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')) AS flag_key
  FROM `zoho.leads`
),
deals_first_1 AS (
  SELECT * FROM (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY ord) AS copy
    FROM deals_raw_1 WHERE id <> ''
  ) AS t WHERE copy = 1
),
deals_read_1 AS (
  SELECT ord, id, created, rep, source, client, booked_by, amount, currency, link_key, flag_key,
    CAST(NULL AS FLOAT64) AS margin,
    CASE WHEN FALSE THEN TRUE WHEN FALSE THEN FALSE END AS targeted,
    outcome,
    GREATEST(-1, CASE WHEN stage_key IN ('contacted') THEN 3 WHEN stage_key IN ('attempted to contact') THEN 1 WHEN stage_key IN ('pre qualified') THEN 4 WHEN stage_key IN ('contact in future') THEN 2 WHEN stage_key IN ('not contacted') THEN 0 ELSE -1 END) AS reached,
    CAST(NULL AS TIMESTAMP) AS closed,
    CAST(NULL AS TIMESTAMP) AS r0,
    CAST(NULL AS TIMESTAMP) AS r1,
    CAST(NULL AS TIMESTAMP) AS r2,
    CAST(NULL AS TIMESTAMP) AS r3,
    CAST(NULL AS TIMESTAMP) AS r4,
    CAST(NULL AS TIMESTAMP) AS r5,
    CAST(NULL AS TIMESTAMP) AS r6,
    CAST(NULL AS TIMESTAMP) AS r7,
    CAST(NULL AS TIMESTAMP) AS r8,
    CAST(NULL AS TIMESTAMP) AS r9,
    CAST(NULL AS TIMESTAMP) AS r10,
    CAST(NULL AS TIMESTAMP) AS r11,
    CAST(NULL AS TIMESTAMP) AS r12
  FROM (SELECT *, CASE WHEN FALSE THEN 'won' WHEN FALSE THEN 'lost' WHEN FALSE THEN 'won' WHEN FALSE THEN 'won' WHEN stage_key IN ('junk lead', 'lost lead') THEN 'lost' WHEN FALSE THEN 'lost' ELSE 'open' END AS outcome FROM deals_first_1) AS t
),
ordered0_1 AS (SELECT *, r0 AS k0, r0 AS m0 FROM deals_read_1),
ordered1_1 AS (SELECT *, CASE WHEN r1 < m0 THEN NULL ELSE r1 END AS k1, COALESCE(CASE WHEN r1 < m0 THEN NULL ELSE r1 END, m0) AS m1 FROM ordered0_1),
ordered2_1 AS (SELECT *, CASE WHEN r2 < m1 THEN NULL ELSE r2 END AS k2, COALESCE(CASE WHEN r2 < m1 THEN NULL ELSE r2 END, m1) AS m2 FROM ordered1_1),
ordered3_1 AS (SELECT *, CASE WHEN r3 < m2 THEN NULL ELSE r3 END AS k3, COALESCE(CASE WHEN r3 < m2 THEN NULL ELSE r3 END, m2) AS m3 FROM ordered2_1),
ordered4_1 AS (SELECT *, CASE WHEN r4 < m3 THEN NULL ELSE r4 END AS k4, COALESCE(CASE WHEN r4 < m3 THEN NULL ELSE r4 END, m3) AS m4 FROM ordered3_1),
ordered5_1 AS (SELECT *, CASE WHEN r5 < m4 THEN NULL ELSE r5 END AS k5, COALESCE(CASE WHEN r5 < m4 THEN NULL ELSE r5 END, m4) AS m5 FROM ordered4_1),
ordered6_1 AS (SELECT *, CASE WHEN r6 < m5 THEN NULL ELSE r6 END AS k6, COALESCE(CASE WHEN r6 < m5 THEN NULL ELSE r6 END, m5) AS m6 FROM ordered5_1),
ordered7_1 AS (SELECT *, CASE WHEN r7 < m6 THEN NULL ELSE r7 END AS k7, COALESCE(CASE WHEN r7 < m6 THEN NULL ELSE r7 END, m6) AS m7 FROM ordered6_1),
ordered8_1 AS (SELECT *, CASE WHEN r8 < m7 THEN NULL ELSE r8 END AS k8, COALESCE(CASE WHEN r8 < m7 THEN NULL ELSE r8 END, m7) AS m8 FROM ordered7_1),
ordered9_1 AS (SELECT *, CASE WHEN r9 < m8 THEN NULL ELSE r9 END AS k9, COALESCE(CASE WHEN r9 < m8 THEN NULL ELSE r9 END, m8) AS m9 FROM ordered8_1),
ordered10_1 AS (SELECT *, CASE WHEN r10 < m9 THEN NULL ELSE r10 END AS k10, COALESCE(CASE WHEN r10 < m9 THEN NULL ELSE r10 END, m9) AS m10 FROM ordered9_1),
ordered11_1 AS (SELECT *, CASE WHEN r11 < m10 THEN NULL ELSE r11 END AS k11, COALESCE(CASE WHEN r11 < m10 THEN NULL ELSE r11 END, m10) AS m11 FROM ordered10_1),
ordered12_1 AS (SELECT *, CASE WHEN r12 < m11 THEN NULL ELSE r12 END AS k12, COALESCE(CASE WHEN r12 < m11 THEN NULL ELSE r12 END, m11) AS m12 FROM ordered11_1),
deals_dated_1 AS (
  SELECT *, CASE WHEN created IS NOT NULL AND closed2 < created THEN CASE WHEN closed2 >= TIMESTAMP_TRUNC(created, DAY) THEN created END ELSE closed2 END AS closed3
  FROM (SELECT *, CASE WHEN (r0 IS NOT NULL AND k0 IS NULL AND closed = r0) OR (r1 IS NOT NULL AND k1 IS NULL AND closed = r1) OR (r2 IS NOT NULL AND k2 IS NULL AND closed = r2) OR (r3 IS NOT NULL AND k3 IS NULL AND closed = r3) OR (r4 IS NOT NULL AND k4 IS NULL AND closed = r4) OR (r5 IS NOT NULL AND k5 IS NULL AND closed = r5) OR (r6 IS NOT NULL AND k6 IS NULL AND closed = r6) OR (r7 IS NOT NULL AND k7 IS NULL AND closed = r7) OR (r8 IS NOT NULL AND k8 IS NULL AND closed = r8) OR (r9 IS NOT NULL AND k9 IS NULL AND closed = r9) OR (r10 IS NOT NULL AND k10 IS NULL AND closed = r10) OR (r11 IS NOT NULL AND k11 IS NULL AND closed = r11) OR (r12 IS NOT NULL AND k12 IS NULL AND closed = r12) THEN NULL ELSE closed END AS closed2 FROM ordered12_1) AS t
),
deals_status_1 AS (
  SELECT ord, id, created, rep, source, client, booked_by, amount, currency, margin, targeted, link_key, flag_key,
    CASE WHEN outcome = 'won' THEN 'won' WHEN outcome = 'lost' THEN 'lost' WHEN reached = 12 THEN 'won' ELSE 'open' END AS status, GREATEST(CASE WHEN outcome = 'won' THEN GREATEST(reached, 12) WHEN outcome = 'lost' AND reached >= 12 THEN 11 ELSE reached END, 0) AS reached, closed3 AS closed,
    k0 AS s0,
    k1 AS s1,
    k2 AS s2,
    k3 AS s3,
    k4 AS s4,
    k5 AS s5,
    k6 AS s6,
    k7 AS s7,
    k8 AS s8,
    k9 AS s9,
    k10 AS s10,
    k11 AS s11,
    CASE WHEN outcome = 'won' THEN COALESCE(k12, closed3) WHEN outcome = 'lost' AND reached >= 12 THEN NULL ELSE k12 END AS s12
  FROM deals_dated_1
),
deals_final_1 AS (
  SELECT ord, id, created, rep, source, client, booked_by, amount, currency, margin, targeted, status, reached, link_key, flag_key,
    CASE WHEN status = 'won' AND closed IS NULL THEN CASE reached WHEN 0 THEN s0 WHEN 1 THEN s1 WHEN 2 THEN s2 WHEN 3 THEN s3 WHEN 4 THEN s4 WHEN 5 THEN s5 WHEN 6 THEN s6 WHEN 7 THEN s7 WHEN 8 THEN s8 WHEN 9 THEN s9 WHEN 10 THEN s10 WHEN 11 THEN s11 WHEN 12 THEN s12 END ELSE closed END AS closed, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12
  FROM deals_status_1
),
deals_raw_2 AS (
  SELECT 0 AS ord,
    TRIM(COALESCE(CAST(`LEADID` AS STRING), '')) AS id,
    SAFE_CAST(`Created Time` AS TIMESTAMP) AS created,
    CASE WHEN STRPOS(TRIM(COALESCE(CAST(`Potential Owner` AS STRING), '')), '<') > 0 THEN TRIM(REGEXP_REPLACE(REGEXP_REPLACE(TRIM(COALESCE(CAST(`Potential Owner` AS STRING), '')), r'<[^>]*>', ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ') ELSE TRIM(COALESCE(CAST(`Potential Owner` AS STRING), '')) END AS rep,
    TRIM(COALESCE(CAST(`Lead Source` AS STRING), '')) AS source,
    TRIM(COALESCE(CAST(NULL AS STRING), '')) AS client,
    TRIM(COALESCE(CAST(NULL AS STRING), '')) AS booked_by,
    LOWER(TRIM(REGEXP_REPLACE(COALESCE(CAST(`Stage` AS STRING), ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')) AS stage_key,
    LOWER(TRIM(REGEXP_REPLACE(COALESCE(CAST(NULL AS STRING), ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')) AS status_key,
    LOWER(TRIM(REGEXP_REPLACE(COALESCE(CAST(NULL AS STRING), ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')) AS won_key,
    LOWER(TRIM(REGEXP_REPLACE(COALESCE(CAST(NULL AS STRING), ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')) AS closed_flag_key,
    LOWER(TRIM(REGEXP_REPLACE(COALESCE(CAST(`Closing Date` AS STRING), ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')) AS closed_key,
    SAFE_CAST(`Closing Date` AS TIMESTAMP) AS closed_at,
    SAFE_CAST(`Amount` AS FLOAT64) AS amount,
    NULLIF(UPPER(TRIM(COALESCE(CAST(NULL AS STRING), ''))), '') AS currency,
    SAFE_CAST(NULL AS FLOAT64) AS cost,
    SAFE_CAST(NULL AS FLOAT64) AS margin_raw,
    LOWER(TRIM(REGEXP_REPLACE(COALESCE(CAST(NULL AS STRING), ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')) AS targeted_key,
    TRIM(COALESCE(CAST(`LEADID` AS STRING), '')) AS link_key
  FROM `zoho.potentials`
),
deals_first_2 AS (
  SELECT * FROM (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY ord) AS copy
    FROM deals_raw_2 WHERE id <> ''
  ) AS t WHERE copy = 1
),
deals_read_2 AS (
  SELECT ord, id, created, rep, source, client, booked_by, amount, currency, link_key,
    CAST(NULL AS FLOAT64) AS margin,
    CASE WHEN FALSE THEN TRUE WHEN FALSE THEN FALSE END AS targeted,
    outcome,
    GREATEST(-1, CASE WHEN stage_key IN ('needs analysis') THEN 8 WHEN stage_key IN ('initial offer') THEN 9 WHEN stage_key IN ('qualification') THEN 7 WHEN stage_key IN ('prospect') THEN 6 WHEN stage_key IN ('proposal/price quote') THEN 10 WHEN stage_key IN ('negotiation/review') THEN 11 ELSE -1 END) AS reached,
    CASE WHEN outcome IN ('won', 'lost') AND NOT FALSE THEN closed_at END AS closed,
    CAST(NULL AS TIMESTAMP) AS r0,
    CAST(NULL AS TIMESTAMP) AS r1,
    CAST(NULL AS TIMESTAMP) AS r2,
    CAST(NULL AS TIMESTAMP) AS r3,
    CAST(NULL AS TIMESTAMP) AS r4,
    CAST(NULL AS TIMESTAMP) AS r5,
    CAST(NULL AS TIMESTAMP) AS r6,
    CAST(NULL AS TIMESTAMP) AS r7,
    CAST(NULL AS TIMESTAMP) AS r8,
    CAST(NULL AS TIMESTAMP) AS r9,
    CAST(NULL AS TIMESTAMP) AS r10,
    CAST(NULL AS TIMESTAMP) AS r11,
    CAST(NULL AS TIMESTAMP) AS r12
  FROM (SELECT *, CASE WHEN FALSE THEN 'won' WHEN FALSE THEN 'lost' WHEN FALSE THEN 'won' WHEN stage_key IN ('closed won') THEN 'won' WHEN stage_key IN ('closed lost') THEN 'lost' WHEN FALSE THEN 'lost' ELSE 'open' END AS outcome FROM deals_first_2) AS t
),
ordered0_2 AS (SELECT *, r0 AS k0, r0 AS m0 FROM deals_read_2),
ordered1_2 AS (SELECT *, CASE WHEN r1 < m0 THEN NULL ELSE r1 END AS k1, COALESCE(CASE WHEN r1 < m0 THEN NULL ELSE r1 END, m0) AS m1 FROM ordered0_2),
ordered2_2 AS (SELECT *, CASE WHEN r2 < m1 THEN NULL ELSE r2 END AS k2, COALESCE(CASE WHEN r2 < m1 THEN NULL ELSE r2 END, m1) AS m2 FROM ordered1_2),
ordered3_2 AS (SELECT *, CASE WHEN r3 < m2 THEN NULL ELSE r3 END AS k3, COALESCE(CASE WHEN r3 < m2 THEN NULL ELSE r3 END, m2) AS m3 FROM ordered2_2),
ordered4_2 AS (SELECT *, CASE WHEN r4 < m3 THEN NULL ELSE r4 END AS k4, COALESCE(CASE WHEN r4 < m3 THEN NULL ELSE r4 END, m3) AS m4 FROM ordered3_2),
ordered5_2 AS (SELECT *, CASE WHEN r5 < m4 THEN NULL ELSE r5 END AS k5, COALESCE(CASE WHEN r5 < m4 THEN NULL ELSE r5 END, m4) AS m5 FROM ordered4_2),
ordered6_2 AS (SELECT *, CASE WHEN r6 < m5 THEN NULL ELSE r6 END AS k6, COALESCE(CASE WHEN r6 < m5 THEN NULL ELSE r6 END, m5) AS m6 FROM ordered5_2),
ordered7_2 AS (SELECT *, CASE WHEN r7 < m6 THEN NULL ELSE r7 END AS k7, COALESCE(CASE WHEN r7 < m6 THEN NULL ELSE r7 END, m6) AS m7 FROM ordered6_2),
ordered8_2 AS (SELECT *, CASE WHEN r8 < m7 THEN NULL ELSE r8 END AS k8, COALESCE(CASE WHEN r8 < m7 THEN NULL ELSE r8 END, m7) AS m8 FROM ordered7_2),
ordered9_2 AS (SELECT *, CASE WHEN r9 < m8 THEN NULL ELSE r9 END AS k9, COALESCE(CASE WHEN r9 < m8 THEN NULL ELSE r9 END, m8) AS m9 FROM ordered8_2),
ordered10_2 AS (SELECT *, CASE WHEN r10 < m9 THEN NULL ELSE r10 END AS k10, COALESCE(CASE WHEN r10 < m9 THEN NULL ELSE r10 END, m9) AS m10 FROM ordered9_2),
ordered11_2 AS (SELECT *, CASE WHEN r11 < m10 THEN NULL ELSE r11 END AS k11, COALESCE(CASE WHEN r11 < m10 THEN NULL ELSE r11 END, m10) AS m11 FROM ordered10_2),
ordered12_2 AS (SELECT *, CASE WHEN r12 < m11 THEN NULL ELSE r12 END AS k12, COALESCE(CASE WHEN r12 < m11 THEN NULL ELSE r12 END, m11) AS m12 FROM ordered11_2),
deals_dated_2 AS (
  SELECT *, CASE WHEN created IS NOT NULL AND closed2 < created THEN CASE WHEN closed2 >= TIMESTAMP_TRUNC(created, DAY) THEN created END ELSE closed2 END AS closed3
  FROM (SELECT *, CASE WHEN (r0 IS NOT NULL AND k0 IS NULL AND closed = r0) OR (r1 IS NOT NULL AND k1 IS NULL AND closed = r1) OR (r2 IS NOT NULL AND k2 IS NULL AND closed = r2) OR (r3 IS NOT NULL AND k3 IS NULL AND closed = r3) OR (r4 IS NOT NULL AND k4 IS NULL AND closed = r4) OR (r5 IS NOT NULL AND k5 IS NULL AND closed = r5) OR (r6 IS NOT NULL AND k6 IS NULL AND closed = r6) OR (r7 IS NOT NULL AND k7 IS NULL AND closed = r7) OR (r8 IS NOT NULL AND k8 IS NULL AND closed = r8) OR (r9 IS NOT NULL AND k9 IS NULL AND closed = r9) OR (r10 IS NOT NULL AND k10 IS NULL AND closed = r10) OR (r11 IS NOT NULL AND k11 IS NULL AND closed = r11) OR (r12 IS NOT NULL AND k12 IS NULL AND closed = r12) THEN NULL ELSE closed END AS closed2 FROM ordered12_2) AS t
),
deals_status_2 AS (
  SELECT ord, id, created, rep, source, client, booked_by, amount, currency, margin, targeted, link_key,
    CASE WHEN outcome = 'won' THEN 'won' WHEN outcome = 'lost' THEN 'lost' WHEN reached = 12 THEN 'won' ELSE 'open' END AS status, GREATEST(CASE WHEN outcome = 'won' THEN GREATEST(reached, 12) WHEN outcome = 'lost' AND reached >= 12 THEN 11 ELSE reached END, 0) AS reached, closed3 AS closed,
    k0 AS s0,
    k1 AS s1,
    k2 AS s2,
    k3 AS s3,
    k4 AS s4,
    k5 AS s5,
    k6 AS s6,
    k7 AS s7,
    k8 AS s8,
    k9 AS s9,
    k10 AS s10,
    k11 AS s11,
    CASE WHEN outcome = 'won' THEN COALESCE(k12, closed3) WHEN outcome = 'lost' AND reached >= 12 THEN NULL ELSE k12 END AS s12
  FROM deals_dated_2
),
deals_final_2 AS (
  SELECT ord, id, created, rep, source, client, booked_by, amount, currency, margin, targeted, status, reached, link_key,
    CASE WHEN status = 'won' AND closed IS NULL THEN CASE reached WHEN 0 THEN s0 WHEN 1 THEN s1 WHEN 2 THEN s2 WHEN 3 THEN s3 WHEN 4 THEN s4 WHEN 5 THEN s5 WHEN 6 THEN s6 WHEN 7 THEN s7 WHEN 8 THEN s8 WHEN 9 THEN s9 WHEN 10 THEN s10 WHEN 11 THEN s11 WHEN 12 THEN s12 END ELSE closed END AS closed, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12
  FROM deals_status_2
),
linked_leads AS (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY link_key ORDER BY ord) AS lead_rank FROM deals_final_1
),
linked_pick AS (
  SELECT * FROM (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY link_key ORDER BY ord) AS pick FROM deals_final_2 WHERE link_key <> ''
  ) AS t WHERE pick = 1
),
linked_taken AS (
  SELECT d.id FROM linked_pick AS d JOIN linked_leads AS l ON l.link_key = d.link_key AND l.lead_rank = 1
),
linked_deals AS (
  SELECT l.ord AS ord, l.id, l.created,
    CASE WHEN d.id IS NOT NULL THEN CASE WHEN d.rep <> '' THEN d.rep ELSE l.rep END ELSE l.rep END AS rep,
    CASE WHEN l.source <> '' OR d.id IS NULL THEN l.source ELSE d.source END AS source,
    CASE WHEN l.client <> '' OR d.id IS NULL THEN l.client ELSE d.client END AS client,
    l.booked_by,
    CASE WHEN d.id IS NOT NULL THEN d.amount ELSE l.amount END AS amount,
    CASE WHEN d.id IS NOT NULL THEN d.currency ELSE l.currency END AS currency,
    CASE WHEN d.id IS NOT NULL THEN d.margin ELSE l.margin END AS margin,
    CASE WHEN d.id IS NOT NULL THEN d.status ELSE CASE WHEN l.status = 'won' THEN 'open' ELSE l.status END END AS status,
    CASE WHEN d.id IS NOT NULL THEN d.closed ELSE CASE WHEN l.status = 'won' THEN NULL ELSE l.closed END END AS closed,
    COALESCE(l.targeted, d.targeted) AS targeted,
    CASE WHEN d.id IS NOT NULL THEN GREATEST(d.reached, 5) ELSE CASE WHEN l.status = 'won' THEN 5 WHEN l.flag_key IN ('yes') THEN GREATEST(l.reached, 5) ELSE l.reached END END AS reached,
    l.s0 AS s0,
    l.s1 AS s1,
    l.s2 AS s2,
    l.s3 AS s3,
    l.s4 AS s4,
    CASE WHEN d.id IS NOT NULL THEN d.s5 ELSE CASE WHEN l.status = 'won' THEN NULL ELSE l.s5 END END AS s5,
    CASE WHEN d.id IS NOT NULL THEN d.s6 ELSE CASE WHEN l.status = 'won' THEN NULL ELSE l.s6 END END AS s6,
    CASE WHEN d.id IS NOT NULL THEN d.s7 ELSE CASE WHEN l.status = 'won' THEN NULL ELSE l.s7 END END AS s7,
    CASE WHEN d.id IS NOT NULL THEN d.s8 ELSE CASE WHEN l.status = 'won' THEN NULL ELSE l.s8 END END AS s8,
    CASE WHEN d.id IS NOT NULL THEN d.s9 ELSE CASE WHEN l.status = 'won' THEN NULL ELSE l.s9 END END AS s9,
    CASE WHEN d.id IS NOT NULL THEN d.s10 ELSE CASE WHEN l.status = 'won' THEN NULL ELSE l.s10 END END AS s10,
    CASE WHEN d.id IS NOT NULL THEN d.s11 ELSE CASE WHEN l.status = 'won' THEN NULL ELSE l.s11 END END AS s11,
    CASE WHEN d.id IS NOT NULL THEN d.s12 ELSE CASE WHEN l.status = 'won' THEN NULL ELSE l.s12 END END AS s12
  FROM linked_leads AS l LEFT JOIN linked_pick AS d ON l.link_key <> '' AND l.lead_rank = 1 AND d.link_key = l.link_key
  UNION ALL
  SELECT ord + 500000000000 AS ord, id, created, rep, source, client, booked_by, amount, currency, margin, status, closed, targeted, GREATEST(reached, 5) AS reached, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12
  FROM deals_final_2 AS x
  WHERE NOT EXISTS (SELECT 1 FROM linked_taken AS t WHERE t.id = x.id) AND NOT EXISTS (SELECT 1 FROM deals_final_1 AS y WHERE y.id = x.id)
),
deals_final AS (
  SELECT ord, id, created, rep, source, client, booked_by, amount, currency, margin, targeted, status, reached, closed, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12 FROM (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY ord) AS copy FROM (
    SELECT ord, id, created, rep, source, client, booked_by, amount, currency, margin, targeted, status, reached, closed, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12 FROM linked_deals
    ) AS u
  ) AS t WHERE copy = 1
),
merged AS (
SELECT 0 AS src, ord, id, created, rep, booked_by, source, client, targeted, amount, currency, margin, status, closed, reached, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12 FROM deals_final
)
SELECT id, created, rep, booked_by, source, client, targeted, amount, currency, margin, status, closed, reached, src AS origin, ord AS origin_order, s0 AS `Not Contacted`, s1 AS `Attempted to Contact`, s2 AS `Contact in Future`, s3 AS `Contacted`, s4 AS `Pre Qualified`, s5 AS `Converted lead`, s6 AS `Prospect`, s7 AS `Qualification`, s8 AS `Needs Analysis`, s9 AS `Initial Offer`, s10 AS `Proposal_Price Quote`, s11 AS `Negotiation_Review`, s12 AS `Closed Won`
FROM merged;

CREATE OR REPLACE TABLE `zoho.voronka_rep_days` AS
WITH calls_raw AS (
  SELECT SAFE_CAST(`Call Start Time` AS TIMESTAMP) AS called_at, CASE WHEN STRPOS(TRIM(COALESCE(CAST(`Call Owner` AS STRING), '')), '<') > 0 THEN TRIM(REGEXP_REPLACE(REGEXP_REPLACE(TRIM(COALESCE(CAST(`Call Owner` AS STRING), '')), r'<[^>]*>', ''), r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ') ELSE TRIM(COALESCE(CAST(`Call Owner` AS STRING), '')) END AS rep,
    CASE WHEN SAFE_CAST(`Call Duration (in seconds)` AS FLOAT64) >= 0 THEN SAFE_CAST(`Call Duration (in seconds)` AS FLOAT64) END AS duration, TRIM(COALESCE(CAST(`LEADID` AS STRING), '')) AS deal_id, TRIM(COALESCE(CAST(NULL AS STRING), '')) AS source
  FROM `zoho.calls`
),
by_key AS (
  SELECT k, source FROM (
    SELECT REPLACE(LOWER(TRIM(REGEXP_REPLACE(id, r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')), 'ё', 'е') AS k, source, ROW_NUMBER() OVER (PARTITION BY REPLACE(LOWER(TRIM(REGEXP_REPLACE(id, r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')), 'ё', 'е') ORDER BY origin, origin_order) AS copy
    FROM `zoho.voronka_deals` WHERE id <> ''
  ) AS t WHERE copy = 1
),
sourced AS (
  SELECT r.called_at, r.rep, r.duration,
    CASE WHEN r.source <> '' THEN r.source WHEN r.deal_id = '' THEN '' ELSE COALESCE(d.source, k.source, '') END AS source
  FROM calls_raw AS r
  LEFT JOIN `zoho.voronka_deals` AS d ON d.id = r.deal_id
  LEFT JOIN by_key AS k ON k.k = REPLACE(LOWER(TRIM(REGEXP_REPLACE(r.deal_id, r'[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' '), ' ')), 'ё', 'е')
  WHERE r.called_at IS NOT NULL AND r.rep <> ''
)
SELECT DATE(called_at) AS day, rep, source, COUNT(*) AS calls,
  SUM(CASE WHEN duration >= 60 THEN 1 ELSE 0 END) AS long_calls,
  COALESCE(SUM(duration), 0) AS talk_seconds, COUNT(duration) AS timed_calls
FROM sourced GROUP BY DATE(called_at), rep, source;

CREATE OR REPLACE VIEW `zoho.voronka_stages` AS
SELECT 0 AS position, 'Not Contacted' AS stage, (SELECT COUNT(`Not Contacted`) FROM `zoho.voronka_deals`) > 0 AS dated, FALSE AS same_source_next
UNION ALL SELECT 1 AS position, 'Attempted to Contact' AS stage, (SELECT COUNT(`Attempted to Contact`) FROM `zoho.voronka_deals`) > 0 AS dated, FALSE AS same_source_next
UNION ALL SELECT 2 AS position, 'Contact in Future' AS stage, (SELECT COUNT(`Contact in Future`) FROM `zoho.voronka_deals`) > 0 AS dated, FALSE AS same_source_next
UNION ALL SELECT 3 AS position, 'Contacted' AS stage, (SELECT COUNT(`Contacted`) FROM `zoho.voronka_deals`) > 0 AS dated, FALSE AS same_source_next
UNION ALL SELECT 4 AS position, 'Pre Qualified' AS stage, (SELECT COUNT(`Pre Qualified`) FROM `zoho.voronka_deals`) > 0 AS dated, FALSE AS same_source_next
UNION ALL SELECT 5 AS position, 'Converted lead' AS stage, (SELECT COUNT(`Converted lead`) FROM `zoho.voronka_deals`) > 0 AS dated, FALSE AS same_source_next
UNION ALL SELECT 6 AS position, 'Prospect' AS stage, (SELECT COUNT(`Prospect`) FROM `zoho.voronka_deals`) > 0 AS dated, FALSE AS same_source_next
UNION ALL SELECT 7 AS position, 'Qualification' AS stage, (SELECT COUNT(`Qualification`) FROM `zoho.voronka_deals`) > 0 AS dated, FALSE AS same_source_next
UNION ALL SELECT 8 AS position, 'Needs Analysis' AS stage, (SELECT COUNT(`Needs Analysis`) FROM `zoho.voronka_deals`) > 0 AS dated, FALSE AS same_source_next
UNION ALL SELECT 9 AS position, 'Initial Offer' AS stage, (SELECT COUNT(`Initial Offer`) FROM `zoho.voronka_deals`) > 0 AS dated, FALSE AS same_source_next
UNION ALL SELECT 10 AS position, 'Proposal/Price Quote' AS stage, (SELECT COUNT(`Proposal_Price Quote`) FROM `zoho.voronka_deals`) > 0 AS dated, FALSE AS same_source_next
UNION ALL SELECT 11 AS position, 'Negotiation/Review' AS stage, (SELECT COUNT(`Negotiation_Review`) FROM `zoho.voronka_deals`) > 0 AS dated, FALSE AS same_source_next
UNION ALL SELECT 12 AS position, 'Closed Won' AS stage, (SELECT COUNT(`Closed Won`) FROM `zoho.voronka_deals`) > 0 AS dated, FALSE AS same_source_next;

CREATE OR REPLACE VIEW `zoho.voronka_agg_deals` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 12) AS reached,
    DATE(COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS own_day, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`, `Not Contacted`, COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS sale_at, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`) AS known_at, `Not Contacted` AS s0, `Attempted to Contact` AS s1, `Contact in Future` AS s2, `Contacted` AS s3, `Pre Qualified` AS s4, `Converted lead` AS s5, `Prospect` AS s6, `Qualification` AS s7, `Needs Analysis` AS s8, `Initial Offer` AS s9, `Proposal_Price Quote` AS s10, `Negotiation_Review` AS s11, `Closed Won` AS s12
  FROM `zoho.voronka_deals`
)
SELECT own_day AS day, rep, source, reached, targeted, COUNT(*) AS deals
FROM f GROUP BY own_day, rep, source, reached, targeted;

CREATE OR REPLACE VIEW `zoho.voronka_agg_stage_entries` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 12) AS reached,
    DATE(COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS own_day, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`, `Not Contacted`, COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS sale_at, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`) AS known_at, `Not Contacted` AS s0, `Attempted to Contact` AS s1, `Contact in Future` AS s2, `Contacted` AS s3, `Pre Qualified` AS s4, `Converted lead` AS s5, `Prospect` AS s6, `Qualification` AS s7, `Needs Analysis` AS s8, `Initial Offer` AS s9, `Proposal_Price Quote` AS s10, `Negotiation_Review` AS s11, `Closed Won` AS s12
  FROM `zoho.voronka_deals`
), p AS (SELECT 0 AS k UNION ALL SELECT 1 AS k UNION ALL SELECT 2 AS k UNION ALL SELECT 3 AS k UNION ALL SELECT 4 AS k UNION ALL SELECT 5 AS k UNION ALL SELECT 6 AS k UNION ALL SELECT 7 AS k UNION ALL SELECT 8 AS k UNION ALL SELECT 9 AS k UNION ALL SELECT 10 AS k UNION ALL SELECT 11 AS k UNION ALL SELECT 12 AS k)
SELECT COALESCE(CASE p.k WHEN 0 THEN DATE(s0) WHEN 1 THEN DATE(s1) WHEN 2 THEN DATE(s2) WHEN 3 THEN DATE(s3) WHEN 4 THEN DATE(s4) WHEN 5 THEN DATE(s5) WHEN 6 THEN DATE(s6) WHEN 7 THEN DATE(s7) WHEN 8 THEN DATE(s8) WHEN 9 THEN DATE(s9) WHEN 10 THEN DATE(s10) WHEN 11 THEN DATE(s11) WHEN 12 THEN DATE(s12) END, f.own_day) AS day, f.rep, f.source, p.k AS stage, COUNT(*) AS entries
FROM f JOIN p ON p.k <= f.reached
GROUP BY COALESCE(CASE p.k WHEN 0 THEN DATE(s0) WHEN 1 THEN DATE(s1) WHEN 2 THEN DATE(s2) WHEN 3 THEN DATE(s3) WHEN 4 THEN DATE(s4) WHEN 5 THEN DATE(s5) WHEN 6 THEN DATE(s6) WHEN 7 THEN DATE(s7) WHEN 8 THEN DATE(s8) WHEN 9 THEN DATE(s9) WHEN 10 THEN DATE(s10) WHEN 11 THEN DATE(s11) WHEN 12 THEN DATE(s12) END, f.own_day), f.rep, f.source, p.k;

CREATE OR REPLACE VIEW `zoho.voronka_agg_sales` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 12) AS reached,
    DATE(COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS own_day, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`, `Not Contacted`, COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS sale_at, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`) AS known_at, `Not Contacted` AS s0, `Attempted to Contact` AS s1, `Contact in Future` AS s2, `Contacted` AS s3, `Pre Qualified` AS s4, `Converted lead` AS s5, `Prospect` AS s6, `Qualification` AS s7, `Needs Analysis` AS s8, `Initial Offer` AS s9, `Proposal_Price Quote` AS s10, `Negotiation_Review` AS s11, `Closed Won` AS s12
  FROM `zoho.voronka_deals`
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

CREATE OR REPLACE VIEW `zoho.voronka_agg_cycles` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 12) AS reached,
    DATE(COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS own_day, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`, `Not Contacted`, COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS sale_at, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`) AS known_at, `Not Contacted` AS s0, `Attempted to Contact` AS s1, `Contact in Future` AS s2, `Contacted` AS s3, `Pre Qualified` AS s4, `Converted lead` AS s5, `Prospect` AS s6, `Qualification` AS s7, `Needs Analysis` AS s8, `Initial Offer` AS s9, `Proposal_Price Quote` AS s10, `Negotiation_Review` AS s11, `Closed Won` AS s12
  FROM `zoho.voronka_deals`
),
c AS (
  SELECT DATE(known_at) AS sale_day, rep, source, CAST(ROUND(TIMESTAMP_DIFF(known_at, created, MILLISECOND) / 3600000.0) AS INT64) AS hours
  FROM f WHERE status = 'won' AND known_at IS NOT NULL AND created IS NOT NULL AND known_at >= created
)
SELECT sale_day AS day, rep, source, COUNT(*) AS deals, SUM(hours) AS total_hours
FROM c GROUP BY sale_day, rep, source;

CREATE OR REPLACE VIEW `zoho.voronka_agg_cycle_spread` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 12) AS reached,
    DATE(COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS own_day, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`, `Not Contacted`, COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS sale_at, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`) AS known_at, `Not Contacted` AS s0, `Attempted to Contact` AS s1, `Contact in Future` AS s2, `Contacted` AS s3, `Pre Qualified` AS s4, `Converted lead` AS s5, `Prospect` AS s6, `Qualification` AS s7, `Needs Analysis` AS s8, `Initial Offer` AS s9, `Proposal_Price Quote` AS s10, `Negotiation_Review` AS s11, `Closed Won` AS s12
  FROM `zoho.voronka_deals`
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

CREATE OR REPLACE VIEW `zoho.voronka_agg_spans` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 12) AS reached,
    DATE(COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS own_day, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`, `Not Contacted`, COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS sale_at, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`) AS known_at, `Not Contacted` AS s0, `Attempted to Contact` AS s1, `Contact in Future` AS s2, `Contacted` AS s3, `Pre Qualified` AS s4, `Converted lead` AS s5, `Prospect` AS s6, `Qualification` AS s7, `Needs Analysis` AS s8, `Initial Offer` AS s9, `Proposal_Price Quote` AS s10, `Negotiation_Review` AS s11, `Closed Won` AS s12
  FROM `zoho.voronka_deals`
),
s AS (
  SELECT GREATEST(DATE_TRUNC(own_day, ISOWEEK), DATE_TRUNC(own_day, MONTH)) AS part, rep, source, DATE_DIFF(DATE(known_at), own_day, DAY) AS days
  FROM f WHERE status = 'won' AND known_at IS NOT NULL AND own_day IS NOT NULL AND DATE(known_at) >= own_day
)
SELECT part AS day, rep, source, days, COUNT(*) AS deals
FROM s GROUP BY part, rep, source, days;

CREATE OR REPLACE VIEW `zoho.voronka_agg_cohorts` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 12) AS reached,
    DATE(COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS own_day, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`, `Not Contacted`, COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS sale_at, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`) AS known_at, `Not Contacted` AS s0, `Attempted to Contact` AS s1, `Contact in Future` AS s2, `Contacted` AS s3, `Pre Qualified` AS s4, `Converted lead` AS s5, `Prospect` AS s6, `Qualification` AS s7, `Needs Analysis` AS s8, `Initial Offer` AS s9, `Proposal_Price Quote` AS s10, `Negotiation_Review` AS s11, `Closed Won` AS s12
  FROM `zoho.voronka_deals`
), p AS (SELECT 0 AS k UNION ALL SELECT 1 AS k UNION ALL SELECT 2 AS k UNION ALL SELECT 3 AS k UNION ALL SELECT 4 AS k UNION ALL SELECT 5 AS k UNION ALL SELECT 6 AS k UNION ALL SELECT 7 AS k UNION ALL SELECT 8 AS k UNION ALL SELECT 9 AS k UNION ALL SELECT 10 AS k UNION ALL SELECT 11 AS k UNION ALL SELECT 12 AS k),
dz AS (SELECT CASE WHEN COUNT(`Not Contacted`) > 0 THEN 0 ELSE 1 END AS u0, CASE WHEN COUNT(`Attempted to Contact`) > 0 THEN 0 ELSE 1 END AS u1, CASE WHEN COUNT(`Contact in Future`) > 0 THEN 0 ELSE 1 END AS u2, CASE WHEN COUNT(`Contacted`) > 0 THEN 0 ELSE 1 END AS u3, CASE WHEN COUNT(`Pre Qualified`) > 0 THEN 0 ELSE 1 END AS u4, CASE WHEN COUNT(`Converted lead`) > 0 THEN 0 ELSE 1 END AS u5, CASE WHEN COUNT(`Prospect`) > 0 THEN 0 ELSE 1 END AS u6, CASE WHEN COUNT(`Qualification`) > 0 THEN 0 ELSE 1 END AS u7, CASE WHEN COUNT(`Needs Analysis`) > 0 THEN 0 ELSE 1 END AS u8, CASE WHEN COUNT(`Initial Offer`) > 0 THEN 0 ELSE 1 END AS u9, CASE WHEN COUNT(`Proposal_Price Quote`) > 0 THEN 0 ELSE 1 END AS u10, CASE WHEN COUNT(`Negotiation_Review`) > 0 THEN 0 ELSE 1 END AS u11, CASE WHEN COUNT(`Closed Won`) > 0 THEN 0 ELSE 1 END AS u12 FROM `zoho.voronka_deals`),
r AS (
  SELECT f.own_day, f.rep, f.source, p.k, CASE p.k WHEN 0 THEN (SELECT MIN(x) FROM UNNEST([DATE(s0), DATE(s1), DATE(s2), DATE(s3), DATE(s4), DATE(s5), DATE(s6), DATE(s7), DATE(s8), DATE(s9), DATE(s10), DATE(s11), DATE(s12)]) AS x) WHEN 1 THEN (SELECT MIN(x) FROM UNNEST([DATE(s1), DATE(s2), DATE(s3), DATE(s4), DATE(s5), DATE(s6), DATE(s7), DATE(s8), DATE(s9), DATE(s10), DATE(s11), DATE(s12)]) AS x) WHEN 2 THEN (SELECT MIN(x) FROM UNNEST([DATE(s2), DATE(s3), DATE(s4), DATE(s5), DATE(s6), DATE(s7), DATE(s8), DATE(s9), DATE(s10), DATE(s11), DATE(s12)]) AS x) WHEN 3 THEN (SELECT MIN(x) FROM UNNEST([DATE(s3), DATE(s4), DATE(s5), DATE(s6), DATE(s7), DATE(s8), DATE(s9), DATE(s10), DATE(s11), DATE(s12)]) AS x) WHEN 4 THEN (SELECT MIN(x) FROM UNNEST([DATE(s4), DATE(s5), DATE(s6), DATE(s7), DATE(s8), DATE(s9), DATE(s10), DATE(s11), DATE(s12)]) AS x) WHEN 5 THEN (SELECT MIN(x) FROM UNNEST([DATE(s5), DATE(s6), DATE(s7), DATE(s8), DATE(s9), DATE(s10), DATE(s11), DATE(s12)]) AS x) WHEN 6 THEN (SELECT MIN(x) FROM UNNEST([DATE(s6), DATE(s7), DATE(s8), DATE(s9), DATE(s10), DATE(s11), DATE(s12)]) AS x) WHEN 7 THEN (SELECT MIN(x) FROM UNNEST([DATE(s7), DATE(s8), DATE(s9), DATE(s10), DATE(s11), DATE(s12)]) AS x) WHEN 8 THEN (SELECT MIN(x) FROM UNNEST([DATE(s8), DATE(s9), DATE(s10), DATE(s11), DATE(s12)]) AS x) WHEN 9 THEN (SELECT MIN(x) FROM UNNEST([DATE(s9), DATE(s10), DATE(s11), DATE(s12)]) AS x) WHEN 10 THEN (SELECT MIN(x) FROM UNNEST([DATE(s10), DATE(s11), DATE(s12)]) AS x) WHEN 11 THEN (SELECT MIN(x) FROM UNNEST([DATE(s11), DATE(s12)]) AS x) WHEN 12 THEN DATE(s12) END AS earliest, GREATEST(CASE WHEN 0 >= p.k AND 0 <= f.reached THEN dz.u0 ELSE 0 END, CASE WHEN 1 >= p.k AND 1 <= f.reached THEN dz.u1 ELSE 0 END, CASE WHEN 2 >= p.k AND 2 <= f.reached THEN dz.u2 ELSE 0 END, CASE WHEN 3 >= p.k AND 3 <= f.reached THEN dz.u3 ELSE 0 END, CASE WHEN 4 >= p.k AND 4 <= f.reached THEN dz.u4 ELSE 0 END, CASE WHEN 5 >= p.k AND 5 <= f.reached THEN dz.u5 ELSE 0 END, CASE WHEN 6 >= p.k AND 6 <= f.reached THEN dz.u6 ELSE 0 END, CASE WHEN 7 >= p.k AND 7 <= f.reached THEN dz.u7 ELSE 0 END, CASE WHEN 8 >= p.k AND 8 <= f.reached THEN dz.u8 ELSE 0 END, CASE WHEN 9 >= p.k AND 9 <= f.reached THEN dz.u9 ELSE 0 END, CASE WHEN 10 >= p.k AND 10 <= f.reached THEN dz.u10 ELSE 0 END, CASE WHEN 11 >= p.k AND 11 <= f.reached THEN dz.u11 ELSE 0 END, CASE WHEN 12 >= p.k AND 12 <= f.reached THEN dz.u12 ELSE 0 END) AS any_undated
  FROM f JOIN p ON p.k <= f.reached CROSS JOIN dz WHERE f.own_day IS NOT NULL
),
c AS (
  SELECT GREATEST(DATE_TRUNC(own_day, ISOWEEK), DATE_TRUNC(own_day, MONTH)) AS part, rep, source, k, CASE WHEN any_undated = 1 THEN 0 WHEN earliest IS NULL THEN NULL ELSE GREATEST(0, DATE_DIFF(earliest, own_day, DAY)) END AS within_days FROM r
)
SELECT part AS day, rep, source, k AS stage, within_days, COUNT(*) AS deals
FROM c GROUP BY part, rep, source, k, within_days;

CREATE OR REPLACE VIEW `zoho.voronka_agg_transitions` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 12) AS reached,
    DATE(COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS own_day, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`, `Not Contacted`, COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS sale_at, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`) AS known_at, `Not Contacted` AS s0, `Attempted to Contact` AS s1, `Contact in Future` AS s2, `Contacted` AS s3, `Pre Qualified` AS s4, `Converted lead` AS s5, `Prospect` AS s6, `Qualification` AS s7, `Needs Analysis` AS s8, `Initial Offer` AS s9, `Proposal_Price Quote` AS s10, `Negotiation_Review` AS s11, `Closed Won` AS s12
  FROM `zoho.voronka_deals`
),
p AS (SELECT 0 AS k UNION ALL SELECT 1 AS k UNION ALL SELECT 2 AS k UNION ALL SELECT 3 AS k UNION ALL SELECT 4 AS k UNION ALL SELECT 5 AS k UNION ALL SELECT 6 AS k UNION ALL SELECT 7 AS k UNION ALL SELECT 8 AS k UNION ALL SELECT 9 AS k UNION ALL SELECT 10 AS k UNION ALL SELECT 11 AS k),
t AS (
  SELECT f.rep, f.source, p.k, CASE p.k WHEN 0 THEN s0 WHEN 1 THEN s1 WHEN 2 THEN s2 WHEN 3 THEN s3 WHEN 4 THEN s4 WHEN 5 THEN s5 WHEN 6 THEN s6 WHEN 7 THEN s7 WHEN 8 THEN s8 WHEN 9 THEN s9 WHEN 10 THEN s10 WHEN 11 THEN s11 END AS a, CASE p.k WHEN 0 THEN s1 WHEN 1 THEN s2 WHEN 2 THEN s3 WHEN 3 THEN s4 WHEN 4 THEN s5 WHEN 5 THEN s6 WHEN 6 THEN s7 WHEN 7 THEN s8 WHEN 8 THEN s9 WHEN 9 THEN s10 WHEN 10 THEN s11 WHEN 11 THEN s12 END AS b FROM f JOIN p ON p.k < f.reached
),
h AS (
  SELECT DATE(b) AS moved_day, rep, source, k, CAST(ROUND(TIMESTAMP_DIFF(b, a, MILLISECOND) / 3600000.0) AS INT64) AS hours
  FROM t WHERE a IS NOT NULL AND b IS NOT NULL AND b >= a
)
SELECT moved_day AS day, rep, source, k AS step, COUNT(*) AS transitions, SUM(hours) AS total_hours
FROM h GROUP BY moved_day, rep, source, k;

CREATE OR REPLACE VIEW `zoho.voronka_agg_transition_spread` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 12) AS reached,
    DATE(COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS own_day, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`, `Not Contacted`, COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS sale_at, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`) AS known_at, `Not Contacted` AS s0, `Attempted to Contact` AS s1, `Contact in Future` AS s2, `Contacted` AS s3, `Pre Qualified` AS s4, `Converted lead` AS s5, `Prospect` AS s6, `Qualification` AS s7, `Needs Analysis` AS s8, `Initial Offer` AS s9, `Proposal_Price Quote` AS s10, `Negotiation_Review` AS s11, `Closed Won` AS s12
  FROM `zoho.voronka_deals`
),
p AS (SELECT 0 AS k UNION ALL SELECT 1 AS k UNION ALL SELECT 2 AS k UNION ALL SELECT 3 AS k UNION ALL SELECT 4 AS k UNION ALL SELECT 5 AS k UNION ALL SELECT 6 AS k UNION ALL SELECT 7 AS k UNION ALL SELECT 8 AS k UNION ALL SELECT 9 AS k UNION ALL SELECT 10 AS k UNION ALL SELECT 11 AS k),
t AS (
  SELECT f.rep, f.source, p.k, CASE p.k WHEN 0 THEN s0 WHEN 1 THEN s1 WHEN 2 THEN s2 WHEN 3 THEN s3 WHEN 4 THEN s4 WHEN 5 THEN s5 WHEN 6 THEN s6 WHEN 7 THEN s7 WHEN 8 THEN s8 WHEN 9 THEN s9 WHEN 10 THEN s10 WHEN 11 THEN s11 END AS a, CASE p.k WHEN 0 THEN s1 WHEN 1 THEN s2 WHEN 2 THEN s3 WHEN 3 THEN s4 WHEN 4 THEN s5 WHEN 5 THEN s6 WHEN 6 THEN s7 WHEN 7 THEN s8 WHEN 8 THEN s9 WHEN 9 THEN s10 WHEN 10 THEN s11 WHEN 11 THEN s12 END AS b FROM f JOIN p ON p.k < f.reached
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

CREATE OR REPLACE VIEW `zoho.voronka_agg_role_leads` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 12) AS reached,
    DATE(COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS own_day, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`, `Not Contacted`, COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS sale_at, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`) AS known_at, `Not Contacted` AS s0, `Attempted to Contact` AS s1, `Contact in Future` AS s2, `Contacted` AS s3, `Pre Qualified` AS s4, `Converted lead` AS s5, `Prospect` AS s6, `Qualification` AS s7, `Needs Analysis` AS s8, `Initial Offer` AS s9, `Proposal_Price Quote` AS s10, `Negotiation_Review` AS s11, `Closed Won` AS s12
  FROM `zoho.voronka_deals`
),
b AS (
  SELECT own_day, rep, source, targeted, id, status, amount,
    CASE WHEN booked_by <> '' THEN booked_by ELSE rep END AS sdr, booked_by = '' AS by_owner,
    FALSE AND (NOT (FALSE) OR FALSE OR booked_by <> '') AS booking,
    COALESCE(CAST(NULL AS DATE), CAST(NULL AS DATE)) AS booking_day, CAST(NULL AS DATE) AS confirmed_day,
    CAST(NULL AS DATE) AS held_day, DATE(s10) AS proposal_day,
    CASE WHEN status = 'won' THEN DATE(known_at) END AS sale_day,
    FALSE AS is_confirmed, FALSE AS is_held, reached >= 10 AS is_proposal,
    status = 'won' AS is_won
  FROM f
)
SELECT own_day AS day, sdr, by_owner, source, targeted, COUNT(*) AS deals
FROM b WHERE sdr <> '' GROUP BY own_day, sdr, by_owner, source, targeted;

CREATE OR REPLACE VIEW `zoho.voronka_agg_bookings` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 12) AS reached,
    DATE(COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS own_day, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`, `Not Contacted`, COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS sale_at, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`) AS known_at, `Not Contacted` AS s0, `Attempted to Contact` AS s1, `Contact in Future` AS s2, `Contacted` AS s3, `Pre Qualified` AS s4, `Converted lead` AS s5, `Prospect` AS s6, `Qualification` AS s7, `Needs Analysis` AS s8, `Initial Offer` AS s9, `Proposal_Price Quote` AS s10, `Negotiation_Review` AS s11, `Closed Won` AS s12
  FROM `zoho.voronka_deals`
),
b AS (
  SELECT own_day, rep, source, targeted, id, status, amount,
    CASE WHEN booked_by <> '' THEN booked_by ELSE rep END AS sdr, booked_by = '' AS by_owner,
    FALSE AND (NOT (FALSE) OR FALSE OR booked_by <> '') AS booking,
    COALESCE(CAST(NULL AS DATE), CAST(NULL AS DATE)) AS booking_day, CAST(NULL AS DATE) AS confirmed_day,
    CAST(NULL AS DATE) AS held_day, DATE(s10) AS proposal_day,
    CASE WHEN status = 'won' THEN DATE(known_at) END AS sale_day,
    FALSE AS is_confirmed, FALSE AS is_held, reached >= 10 AS is_proposal,
    status = 'won' AS is_won
  FROM f
)
SELECT booking_day AS day, sdr, by_owner, source, targeted, COUNT(*) AS booked,
  SUM(CASE WHEN is_confirmed THEN 1 ELSE 0 END) AS confirmed, SUM(CASE WHEN is_held THEN 1 ELSE 0 END) AS held, SUM(CASE WHEN is_held AND is_won THEN 1 ELSE 0 END) AS held_won,
  SUM(CASE WHEN is_won THEN 1 ELSE 0 END) AS sales, COALESCE(SUM(CASE WHEN is_won THEN amount END), 0) AS revenue, COUNT(amount) AS amounts
FROM b WHERE booking GROUP BY booking_day, sdr, by_owner, source, targeted;

CREATE OR REPLACE VIEW `zoho.voronka_agg_booking_reach` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 12) AS reached,
    DATE(COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS own_day, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`, `Not Contacted`, COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS sale_at, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`) AS known_at, `Not Contacted` AS s0, `Attempted to Contact` AS s1, `Contact in Future` AS s2, `Contacted` AS s3, `Pre Qualified` AS s4, `Converted lead` AS s5, `Prospect` AS s6, `Qualification` AS s7, `Needs Analysis` AS s8, `Initial Offer` AS s9, `Proposal_Price Quote` AS s10, `Negotiation_Review` AS s11, `Closed Won` AS s12
  FROM `zoho.voronka_deals`
),
b AS (
  SELECT own_day, rep, source, targeted, id, status, amount,
    CASE WHEN booked_by <> '' THEN booked_by ELSE rep END AS sdr, booked_by = '' AS by_owner,
    FALSE AND (NOT (FALSE) OR FALSE OR booked_by <> '') AS booking,
    COALESCE(CAST(NULL AS DATE), CAST(NULL AS DATE)) AS booking_day, CAST(NULL AS DATE) AS confirmed_day,
    CAST(NULL AS DATE) AS held_day, DATE(s10) AS proposal_day,
    CASE WHEN status = 'won' THEN DATE(known_at) END AS sale_day,
    FALSE AS is_confirmed, FALSE AS is_held, reached >= 10 AS is_proposal,
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

CREATE OR REPLACE VIEW `zoho.voronka_agg_role_events` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 12) AS reached,
    DATE(COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS own_day, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`, `Not Contacted`, COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS sale_at, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`) AS known_at, `Not Contacted` AS s0, `Attempted to Contact` AS s1, `Contact in Future` AS s2, `Contacted` AS s3, `Pre Qualified` AS s4, `Converted lead` AS s5, `Prospect` AS s6, `Qualification` AS s7, `Needs Analysis` AS s8, `Initial Offer` AS s9, `Proposal_Price Quote` AS s10, `Negotiation_Review` AS s11, `Closed Won` AS s12
  FROM `zoho.voronka_deals`
),
b2 AS (
  SELECT own_day, rep, source, targeted, id, status, amount,
    CASE WHEN booked_by <> '' THEN booked_by ELSE rep END AS sdr, booked_by = '' AS by_owner,
    FALSE AND (NOT (FALSE) OR FALSE OR booked_by <> '') AS booking,
    COALESCE(CAST(NULL AS DATE), CAST(NULL AS DATE)) AS booking_day, CAST(NULL AS DATE) AS confirmed_day,
    CAST(NULL AS DATE) AS held_day, DATE(s10) AS proposal_day,
    CASE WHEN status = 'won' THEN DATE(known_at) END AS sale_day,
    FALSE AS is_confirmed, FALSE AS is_held, reached >= 10 AS is_proposal,
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

CREATE OR REPLACE VIEW `zoho.voronka_agg_repeat_clients` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 12) AS reached,
    DATE(COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS own_day, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`, `Not Contacted`, COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS sale_at, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`) AS known_at, `Not Contacted` AS s0, `Attempted to Contact` AS s1, `Contact in Future` AS s2, `Contacted` AS s3, `Pre Qualified` AS s4, `Converted lead` AS s5, `Prospect` AS s6, `Qualification` AS s7, `Needs Analysis` AS s8, `Initial Offer` AS s9, `Proposal_Price Quote` AS s10, `Negotiation_Review` AS s11, `Closed Won` AS s12
  FROM `zoho.voronka_deals`
),
b2 AS (
  SELECT own_day, rep, source, targeted, id, status, amount,
    CASE WHEN booked_by <> '' THEN booked_by ELSE rep END AS sdr, booked_by = '' AS by_owner,
    FALSE AND (NOT (FALSE) OR FALSE OR booked_by <> '') AS booking,
    COALESCE(CAST(NULL AS DATE), CAST(NULL AS DATE)) AS booking_day, CAST(NULL AS DATE) AS confirmed_day,
    CAST(NULL AS DATE) AS held_day, DATE(s10) AS proposal_day,
    CASE WHEN status = 'won' THEN DATE(known_at) END AS sale_day,
    FALSE AS is_confirmed, FALSE AS is_held, reached >= 10 AS is_proposal,
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

CREATE OR REPLACE VIEW `zoho.voronka_agg_held_lost` AS
WITH f AS (
  SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,
    LEAST(reached, 12) AS reached,
    DATE(COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS own_day, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`, `Not Contacted`, COALESCE(created, `Not Contacted`, `Attempted to Contact`, `Contact in Future`, `Contacted`, `Pre Qualified`, `Converted lead`, `Prospect`, `Qualification`, `Needs Analysis`, `Initial Offer`, `Proposal_Price Quote`, `Negotiation_Review`, `Closed Won`, closed)) AS sale_at, COALESCE(closed, `Closed Won`, `Negotiation_Review`, `Proposal_Price Quote`, `Initial Offer`, `Needs Analysis`, `Qualification`, `Prospect`, `Converted lead`, `Pre Qualified`, `Contacted`, `Contact in Future`, `Attempted to Contact`) AS known_at, `Not Contacted` AS s0, `Attempted to Contact` AS s1, `Contact in Future` AS s2, `Contacted` AS s3, `Pre Qualified` AS s4, `Converted lead` AS s5, `Prospect` AS s6, `Qualification` AS s7, `Needs Analysis` AS s8, `Initial Offer` AS s9, `Proposal_Price Quote` AS s10, `Negotiation_Review` AS s11, `Closed Won` AS s12
  FROM `zoho.voronka_deals`
),
b AS (
  SELECT own_day, rep, source, targeted, id, status, amount,
    CASE WHEN booked_by <> '' THEN booked_by ELSE rep END AS sdr, booked_by = '' AS by_owner,
    FALSE AND (NOT (FALSE) OR FALSE OR booked_by <> '') AS booking,
    COALESCE(CAST(NULL AS DATE), CAST(NULL AS DATE)) AS booking_day, CAST(NULL AS DATE) AS confirmed_day,
    CAST(NULL AS DATE) AS held_day, DATE(s10) AS proposal_day,
    CASE WHEN status = 'won' THEN DATE(known_at) END AS sale_day,
    FALSE AS is_confirmed, FALSE AS is_held, reached >= 10 AS is_proposal,
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

CREATE OR REPLACE VIEW `zoho.voronka_agg_meta` AS
SELECT 60 AS long_call_seconds, COALESCE((SELECT LOGICAL_OR(client <> '') FROM `zoho.voronka_deals`), FALSE) AS has_client;
