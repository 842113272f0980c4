import { at } from "../core/indexed";
import { isBlank, isMarked, parseNumber } from "../core/values";
import { grid, shapeText } from "./args";
import { argError, cellError, type FnContext } from "./errors";
import { num, type Result } from "./result";

const FN = "CONVERSION";

/**
 * CONVERSION(from, to). Counts form: `to ÷ from` cell by cell ("" where `from` is 0 or blank).
 * Marks form (two columns or rows of equal length > 1 with a non-number in them): among rows
 * whose `from` is marked, the share whose `to` is marked.
 */
export function conversion(from: unknown, to: unknown, ctx: FnContext): Result {
  const a = grid(from);
  const b = grid(to);
  const aVec = a.rows === 1 || a.cols === 1;
  const bVec = b.rows === 1 || b.cols === 1;
  const aLen = a.rows * a.cols;
  const bLen = b.rows * b.cols;

  if (aVec && bVec && aLen === bLen && aLen > 1 && (hasNonNumber(a) || hasNonNumber(b))) {
    // Marks form: one pass over the rows.
    let reached = 0;
    let converted = 0;
    const aCol = a.cols === 1;
    const bCol = b.cols === 1;
    for (let i = 0; i < aLen; i++) {
      const fv = aCol ? a.at(i, 0) : a.at(0, i);
      if (!isMarked(fv)) continue;
      reached++;
      const tv = bCol ? b.at(i, 0) : b.at(0, i);
      if (isMarked(tv)) converted++;
    }
    return reached === 0 ? "" : converted / reached;
  }

  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw argError(FN, ctx, "sameShape", "to", {
      a: "from",
      shapeA: shapeText(a),
      b: "to",
      shapeB: shapeText(b),
    });
  }
  if (a.rows === 0 || a.cols === 0) return "";

  const out: (number | "")[][] = [];
  for (let r = 0; r < a.rows; r++) {
    const row: (number | "")[] = [];
    for (let c = 0; c < a.cols; c++) {
      const fv = a.at(r, c);
      const tv = b.at(r, c);
      const f = readCount(fv, "from", r, c, ctx);
      const t = readCount(tv, "to", r, c, ctx);
      row.push(f === null || t === null || f === 0 ? "" : num(t / f));
    }
    out.push(row);
  }
  return a.scalar && b.scalar ? at(at(out, 0), 0) : out;
}

function readCount(v: unknown, arg: string, r: number, c: number, ctx: FnContext): number | null {
  if (isBlank(v)) return null;
  const n = parseNumber(v);
  if (n === null) throw cellError(FN, ctx, "number", arg, { row: r + 1, col: c + 1 }, v);
  return n;
}

function hasNonNumber(g: ReturnType<typeof grid>): boolean {
  for (let r = 0; r < g.rows; r++) {
    for (let c = 0; c < g.cols; c++) {
      const v = g.at(r, c);
      if (!isBlank(v) && parseNumber(v) === null) return true;
    }
  }
  return false;
}
