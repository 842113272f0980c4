/**
 * The order of a pipeline's stages from a stage-change log, by precedence votes: for every deal
 * and every two stages it entered, the stage it entered first gets a vote over the other. A
 * stage is placed before another when more deals entered it first (Copeland's rule: one point per
 * stage beaten, ties broken by the vote margin, then by the mean entry time).
 *
 * Why votes and not the mean time since a deal's first entry: real logs start part-way (deals
 * already at "Signing" when the history was switched on) and repeat a stage on every field edit,
 * which drags a stage's mean time around; a deal that entered "Negotiation" before "Signing" says
 * which comes first whatever the rest of its history looks like.
 */

import { addAt, at } from "../indexed";

/** One deal's first entry into each stage it entered: stage index → first date (any unit). */
export type FirstEntries = ReadonlyMap<number, number>;

/**
 * Stage indices 0…stageCount−1 ordered from the top of the funnel.
 * `meanEntry[s]` (optional) breaks exact ties; stages no deal entered keep their place among ties.
 */
export function precedenceOrder(
  stageCount: number,
  deals: Iterable<FirstEntries>,
  meanEntry?: ArrayLike<number>,
): number[] {
  const votes = new Float64Array(stageCount * stageCount);
  const entries: [number, number][] = [];
  for (const deal of deals) {
    entries.length = 0;
    for (const [s, day] of deal) if (s >= 0 && s < stageCount) entries.push([s, day]);
    for (let i = 0; i < entries.length; i++) {
      const [a, ta] = at(entries, i);
      for (let j = i + 1; j < entries.length; j++) {
        const [b, tb] = at(entries, j);
        if (ta < tb) addAt(votes, a * stageCount + b);
        else if (tb < ta) addAt(votes, b * stageCount + a);
      }
    }
  }
  const points = new Float64Array(stageCount);
  const margin = new Float64Array(stageCount);
  for (let a = 0; a < stageCount; a++) {
    for (let b = 0; b < stageCount; b++) {
      if (a === b) continue;
      const d = at(votes, a * stageCount + b) - at(votes, b * stageCount + a);
      if (d > 0) addAt(points, a);
      addAt(margin, a, d);
    }
  }
  const mean = (s: number) => (meanEntry ? (meanEntry[s] ?? 0) : 0);
  return Array.from({ length: stageCount }, (_, s) => s).sort(
    (a, b) =>
      at(points, b) - at(points, a) || at(margin, b) - at(margin, a) || mean(a) - mean(b) || a - b,
  );
}
