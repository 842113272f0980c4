/**
 * Offline reading at scale (issue 13): a generated call log of N rows as .xlsx (and CSV with
 * --csv), read by the real command (`src/cli/main.ts report` through tsx) under /usr/bin/time; prints the
 * wall time and the peak RSS (the largest of the launcher and its heap-limited child).
 *
 *   npx tsx bench/offline.ts                 1M rows, .xlsx
 *   npx tsx bench/offline.ts --rows=300k --csv
 *
 * Files go to bench/.offline/ (git-ignored), reused when already there.
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const flag = (name: string) => argv.find((a) => a.startsWith(`--${name}`))?.split("=")[1];
const parseRows = (s: string) => {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(s);
  if (!m) throw new Error(`--rows: ${s}`);
  return Math.round(Number(m[1]) * (m[2].toLowerCase() === "m" ? 1e6 : m[2] ? 1e3 : 1));
};
const rows = parseRows(flag("rows") ?? "1M");
const csv = argv.includes("--csv");
const dir = join(root, "bench/.offline");
mkdirSync(dir, { recursive: true });

const REPS = Array.from({ length: 40 }, (_, i) => `Оператор ${i + 1}`);
const DIRS = ["Исходящий", "Входящий"];
const RESULTS = ["Успешный звонок", "Занято", "Пропущенный", "Не отвечает"];

function callRow(i: number): [Date, string, number, string, string] {
  const at = new Date(Date.UTC(2025, 0, 1) + i * 25_000);
  return [at, REPS[i % REPS.length], (i * 37) % 900, DIRS[i % 2], RESULTS[i % 4]];
}

async function makeXlsx(path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet("Звонки");
  ws.addRow(["Дата звонка", "Менеджер", "Длительность", "Направление", "Результат"]).commit();
  for (let i = 0; i < rows; i++) {
    const row = ws.addRow(callRow(i));
    row.getCell(1).numFmt = "dd.mm.yyyy hh:mm:ss";
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

async function makeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write("Дата звонка;Менеджер;Длительность;Направление;Результат\r\n");
  for (let i = 0; i < rows; i++) {
    const [at, rep, dur, d, r] = callRow(i);
    const line = `${at.toISOString().slice(0, 19).replace("T", " ")};${rep};${dur};${d};${r}\r\n`;
    if (!out.write(line)) await new Promise((ok) => out.once("drain", ok));
  }
  await new Promise((ok) => out.end(ok));
}

const input = join(dir, `calls-${rows}.${csv ? "csv" : "xlsx"}`);
if (!existsSync(input)) {
  const t = Date.now();
  await (csv ? makeCsv(input) : makeXlsx(input));
  console.log(`generated ${input} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
console.log(
  `input: ${input} (${(statSync(input).size / 1024 / 1024).toFixed(1)} MB, ${rows} rows)`,
);
const out = join(dir, "report.xlsx");
const t = Date.now();
const res = spawnSync(
  "/usr/bin/time",
  [
    "-v",
    process.execPath,
    "--import",
    "tsx",
    join(root, "src/cli/main.ts"),
    "report",
    input,
    "--out",
    out,
    "--force",
  ],
  { encoding: "utf8", cwd: root },
);
const seconds = (Date.now() - t) / 1000;
const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(res.stderr)?.[1];
console.log(res.stdout.split("\n")[0]);
console.log(
  `exit ${res.status}; wall ${seconds.toFixed(1)} s; peak RSS ${rss ? (Number(rss) / 1024).toFixed(0) : "?"} MiB`,
);
if (res.status !== 0) console.log(res.stderr.split("\n").slice(0, 5).join("\n"));
