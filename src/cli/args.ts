/** Command-line parsing for `voronka` (node:util parseArgs); errors are one sentence. */

import { parseArgs } from "node:util";
import { CatalogError } from "../adapters/xlsx/errors";
import { MAX_CELL_CHARS, MAX_FILE_BYTES, MAX_ROWS } from "../adapters/xlsx/limits";
import { isLang, type Lang } from "../core/i18n";
import { isPeriod, type Period } from "../core/period";
import {
  isIsoDay,
  OPTION_KEYS,
  OPTION_RULES,
  type OptionKey,
  type OptionValues,
  readOption,
} from "../shared/options";
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
      /** Only these reps / sources (--rep, --source, repeatable); absent: all. */
      reps?: string[];
      sources?: string[];
      /** ISO dates, inclusive (--from, --to); absent: open. */
      from?: string;
      to?: string;
      /** The report options given as flags: they win over the settings tab's. */
      options?: OptionValues;
      /** The pipeline to report (--pipeline); absent: the one with the most deals. */
      pipeline?: string;
    }
  | {
      kind: "sql";
      files: string[];
      dialect: SqlDialect;
      /** Table name per kind (deals, stage_log, calls); more deals tables in order. */
      tables: Partial<Record<SqlTableKind, string>> & { moreDeals?: string[] };
      lang: Lang;
      /** --long-call: voronka_rep_days counts calls of at least this many seconds as long. */
      longCallSeconds?: number;
      /** --pipeline: the deals of this pipeline; absent: the one with the most deals. */
      pipeline?: string;
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

/** Report options by flag: the flag's name is the one the messages and --help use. */
export const OPTION_FLAGS: Record<OptionKey, string> = {
  cohortWindowDays: "window",
  velocityGoalPercent: "velocity-goal",
  dropThresholdPercent: "drop-threshold",
  longCallSeconds: "long-call",
  topN: "top",
};

const OPTION_FALLBACK = Object.fromEntries(
  OPTION_KEYS.map((k) => [k, OPTION_RULES[k].fallback]),
) as Record<OptionKey, number | null>;

function rangeOf(key: OptionKey): string {
  return `${OPTION_RULES[key].min}–${OPTION_RULES[key].max}`;
}

export const USAGE = `Usage:
  voronka report <files…> [--out report.xlsx] [--lang en|ru|uk] [--period week|month] [--force] [--explain]
        [--engine memory|duckdb] [--from yyyy-mm-dd] [--to yyyy-mm-dd] [--rep NAME…] [--source NAME…]
        [--window DAYS] [--velocity-goal PERCENT] [--drop-threshold PERCENT] [--long-call SECONDS]
        [--top ROWS] [--pipeline NAME]
  voronka sql <sample files…> --dialect duckdb|bigquery [--table KIND=NAME…] [--long-call SECONDS]
        [--pipeline NAME]
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
      --from <date>    report: only what happened from this day, yyyy-mm-dd (default: all)
      --to <date>      report: only what happened up to this day, inclusive
      --rep <name>     report: only this rep (name as in the data, any case); repeatable
      --source <name>  report: only this source; repeatable
      --window <days>  report: the cohort window of the Changes sheet, ${rangeOf("cohortWindowDays")}
                       (default: from the data, the days 80% of won deals took to the sale)
      --velocity-goal <percent>
                       report: Velocity's monthly goal, the cut in funnel time, ${rangeOf("velocityGoalPercent")}
                       (default: ${OPTION_FALLBACK.velocityGoalPercent})
      --drop-threshold <percent>
                       report: a conversion falling by more than this is named on Changes,
                       ${rangeOf("dropThresholdPercent")} (default: ${OPTION_FALLBACK.dropThresholdPercent})
      --long-call <seconds>
                       report, sql: calls of at least this long count as long calls, ${rangeOf("longCallSeconds")}
                       (default: ${OPTION_FALLBACK.longCallSeconds})
      --top <rows>     report: named rows per breakdown before the rest go to "Other",
                       ${rangeOf("topN")} (default: ${OPTION_FALLBACK.topN})
      --pipeline <name>
                       report, sql: the deals of this pipeline (a Pipeline / Воронка column, or
                       Bitrix24's C<n>: stage codes: C0 is the default pipeline); one funnel is
                       one pipeline (default: the one with the most deals, the rest left out)
      --dialect <d>    sql: duckdb or bigquery
      --table <k=name> sql: the table of a kind (deals, stage_log, calls); repeatable
  -h, --help           show this help
  -v, --version        show the version

The report options (--window, --velocity-goal, --drop-threshold, --long-call, --top) that a
workbook's Voronka settings tab keeps (set in the sidebar's Options) apply too; a flag wins over
them. The filters (--from, --to, --rep, --source) come from flags only.

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
  const from = dateOption(values.from, "from");
  const to = dateOption(values.to, "to");
  if (from && to && from > to) throw new UsageError("fromAfterTo", { from, to });
  const reps = namesOption(values.rep, "rep");
  const sources = namesOption(values.source, "source");
  const options = optionValues(values, lang);
  const pipeline = pipelineOption(values.pipeline);
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
    ...(reps ? { reps } : {}),
    ...(sources ? { sources } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(Object.keys(options).length > 0 ? { options } : {}),
    ...(pipeline ? { pipeline } : {}),
  };
}

/** --pipeline: a name, not a blank one. */
function pipelineOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const name = value.trim();
  if (name === "") throw new UsageError("blankName", { flag: "--pipeline" });
  return name;
}

type Options = ReturnType<typeof parse>["values"];

/** --from / --to: a real day as yyyy-mm-dd. */
function dateOption(value: string | undefined, flag: "from" | "to"): string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (!isIsoDay(text)) throw new UsageError("badDateFlag", { flag: `--${flag}`, value });
  return text;
}

/** --rep / --source, each given once per name; a blank name is an error. */
function namesOption(values: string[] | undefined, flag: "rep" | "source"): string[] | undefined {
  if (!values?.length) return undefined;
  return values.map((v) => {
    const name = v.trim();
    if (name === "") throw new UsageError("blankName", { flag: `--${flag}` });
    return name;
  });
}

/** The report options given as flags, each read by the rules the sidebar uses. */
function optionValues(values: Options, lang: Lang): OptionValues {
  const out: OptionValues = {};
  for (const key of OPTION_KEYS) {
    const flag = OPTION_FLAGS[key];
    const raw = values[flag as keyof Options];
    if (typeof raw !== "string") continue;
    const read = readOption(key, raw);
    // Blank is the default for a sidebar box, but a flag given must say something.
    if (!read.ok || read.value === null) throw badOption(key, raw, lang);
    out[key] = read.value;
  }
  return out;
}

function badOption(key: OptionKey, value: string, lang: Lang): UsageError {
  const rule = OPTION_RULES[key];
  return new UsageError("badOption", {
    flag: `--${OPTION_FLAGS[key]}`,
    what: rule.what[lang],
    min: rule.min,
    max: rule.max,
    value,
  });
}

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

/** The report's filters and options given to another command: one sentence naming the flag. */
function reportOnly(values: Options, command: string, allowed: string[]): void {
  for (const flag of ["from", "to", "rep", "source", "pipeline", ...Object.values(OPTION_FLAGS)]) {
    if (allowed.includes(flag) || values[flag as keyof Options] === undefined) continue;
    throw new UsageError("reportOnlyFlag", { flag: `--${flag}`, command });
  }
}

function sqlCommand(
  values: Options,
  files: string[],
  env: NodeJS.ProcessEnv,
): Command & { kind: "sql" } {
  if (files.length === 0) throw new UsageError("sqlNoFiles");
  const lang = langOption(values, env);
  reportOnly(values, "sql", ["long-call", "pipeline"]);
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
  const pipeline = pipelineOption(values.pipeline);
  const longCall = values["long-call"];
  let longCallSeconds: number | undefined;
  if (longCall !== undefined) {
    const read = readOption("longCallSeconds", longCall);
    if (!read.ok || read.value === null) throw badOption("longCallSeconds", longCall, lang);
    longCallSeconds = read.value;
  }
  return {
    kind: "sql",
    files,
    dialect,
    tables,
    lang,
    ...(longCallSeconds !== undefined ? { longCallSeconds } : {}),
    ...(pipeline ? { pipeline } : {}),
  };
}

function templateCommand(
  values: Options,
  extra: string[],
  env: NodeJS.ProcessEnv,
): Command & { kind: "template" } {
  if (extra.length > 0) throw new UsageError("templateNoFiles", { value: extra[0] ?? "" });
  if (values.period !== undefined) throw new UsageError("templateNoPeriod");
  reportOnly(values, "template", []);
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
      from: { type: "string" },
      to: { type: "string" },
      rep: { type: "string", multiple: true },
      source: { type: "string", multiple: true },
      window: { type: "string" },
      "velocity-goal": { type: "string" },
      "drop-threshold": { type: "string" },
      "long-call": { type: "string" },
      top: { type: "string" },
      pipeline: { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
}
