/** Command-line parsing for `voronka` (node:util parseArgs); errors are one sentence. */

import { parseArgs } from "node:util";
import { CatalogError } from "../adapters/xlsx/errors";
import { MAX_CELL_CHARS, MAX_FILE_BYTES, MAX_ROWS } from "../adapters/xlsx/limits";
import { isLang, type Lang } from "../core/i18n";
import { isPeriod, type Period } from "../core/period";
import { HEAP_LIMIT_MB } from "./guard";
import { firstLine, systemLang } from "./terminal";

/** A command line the command cannot run. */
export class UsageError extends CatalogError {
  override name = "UsageError";
}

export const DEFAULT_OUT = "out/report.xlsx";

export type Engine = "memory" | "duckdb";
export type SqlDialect = "duckdb" | "bigquery";
export type SqlTableKind = "deals" | "stageLog" | "calls";
const TABLE_KINDS: Record<string, SqlTableKind> = {
  deals: "deals",
  stage_log: "stageLog",
  stagelog: "stageLog",
  log: "stageLog",
  calls: "calls",
};

/** Rows of deals, stage log and calls above which `report` computes with DuckDB by itself. */
export const ENGINE_AUTO_ROWS = 1_000_000;
export const DEFAULT_TEMPLATE_OUT = "out/tracker.xlsx";

export type Command =
  | { kind: "help" }
  | { kind: "version" }
  | {
      kind: "report";
      files: string[];
      out: string;
      /** True when --out was not given (the default path may be overwritten). */
      defaultOut: boolean;
      lang: Lang;
      period: Period;
      force: boolean;
      quiet: boolean;
      /** Print how each tab was read (--explain). */
      explain?: boolean;
      /** The engine asked for; absent: memory, or DuckDB above ENGINE_AUTO_ROWS. */
      engine?: Engine;
    }
  | {
      kind: "sql";
      files: string[];
      dialect: SqlDialect;
      /** Table name per kind (deals, stage_log, calls); more deals tables in order. */
      tables: Partial<Record<SqlTableKind, string>> & { moreDeals?: string[] };
      lang: Lang;
    }
  | {
      kind: "template";
      out: string;
      lang: Lang;
      force: boolean;
      quiet: boolean;
    };

/**
 * 3000000 → "3,000,000" without Intl: the usage text is built at every start, and the first
 * toLocaleString call loads ICU's number formats (13–28 ms here, of a ~150 ms start budget).
 */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export const USAGE = `Usage:
  voronka report <files…> [--out report.xlsx] [--lang en|ru|uk] [--period week|month] [--force] [--explain]
        [--engine memory|duckdb]
  voronka sql <sample files…> --dialect duckdb|bigquery [--table KIND=NAME…]
  voronka template [--lang en|ru|uk] [--out tracker.xlsx] [--force]
  voronka --help | --version

Reads .xlsx workbooks (every tab), .csv/.tsv/.txt files (one tab each; comma, semicolon or
tab; any mix of \\r\\n, \\n, \\r line ends; UTF-8, UTF-16 with a BOM, Windows-1251 or Latin-1) and
HTML tables saved as .xls (Bitrix24's Excel export), detects calls, deals, stage logs, time logs,
plans and checklists, and writes the Voronka report (Funnel, KPI, Velocity, Changes, Time,
Quality, Data check) to an .xlsx file. A binary .xls (Excel 97–2003): save it as .xlsx first.

voronka sql prints the SQL that turns your raw tables (named per kind, columns as detected in the
sample files, which need not be big) into voronka_deals (one row per deal, a timestamp column per
stage), voronka_rep_days and the aggregate views the report is built from, for DuckDB or
BigQuery. KIND is deals, stage_log or calls (default names: deals, stage_log, calls); name each
deals table, in the order of the sample files, with its own --table deals=NAME.

voronka template writes the tracker template (raw tabs with headers in the language, example
rows, dropdown lists, the example formulas as text) to an .xlsx that Google Sheets imports
(default: ${DEFAULT_TEMPLATE_OUT}).

Options:
  -o, --out <file>     where to write the report (default: ${DEFAULT_OUT}); an input is never
                       overwritten, not even through a link
  -l, --lang <lang>    report and message language: en, ru or uk (default: the system's, else en)
  -p, --period <p>     week or month (default: month)
  -f, --force          overwrite an existing output file
  -q, --quiet          print nothing but errors
  -e, --explain        print how each tab was read: its kind, the column taken for each field,
                       where the stages come from and why a tempting column was passed over
      --engine <e>     memory or duckdb (default: memory; duckdb by itself above
                       ${thousands(ENGINE_AUTO_ROWS)} rows of deals, stage log and calls, when
                       @duckdb/node-api is installed)
      --dialect <d>    sql: duckdb or bigquery
      --table <k=name> sql: the table of a kind (deals, stage_log, calls); repeatable
  -h, --help           show this help
  -v, --version        show the version

Limits: ${MAX_FILE_BYTES / 1024 / 1024 / 1024} GiB per file, ${thousands(MAX_ROWS)} rows in all, a ${HEAP_LIMIT_MB / 1024} GB heap;
cells are cut at ${thousands(MAX_CELL_CHARS)} characters (listed on the Data check sheet).`;

/** The language asked for with --lang, if any (for messages before the arguments are valid). */
export function langArgument(argv: string[]): Lang | null {
  for (const [i, a] of argv.entries()) {
    const v =
      a === "--lang" || a === "-l" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice(7) : null;
    const lang = v?.toLowerCase();
    if (isLang(lang)) return lang;
  }
  return null;
}

/** Parses the arguments; without --lang the language is the system's (LANG, LC_ALL). */
export function parseCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Command {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    // node:util's message, without its advice on passing a value that starts with "-".
    const [detail = ""] = firstLine((e as Error).message).split(". To specify");
    throw new UsageError("usage", { detail });
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  const [command, ...files] = positionals;
  if (command === undefined) return { kind: "help" };
  if (command === "help") return { kind: "help" };
  if (command === "template") return templateCommand(values, files, env);
  if (command === "sql") return sqlCommand(values, files, env);
  if (command !== "report") throw new UsageError("unknownCommand", { command });
  if (files.length === 0) throw new UsageError("noInputFiles");
  const lang = langOption(values, env);
  const period = (values.period ?? "month").toLowerCase();
  if (!isPeriod(period)) {
    throw new UsageError("badPeriod", { value: values.period ?? "" });
  }
  const engine = values.engine?.toLowerCase();
  if (engine !== undefined && engine !== "memory" && engine !== "duckdb")
    throw new UsageError("badEngine", { value: values.engine ?? "" });
  return {
    kind: "report",
    files,
    out: outOption(values, DEFAULT_OUT),
    defaultOut: values.out === undefined,
    lang,
    period,
    force: values.force === true,
    quiet: values.quiet === true,
    ...(values.explain === true ? { explain: true } : {}),
    ...(engine ? { engine } : {}),
  };
}

type Options = ReturnType<typeof parse>["values"];

/** --lang, else the system's language. */
function langOption(values: Options, env: NodeJS.ProcessEnv): Lang {
  const lang = (values.lang ?? systemLang(env)).toLowerCase();
  if (!isLang(lang)) throw new UsageError("badLang", { value: values.lang ?? "" });
  return lang;
}

/** --out, else `fallback`: an .xlsx file either way. */
function outOption(values: Options, fallback: string): string {
  const out = values.out ?? fallback;
  if (!out.toLowerCase().endsWith(".xlsx")) throw new UsageError("badOut", { value: out });
  return out;
}

function sqlCommand(
  values: Options,
  files: string[],
  env: NodeJS.ProcessEnv,
): Command & { kind: "sql" } {
  if (files.length === 0) throw new UsageError("sqlNoFiles");
  const lang = langOption(values, env);
  const dialect = (values.dialect ?? "").toLowerCase();
  if (dialect !== "duckdb" && dialect !== "bigquery")
    throw new UsageError("badDialect", { value: values.dialect ?? "" });
  const tables: Partial<Record<SqlTableKind, string>> & { moreDeals?: string[] } = {};
  for (const t of values.table ?? []) {
    const [, kindText = "", nameText = ""] = /^([^=]+)=(.+)$/.exec(t) ?? [];
    const kind = TABLE_KINDS[kindText.trim().toLowerCase()];
    const name = nameText.trim();
    if (!kind || name === "") throw new UsageError("badTable", { value: t });
    // Several deals tables: --table deals=… once per table, in the order of the sample files.
    if (kind === "deals" && tables.deals !== undefined)
      tables.moreDeals = [...(tables.moreDeals ?? []), name];
    else tables[kind] = name;
  }
  return { kind: "sql", files, dialect, tables, lang };
}

function templateCommand(
  values: Options,
  extra: string[],
  env: NodeJS.ProcessEnv,
): Command & { kind: "template" } {
  if (extra.length > 0) throw new UsageError("templateNoFiles", { value: extra[0] ?? "" });
  if (values.period !== undefined) throw new UsageError("templateNoPeriod");
  return {
    kind: "template",
    // In this order: a wrong language is reported before a wrong file name.
    lang: langOption(values, env),
    out: outOption(values, DEFAULT_TEMPLATE_OUT),
    force: values.force === true,
    quiet: values.quiet === true,
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: "string", short: "o" },
      lang: { type: "string", short: "l" },
      period: { type: "string", short: "p" },
      force: { type: "boolean", short: "f" },
      quiet: { type: "boolean", short: "q" },
      explain: { type: "boolean", short: "e" },
      engine: { type: "string" },
      dialect: { type: "string" },
      table: { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
}
