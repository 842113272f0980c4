/**
 * The few places DuckDB and BigQuery spell SQL differently. Everything else the emitter writes is
 * standard SQL both accept. The BigQuery side never uses DuckDB-only syntax (`::`, `epoch(`,
 * `strftime`, `read_csv`, `quantile_cont`…): a test checks the emitted text.
 */
import { at } from "../core/indexed";

export type DialectName = "duckdb" | "bigquery";

/**
 * The characters our name key takes for spaces (core/values.ts nameKey: JavaScript's \s and
 * trim): \t \n \v \f \r, the space, and Unicode's spaces (no-break U+00A0, figure U+2007,
 * narrow no-break U+202F, ideographic U+3000…) and U+FEFF, as an RE2 class that BigQuery and
 * DuckDB both read. Their own \s and TRIM stop at ASCII.
 */
export const SPACE_CLASS =
  "[\\x{0009}-\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]";

/** A text with every run of spaces (SPACE_CLASS) one space and none at either end. */
export function spacesTrimmed(q: Dialect, x: string): string {
  return `TRIM(${q.squeeze(x)}, ' ')`;
}

/** core/values.ts nameKey in SQL: spaces squeezed and trimmed, lower case, ё = е. */
export function nameKeySql(q: Dialect, x: string): string {
  return `REPLACE(LOWER(${spacesTrimmed(q, x)}), 'ё', 'е')`;
}

export interface Dialect {
  name: DialectName;
  ident(name: string): string;
  /** A table name, maybe qualified ("dataset.table", "project.dataset.table"). */
  table(name: string): string;
  str(text: string): string;
  /** A raw cell as text (any column type). */
  text(x: string): string;
  /** A raw cell as a timestamp, NULL when it is not one. */
  timestamp(x: string): string;
  /** A raw cell as a number, NULL when it is not one. */
  number(x: string): string;
  /** Every run of spaces (SPACE_CLASS, as JavaScript's \s) replaced by one space. */
  squeeze(x: string): string;
  /** Day (DATE) of a timestamp. */
  day(ts: string): string;
  /** First day (DATE) of a date's week part: its ISO week (Monday first) cut at month starts. */
  weekPart(day: string): string;
  /** Midnight of a timestamp's day, as a timestamp. */
  dayStart(ts: string): string;
  /** Whole days from date a to date b. */
  daysBetween(a: string, b: string): string;
  /** Milliseconds from timestamp a to timestamp b. */
  msBetween(a: string, b: string): string;
  /** The value of `v` on the first row by `order` where `where` holds (aggregate). */
  firstBy(v: string, order: string, where: string, desc?: boolean): string;
  boolOr(x: string): string;
  /** Every match of an RE2 pattern replaced. */
  replaceAll(x: string, pattern: string, by: string): string;
  /** The smallest of the non-null values (NULL when all are). */
  minOf(xs: string[]): string;
  /** Row order of a raw table: DuckDB keeps insertion order; BigQuery has none, so `fallback`. */
  rowOrder(fallback: string): string;
  /** A timestamp as a number that orders like it. */
  orderOf(ts: string): string;
  types: { text: string; timestamp: string; number: string; int: string; bool: string };
  createTable: string;
  createView: string;
}

const duckdb: Dialect = {
  name: "duckdb",
  ident: (n) => `"${n.replace(/"/g, '""')}"`,
  table: (n) =>
    n
      .split(".")
      .map((p) => `"${p.replace(/"/g, '""')}"`)
      .join("."),
  str: (t) => `'${t.replace(/'/g, "''")}'`,
  text: (x) => `CAST(${x} AS VARCHAR)`,
  timestamp: (x) => `TRY_CAST(${x} AS TIMESTAMP)`,
  number: (x) => `TRY_CAST(${x} AS DOUBLE)`,
  squeeze: (x) => `regexp_replace(${x}, '${SPACE_CLASS}+', ' ', 'g')`,
  day: (ts) => `CAST(${ts} AS DATE)`,
  weekPart: (d) =>
    `GREATEST(CAST(date_trunc('week', ${d}) AS DATE), CAST(date_trunc('month', ${d}) AS DATE))`,
  dayStart: (ts) => `date_trunc('day', ${ts})`,
  daysBetween: (a, b) => `date_diff('day', ${a}, ${b})`,
  msBetween: (a, b) => `(epoch_ms(${b}) - epoch_ms(${a}))`,
  firstBy: (v, order, where, desc) =>
    `${desc ? "arg_max" : "arg_min"}(${v}, ${order}) FILTER (WHERE ${where})`,
  boolOr: (x) => `bool_or(${x})`,
  replaceAll: (x, p, by) => `regexp_replace(${x}, '${p}', '${by}', 'g')`,
  minOf: (xs) => (xs.length === 1 ? at(xs, 0) : `LEAST(${xs.join(", ")})`),
  rowOrder: () => "rowid",
  orderOf: (ts) => `epoch_ms(${ts})`,
  types: {
    text: "VARCHAR",
    timestamp: "TIMESTAMP",
    number: "DOUBLE",
    int: "BIGINT",
    bool: "BOOLEAN",
  },
  createTable: "CREATE OR REPLACE TABLE",
  createView: "CREATE OR REPLACE VIEW",
};

const bigquery: Dialect = {
  name: "bigquery",
  ident: (n) => `\`${n.replace(/[`\\]/g, (c) => `\\${c}`)}\``,
  table: (n) => `\`${n.replace(/[`\\]/g, (c) => `\\${c}`)}\``,
  str: (t) =>
    `'${t
      .replace(/[\\']/g, (c) => `\\${c}`)
      .replace(/\n/g, "\\n")
      .replace(/\r/g, "\\r")}'`,
  text: (x) => `CAST(${x} AS STRING)`,
  timestamp: (x) => `SAFE_CAST(${x} AS TIMESTAMP)`,
  number: (x) => `SAFE_CAST(${x} AS FLOAT64)`,
  squeeze: (x) => `REGEXP_REPLACE(${x}, r'${SPACE_CLASS}+', ' ')`,
  day: (ts) => `DATE(${ts})`,
  // ISOWEEK starts on Monday; WEEK would start on Sunday.
  weekPart: (d) => `GREATEST(DATE_TRUNC(${d}, ISOWEEK), DATE_TRUNC(${d}, MONTH))`,
  dayStart: (ts) => `TIMESTAMP_TRUNC(${ts}, DAY)`,
  daysBetween: (a, b) => `DATE_DIFF(${b}, ${a}, DAY)`,
  msBetween: (a, b) => `TIMESTAMP_DIFF(${b}, ${a}, MILLISECOND)`,
  firstBy: (v, order, where, desc) =>
    `ARRAY_AGG(IF(${where}, ${v}, NULL) IGNORE NULLS ORDER BY ${order}${desc ? " DESC" : ""} LIMIT 1)[SAFE_OFFSET(0)]`,
  boolOr: (x) => `LOGICAL_OR(${x})`,
  replaceAll: (x, p, by) => `REGEXP_REPLACE(${x}, r'${p}', '${by}')`,
  minOf: (xs) =>
    xs.length === 1 ? at(xs, 0) : `(SELECT MIN(x) FROM UNNEST([${xs.join(", ")}]) AS x)`,
  rowOrder: (fallback) => fallback,
  orderOf: (ts) => `UNIX_MILLIS(${ts})`,
  types: { text: "STRING", timestamp: "TIMESTAMP", number: "FLOAT64", int: "INT64", bool: "BOOL" },
  createTable: "CREATE OR REPLACE TABLE",
  createView: "CREATE OR REPLACE VIEW",
};

export function dialectOf(name: DialectName): Dialect {
  return name === "bigquery" ? bigquery : duckdb;
}
