/** The length of a report period: a calendar week (Monday first) or a calendar month. */
export type Period = "week" | "month";

export function isPeriod(v: unknown): v is Period {
  return v === "week" || v === "month";
}
