/**
 * The template's example formulas for the roles model (SPEC §7): one per role, over the
 * template's own Deals and Calls tabs, filtered to the example person of that role.
 * Columns follow src/template/plan.ts: Deals C owner, F stage, J booked by, K–M meeting
 * booked / confirmed / held; Calls B rep, C duration.
 */
import { inLang, type Lang, l } from "../core/i18n";
import { WORDS } from "../core/words";
import { type FormulaRow, ref } from "./formulas";
import type { TemplatePlan } from "./plan";

export interface RoleFormulaRefs {
  deals: string;
  calls: string;
  /** The example SDR, hunter and farmer (the Team tab's rows). */
  sdr: string;
  hunter: string;
  farmer: string;
  /** The won stage as the Stage column writes it. */
  won: string;
}

/** The role names and, per example formula, what it computes. */
export const ROLE_FORMULA_TEXTS = {
  sdr: WORDS.sdr,
  hunter: WORDS.hunter,
  farmer: WORDS.farmer,
  sdrCalls: l(
    "Calls of 60 s and more made by the SDR (the daily norm is 80–100).",
    "Звонки лидоруба от 60 секунд (норма — 80–100 в день).",
    "Дзвінки лідоруба від 60 секунд (норма — 80–100 на день).",
  ),
  sdrHeld: l(
    "Of the meetings the SDR booked, the share that were held.",
    "Доля проведённых среди встреч, назначенных лидорубом.",
    "Частка проведених серед зустрічей, призначених лідорубом.",
  ),
  hunterSales: l(
    "Of the meetings the hunter held, the share that became a sale.",
    "Доля продаж среди встреч, проведённых хантером.",
    "Частка продажів серед зустрічей, проведених хантером.",
  ),
  farmerWon: l(
    "The farmer's deals won, as a share of the farmer's deals.",
    "Доля выигранных сделок фермера среди всех его сделок.",
    "Частка виграних угод фермера серед усіх його угод.",
  ),
};

function q(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The example SDR, hunter and farmer (the Team tab's rows, in that order) and the won stage. */
export function roleRefs(plan: TemplatePlan): Omit<RoleFormulaRefs, "deals" | "calls"> {
  const names = (plan.tabs.find((t) => t.kind === "team")?.rows ?? []).map((r) => String(r[0]));
  return {
    sdr: names[0] ?? "",
    hunter: names[1] ?? "",
    farmer: names[2] ?? "",
    won: plan.stages[plan.stages.length - 1] ?? "",
  };
}

export function roleFormulaRows(lang: Lang, r: RoleFormulaRefs): FormulaRow[] {
  const w = inLang(ROLE_FORMULA_TEXTS, lang);
  const [sdr, hunter, farmer] = [w.sdr, w.hunter, w.farmer];
  const d = (range: string) => ref(r.deals, range);
  const c = (range: string) => ref(r.calls, range);
  const by = (col: string, who: string) => `${d(col)}=${q(who)}`;
  const summaries = [w.sdrCalls, w.sdrHeld, w.hunterSales, w.farmerWon];
  const formulas: [string, string][] = [
    [
      `${sdr} · TALK_TIME`,
      `=TALK_TIME(FILTER(${c("C2:C")}, ${c("B2:B")}=${q(r.sdr)}), 60, "calls")`,
    ],
    [
      `${sdr} · CONVERSION`,
      `=CONVERSION(FILTER(${d("K2:K")}, ${by("J2:J", r.sdr)}), FILTER(${d("M2:M")}, ${by("J2:J", r.sdr)}))`,
    ],
    [
      `${hunter} · CONVERSION`,
      `=CONVERSION(FILTER(${d("M2:M")}, ${by("C2:C", r.hunter)}), FILTER(${d("F2:F")}=${q(r.won)}, ${by("C2:C", r.hunter)}))`,
    ],
    [
      `${farmer} · CONVERSION`,
      `=CONVERSION(COUNTIFS(${d("C2:C")}, ${q(r.farmer)}), COUNTIFS(${d("C2:C")}, ${q(r.farmer)}, ${d("F2:F")}, ${q(r.won)}))`,
    ],
  ];
  return formulas.map(([name, formula], i) => ({
    name,
    summary: summaries[i] ?? "",
    shown: formula,
    live: formula,
    expected: "",
  }));
}
