import { inLang } from "../core/i18n";
import { cellText, isBlank, nameKey } from "../core/values";
import { WORDS } from "../core/words";
import { cachedNameKey, forEachCell, sameLength, vector } from "./args";
import { argError, type FnContext } from "./errors";
import type { Result } from "./result";
import type { FunctionSpec } from "./spec";

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
  const out: (string | number)[][] = [Object.values(inLang(funnelHeaders(), ctx.lang))];
  for (let s = 0; s < k; s++) {
    const step = s === 0 || counts[s - 1] === 0 ? "" : counts[s] / counts[s - 1];
    const overall = counts[0] === 0 ? "" : counts[s] / counts[0];
    out.push([names[s], counts[s], step, overall]);
  }
  return out;
}

/** FUNNEL's spec: the source of its JSDoc, README entry and sidebar help. */
export const FUNNEL_SPEC: FunctionSpec = {
  name: "FUNNEL",
  summary: {
    en: "Spills a funnel table with a header row: Stage, Count, Step conversion, Overall conversion. Without ids every row is one event; with ids a deal counts at every stage up to the furthest it reached.",
    ru: "Выводит таблицу воронки с заголовком: Этап, Количество, Конверсия шага, Общая конверсия. Без ids каждая строка — одно событие; с ids сделка учитывается на всех этапах до самого дальнего.",
    uk: "Виводить таблицю воронки із заголовком: Етап, Кількість, Конверсія кроку, Загальна конверсія. Без ids кожен рядок — одна подія; з ids угода враховується на всіх етапах до найдальшого.",
  },
  params: [
    {
      name: "stages",
      type: "Array<Array<*>>",
      description: {
        en: "A column with a stage name per row (rows whose stage is not in order are ignored).",
        ru: "Столбец с названием этапа в каждой строке (строки с этапом не из order игнорируются).",
        uk: "Стовпець із назвою етапу в кожному рядку (рядки з етапом не з order ігноруються).",
      },
    },
    {
      name: "order",
      type: "Array<Array<*>>",
      description: {
        en: "The funnel's stages from top to bottom (case and surrounding spaces ignored).",
        ru: "Этапы воронки сверху вниз (регистр и пробелы по краям не важны).",
        uk: "Етапи воронки згори донизу (регістр і пробіли по краях не важливі).",
      },
    },
    {
      name: "ids",
      type: "Array<Array<*>>",
      optional: true,
      description: {
        en: "Optional: a deal id per row, same length as stages; counts distinct ids that reached each stage.",
        ru: "Необязательно: id сделки в каждой строке, той же длины, что stages; считает разные id, дошедшие до этапа.",
        uk: "Необов'язково: id угоди в кожному рядку, тієї ж довжини, що stages; рахує різні id, що дійшли до етапу.",
      },
    },
  ],
  returns: {
    type: "Array<Array<*>>",
    description: {
      en: "A table with a header row and one row per stage.",
      ru: "Таблица с заголовком и строкой на каждый этап.",
      uk: "Таблиця із заголовком і рядком на кожен етап.",
    },
  },
  examples: [
    {
      formula: '=FUNNEL({"Call";"Call";"Meeting";"Paid"}, {"Call";"Meeting";"Paid"})',
      result: "Call 2, Meeting 1 (50%), Paid 1 (100%, overall 50%)",
    },
    {
      formula: "=FUNNEL(Log!B2:B, Stages!A2:A5, Log!A2:A)",
      result: "distinct deals that reached each stage",
    },
  ],
};
