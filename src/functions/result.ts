/** Results as Sheets shows them: an undefined result (null, NaN, ±Infinity) is an empty cell. */
export type Cell = number | string | boolean;
export type Result = Cell | Cell[][];

export function num(x: number | null | undefined): number | "" {
  return typeof x === "number" && Number.isFinite(x) ? x : "";
}
