import { isBlank, parseDurationSeconds } from "../core/values";
import { forEachCell, optionalKeyword, single } from "./args";
import { cellError, FIRST_CELL_REF, type FnContext } from "./errors";
import { num, type Result } from "./result";

const TALK_OUTPUT: Record<string, "both" | "calls" | "minutes"> = {};
for (const w of ["both", "all", "оба", "обидва", "все", "всі"]) TALK_OUTPUT[w] = "both";
for (const w of [
  "calls",
  "count",
  "звонки",
  "звонков",
  "дзвінки",
  "дзвінків",
  "количество",
  "кількість",
])
  TALK_OUTPUT[w] = "calls";
for (const w of ["minutes", "min", "минуты", "минут", "хвилини", "хвилин"])
  TALK_OUTPUT[w] = "minutes";

/**
 * TALK_TIME(durations, [min_seconds], [output]): calls lasting at least min_seconds (60 by
 * default) and minutes on the line (all calls), spilled as one row; `output` "calls" or "minutes"
 * returns just one of them.
 */
export function talkTime([durations, minSeconds, output]: unknown[], ctx: FnContext): Result {
  const FN = "TALK_TIME";
  const minCell = single(FN, ctx, "min_seconds", minSeconds);
  let threshold = 60;
  if (!isBlank(minCell)) {
    const t = parseDurationSeconds(minCell, ctx.timeZone);
    if (t === null || t < 0)
      throw cellError(FN, ctx, "nonNegative", "min_seconds", FIRST_CELL_REF, minCell);
    threshold = t;
  }
  const outKey = optionalKeyword(FN, ctx, "output", output);
  const what = outKey === "" ? "both" : TALK_OUTPUT[outKey];
  if (!what)
    throw cellError(
      FN,
      ctx,
      "talkOutput",
      "output",
      FIRST_CELL_REF,
      single(FN, ctx, "output", output),
    );
  let calls = 0;
  let seconds = 0;
  forEachCell(durations, (v, row, col) => {
    if (isBlank(v)) return;
    const s =
      typeof v === "boolean" || Array.isArray(v) ? null : parseDurationSeconds(v, ctx.timeZone);
    if (s === null || s < 0) throw cellError(FN, ctx, "duration", "durations", { row, col }, v);
    seconds += s;
    if (s >= threshold) calls++;
  });
  const minutes = num(seconds / 60);
  if (what === "calls") return calls;
  if (what === "minutes") return minutes;
  return [[calls, minutes]];
}
