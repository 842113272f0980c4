import type { Lang } from "../core/lang";
import { cellText, isBlank, nameKey } from "../core/values";
import { cachedNameKey, forEachCell, sameLength, vector } from "./args";
import { argError, type FnContext } from "./errors";
import type { Result } from "./result";

const FN = "FUNNEL";

const HEADERS: Record<Lang, string[]> = {
  en: ["Stage", "Count", "Step conversion", "Overall conversion"],
  ru: ["Этап", "Количество", "Конверсия шага", "Общая конверсия"],
  uk: ["Етап", "Кількість", "Конверсія кроку", "Загальна конверсія"],
};

/** The funnel's stages in order: display names and a key → index map (first mention wins). */
export function readOrder(
  fn: string,
  order: unknown,
  ctx: FnContext,
): { names: string[]; index: Map<string, number> } {
  const names: string[] = [];
  const index = new Map<string, number>();
  forEachCell(order, (v) => {
    if (isBlank(v) || Array.isArray(v)) return;
    const key = nameKey(v);
    if (key === "" || index.has(key)) return;
    index.set(key, names.length);
    names.push(cellText(v));
  });
  if (names.length === 0) throw argError(fn, ctx, "stages", "order");
  return { names, index };
}

/** FUNNEL(stages, order, [ids]): Stage · Count · Step conversion · Overall conversion. */
export function funnel(
  stagesArg: unknown,
  order: unknown,
  idsArg: unknown,
  ctx: FnContext,
): Result {
  const { names, index } = readOrder(FN, order, ctx);
  const stages = vector(FN, ctx, "stages", stagesArg);
  const k = names.length;
  const counts = new Array<number>(k).fill(0);
  const stageKey = cachedNameKey();
  const withIds = idsArg !== undefined && (Array.isArray(idsArg) || !isBlank(idsArg));
  if (!withIds) {
    for (let i = 0; i < stages.length; i++) {
      const v = stages.values[i];
      if (isBlank(v)) continue;
      const s = index.get(stageKey(v));
      if (s !== undefined) counts[s]++;
    }
  } else {
    const ids = vector(FN, ctx, "ids", idsArg);
    sameLength(FN, ctx, "ids", ids, "stages", stages);
    // Furthest stage per id; an id reached every stage up to its furthest.
    const furthest = new Map<string, number>();
    for (let i = 0; i < stages.length; i++) {
      const v = stages.values[i];
      if (isBlank(v)) continue;
      const s = index.get(stageKey(v));
      if (s === undefined) continue;
      const idV = ids.values[i];
      if (isBlank(idV)) continue;
      const id = nameKey(idV);
      const prev = furthest.get(id);
      if (prev === undefined || s > prev) furthest.set(id, s);
    }
    for (const s of furthest.values()) counts[s]++;
    for (let s = k - 2; s >= 0; s--) counts[s] += counts[s + 1];
  }
  const out: (string | number)[][] = [HEADERS[ctx.lang] ?? HEADERS.en];
  for (let s = 0; s < k; s++) {
    const step = s === 0 || counts[s - 1] === 0 ? "" : counts[s] / counts[s - 1];
    const overall = counts[0] === 0 ? "" : counts[s] / counts[0];
    out.push([names[s], counts[s], step, overall]);
  }
  return out;
}
