/** Command-line parsing for `voronka` (node:util parseArgs); errors are one sentence. */
import { parseArgs } from "node:util";
import { LANGS, type Lang } from "../core/lang";

export class UsageError extends Error {
  override name = "UsageError";
}

export const DEFAULT_OUT = "out/report.xlsx";
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
      period: "week" | "month";
      force: boolean;
      quiet: boolean;
    }
  | {
      kind: "template";
      out: string;
      lang: Lang;
      force: boolean;
      quiet: boolean;
    };

export const USAGE = `Usage:
  voronka report <files…> [--out report.xlsx] [--lang en|ru|uk] [--period week|month] [--force]
  voronka template [--lang en|ru|uk] [--out tracker.xlsx] [--force]
  voronka --help | --version

Reads .xlsx workbooks (every tab) and .csv/.tsv/.txt files (one tab each; comma, semicolon
or tab; UTF-8, UTF-16 with a BOM or Windows-1251), detects calls, deals, stage logs, time logs, plans and checklists,
and writes the Voronka report (Funnel, KPI, Velocity, Changes, Time, Quality, Data check)
to an .xlsx file.

voronka template writes the tracker template (raw tabs with headers in the language, example
rows, dropdown lists, the example formulas as text) to an .xlsx that Google Sheets imports
(default: ${DEFAULT_TEMPLATE_OUT}).

Options:
  -o, --out <file>     where to write the report (default: ${DEFAULT_OUT})
  -l, --lang <lang>    report language: en, ru or uk (default: en)
  -p, --period <p>     week or month (default: month)
  -f, --force          overwrite an existing output file
  -q, --quiet          print nothing but errors
  -h, --help           show this help
  -v, --version        show the version`;

export function parseCli(argv: string[]): Command {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    throw new UsageError((e as Error).message.split("\n")[0].split(". To specify")[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  const [command, ...files] = positionals;
  if (command === undefined) return { kind: "help" };
  if (command === "help") return { kind: "help" };
  if (command === "template") return templateCommand(values, files);
  if (command !== "report")
    throw new UsageError(
      `unknown command "${command}" (try: voronka report <files…> or voronka template)`,
    );
  if (files.length === 0) throw new UsageError("no input files (usage: voronka report <files…>)");
  const lang = (values.lang ?? "en").toLowerCase();
  if (!(LANGS as readonly string[]).includes(lang)) {
    throw new UsageError(`--lang must be en, ru or uk, not "${values.lang}"`);
  }
  const period = (values.period ?? "month").toLowerCase();
  if (period !== "week" && period !== "month") {
    throw new UsageError(`--period must be week or month, not "${values.period}"`);
  }
  const out = values.out ?? DEFAULT_OUT;
  if (!out.toLowerCase().endsWith(".xlsx"))
    throw new UsageError(`--out must name an .xlsx file, not "${out}"`);
  return {
    kind: "report",
    files,
    out,
    defaultOut: values.out === undefined,
    lang: lang as Lang,
    period,
    force: values.force === true,
    quiet: values.quiet === true,
  };
}

function templateCommand(
  values: ReturnType<typeof parse>["values"],
  extra: string[],
): Command & { kind: "template" } {
  if (extra.length > 0) {
    throw new UsageError(
      `template takes no input files (got "${extra[0]}"; use --out to name the output)`,
    );
  }
  if (values.period !== undefined) throw new UsageError("--period applies to report, not template");
  const lang = (values.lang ?? "en").toLowerCase();
  if (!(LANGS as readonly string[]).includes(lang)) {
    throw new UsageError(`--lang must be en, ru or uk, not "${values.lang}"`);
  }
  const out = values.out ?? DEFAULT_TEMPLATE_OUT;
  if (!out.toLowerCase().endsWith(".xlsx"))
    throw new UsageError(`--out must name an .xlsx file, not "${out}"`);
  return {
    kind: "template",
    out,
    lang: lang as Lang,
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
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
}
