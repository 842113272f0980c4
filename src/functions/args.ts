/**
 * Shaping custom-function arguments: Sheets passes a range as a 2D array and a single cell as a
 * value; tests and odd callers may pass ragged or nested arrays, which are read as ranges with
 * missing cells blank.
 */
import { isBlank, nameKey, parseDate, parseNumber } from "../core/values";
import { argError, type CellRef, cellError, FIRST_CELL_REF, type FnContext } from "./errors";

/** A range as rows of cells (a single value is a 1×1 range). */
export interface Grid {
  rows: number;
  cols: number;
  /** The cell at 0-based (r, c); missing cells of ragged rows read as "". */
  at(r: number, c: number): unknown;
  /** True when the argument was a single value rather than an array. */
  scalar: boolean;
}

export function grid(v: unknown): Grid {
  if (!Array.isArray(v)) return { rows: 1, cols: 1, at: () => v, scalar: true };
  const rows = v.length;
  let cols = 0;
  let flat = true;
  for (let r = 0; r < rows; r++) {
    const row = v[r];
    if (Array.isArray(row)) {
      flat = false;
      if (row.length > cols) cols = row.length;
    } else if (cols < 1) cols = 1;
  }
  // A flat array [a, b, c] (not what Sheets passes) is read as one row.
  if (flat && rows > 0) {
    return { rows: 1, cols: rows, at: (_r, c) => (c < rows ? v[c] : ""), scalar: false };
  }
  return {
    rows,
    cols,
    at(r, c) {
      const row = v[r];
      if (!Array.isArray(row)) return c === 0 ? row : "";
      return c < row.length ? row[c] : "";
    },
    scalar: false,
  };
}

export function shapeText(g: Grid): string {
  return `${g.rows}×${g.cols}`;
}

/** A single column or row, with each value's cell inside the argument. */
export interface Vector {
  length: number;
  values: unknown[];
  cell(i: number): CellRef;
  scalar: boolean;
  shape: string;
}

/** Throws unless the argument `arg` has as many cells as the argument `other`. */
export function sameLength(
  fn: string,
  ctx: FnContext,
  arg: string,
  v: { length: number },
  other: string,
  w: { length: number },
): void {
  if (v.length !== w.length) {
    throw argError(fn, ctx, "sameLength", arg, {
      other,
      n: String(w.length),
      m: String(v.length),
    });
  }
}

export function vector(fn: string, ctx: FnContext, arg: string, v: unknown): Vector {
  const g = grid(v);
  const shape = shapeText(g);
  if (g.rows === 0 || g.cols === 0) {
    return { length: 0, values: [], cell: () => ({ row: 1, col: 1 }), scalar: false, shape };
  }
  if (g.cols === 1) {
    const values = new Array<unknown>(g.rows);
    for (let r = 0; r < g.rows; r++) values[r] = g.at(r, 0);
    return {
      length: g.rows,
      values,
      cell: (i) => ({ row: i + 1, col: 1 }),
      scalar: g.scalar,
      shape,
    };
  }
  if (g.rows === 1) {
    const values = new Array<unknown>(g.cols);
    for (let c = 0; c < g.cols; c++) values[c] = g.at(0, c);
    return { length: g.cols, values, cell: (i) => ({ row: 1, col: i + 1 }), scalar: false, shape };
  }
  throw argError(fn, ctx, "vector", arg, { shape });
}

/** Every cell of a range in reading order, with its cell reference. */
export function forEachCell(
  v: unknown,
  f: (value: unknown, row: number, col: number) => void,
): void {
  const g = grid(v);
  for (let r = 0; r < g.rows; r++) for (let c = 0; c < g.cols; c++) f(g.at(r, c), r + 1, c + 1);
}

/** The single value of an argument that must be one cell (a 1×1 range is fine). */
export function single(fn: string, ctx: FnContext, arg: string, v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  const g = grid(v);
  if (g.rows === 1 && g.cols === 1) return g.at(0, 0);
  if (g.rows === 0 || g.cols === 0) return "";
  throw argError(fn, ctx, "single", arg, { shape: shapeText(g) });
}

const ONE: CellRef = FIRST_CELL_REF;

/** A required number (error when blank or not a number). */
export function requiredNumber(fn: string, ctx: FnContext, arg: string, v: unknown): number {
  const x = single(fn, ctx, arg, v);
  const n = parseNumber(x);
  if (n === null) throw cellError(fn, ctx, "number", arg, ONE, x);
  return n;
}

/** An optional number: null when the argument is left out or blank. */
export function optionalNumber(fn: string, ctx: FnContext, arg: string, v: unknown): number | null {
  const x = single(fn, ctx, arg, v);
  if (isBlank(x)) return null;
  const n = parseNumber(x);
  if (n === null) throw cellError(fn, ctx, "number", arg, ONE, x);
  return n;
}

/** A number > 0. */
export function positiveNumber(fn: string, ctx: FnContext, arg: string, v: unknown): number {
  const x = single(fn, ctx, arg, v);
  const n = parseNumber(x);
  if (n === null || !(n > 0)) throw cellError(fn, ctx, "positive", arg, ONE, x);
  return n;
}

/** A required number, 0 or more. */
export function nonNegativeNumber(fn: string, ctx: FnContext, arg: string, v: unknown): number {
  const x = single(fn, ctx, arg, v);
  const n = parseNumber(x);
  if (n === null) throw cellError(fn, ctx, "number", arg, ONE, x);
  if (n < 0) throw cellError(fn, ctx, "nonNegative", arg, ONE, x);
  return n;
}

/** A rate: a share from 0 to 1 ("15%" or 0.15) in `cell` of the argument. */
export function rateIn(fn: string, ctx: FnContext, arg: string, cell: CellRef, x: unknown): number {
  const r = parseNumber(x);
  if (r === null || r < 0) throw cellError(fn, ctx, "rate", arg, cell, x);
  if (r > 1) throw cellError(fn, ctx, "rateAboveOne", arg, cell, x, { n: String(r) });
  return r;
}

/** A required date (wall-clock ms). Serial day numbers are accepted. */
export function requiredDate(fn: string, ctx: FnContext, arg: string, v: unknown): number {
  const x = single(fn, ctx, arg, v);
  const d = parseDate(x, { timeZone: ctx.timeZone, serialNumbers: true });
  if (d === null) throw cellError(fn, ctx, "date", arg, ONE, x);
  return d;
}

/** An optional keyword: its nameKey, or "" when left out or blank. */
export function optionalKeyword(fn: string, ctx: FnContext, arg: string, v: unknown): string {
  const x = single(fn, ctx, arg, v);
  if (isBlank(x)) return "";
  return typeof x === "string" ? nameKey(x) : `\u0000${typeof x}`;
}

export const FIRST_CELL = ONE;

/**
 * nameKey with a cache for text cells: a stage column repeats a handful of names, so each
 * distinct text is normalised once. The cache stops growing past `limit` entries.
 */
export function cachedNameKey(limit = 4096): (v: unknown) => string {
  const cache = new Map<string, string>();
  return (v) => {
    if (typeof v !== "string") return nameKey(v);
    let k = cache.get(v);
    if (k === undefined) {
      k = nameKey(v);
      if (cache.size < limit) cache.set(v, k);
    }
    return k;
  };
}

/** parseDate with a cache for text cells (date columns repeat the same days). */
export function cachedDate(timeZone: string, limit = 4096): (v: unknown) => number | null {
  const opts = { timeZone, serialNumbers: true };
  const cache = new Map<string, number | null>();
  return (v) => {
    if (typeof v !== "string") return parseDate(v, opts);
    let d = cache.get(v);
    if (d === undefined) {
      d = parseDate(v, opts);
      if (cache.size < limit) cache.set(v, d);
    }
    return d;
  };
}
