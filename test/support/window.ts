/**
 * SPEC §4's cohort window W, computed here independently of src/: the day count by which 80% of
 * won deals were sold (nearest rank), rounded up to the windows the spec lists, whole years past
 * 365 days.
 */
const WINDOWS = [0, 1, 2, 3, 4, 5, 6, 7, 10, 14, 21, 30, 45, 60, 90, 120, 180, 270, 365];

export function specWindow(spans: readonly number[]): number {
  const sorted = spans.filter((x) => x >= 0).sort((a, b) => a - b);
  const need = Math.ceil(0.8 * sorted.length - 1e-9);
  const days = sorted[need - 1] as number;
  return WINDOWS.find((w) => w >= days) ?? Math.ceil(days / 365) * 365;
}
