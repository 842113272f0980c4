import { inLang } from "../core/i18n";
import { addAt, at } from "../core/indexed";
import { cellText, isBlank, nameKey } from "../core/values";
import { WORDS } from "../core/words";
import { cachedNameKey, forEachCell, sameLength, vector } from "./args";
import { argError, type FnContext } from "./errors";
import type { Result } from "./result";

const FN = "FUNNEL";

/** The spilled table's header, column by column. */
export function funnelHeaders() {
  // A function, not a constant: the sidebar bundles this module for its spec and drops it.
  return {
    stage: WORDS.stage,
    count: WORDS.count,
    step: WORDS.stepConversion,
    overall: WORDS.overallConversion,
  };
}

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
      if (s !== undefined) addAt(counts, s);
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
    for (const s of furthest.values()) addAt(counts, s);
    for (let s = k - 2; s >= 0; s--) addAt(counts, s, at(counts, s + 1));
  }
  const out: (string | number)[][] = [Object.values(inLang(funnelHeaders(), ctx.lang))];
  const first = counts[0] ?? 0;
  for (const [s, count] of counts.entries()) {
    const above = counts[s - 1];
    const step = above === undefined || above === 0 ? "" : count / above;
    const overall = first === 0 ? "" : count / first;
    out.push([at(names, s), count, step, overall]);
  }
  return out;
}
