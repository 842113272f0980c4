/**
 * Plain CSV reading for tests, independent of the product's readers: the expected figures of a
 * real export are computed from the file with these few lines, never through our code.
 */
import { readFileSync } from "node:fs";

/** Rows of a delimited text (RFC 4180 quotes; a trailing delimiter leaves an empty last cell). */
export function parseCsv(text: string, delimiter = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length) rows.push([...row, cell]);
  return rows.filter((r) => r.some((c) => c !== ""));
}

/** A CSV file as objects keyed by header (the first of duplicate headers wins). */
export function readCsv(
  path: string,
  opts: { encoding?: "utf8" | "latin1" | "cp1251"; delimiter?: string } = {},
): Record<string, string>[] {
  const bytes = readFileSync(path);
  const text =
    opts.encoding === "cp1251"
      ? new TextDecoder("windows-1251").decode(bytes)
      : bytes.toString(opts.encoding ?? "utf8").replace(/^\uFEFF/, "");
  const [header, ...rows] = parseCsv(text, opts.delimiter ?? ",");
  return rows.map((r) => {
    const o: Record<string, string> = {};
    header.forEach((h, i) => {
      if (!(h in o)) o[h] = r[i] ?? "";
    });
    return o;
  });
}

/** Count per value. */
export function countBy<T>(items: T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of items) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
  return m;
}
