/**
 * `voronka report … --explain`: how each tab was read — its kind, the column taken for each
 * field, where the stages come from and in what order, and why a tempting column was passed
 * over — in the report's language. Also the sentence for a tab nothing recognised.
 */
import type { Lang } from "../core/lang";
import type { PassReason } from "../model/dealColumns";
import type { BuildResult, TabDetection } from "../model/index";
import { hasNoHeaderRow, type ReferenceKind, referenceKindOf } from "../model/reference";
import { quoted, stageSourceSentence } from "../model/stageSource";
import type { RawTab, TabKind } from "../model/types";

const KIND: Record<TabKind, Record<Lang, string>> = {
  calls: { en: "calls", ru: "звонки", uk: "дзвінки" },
  deals: { en: "deals", ru: "сделки", uk: "угоди" },
  stageLog: { en: "stage log", ru: "журнал этапов", uk: "журнал етапів" },
  timeLog: { en: "time log", ru: "хронометраж", uk: "хронометраж" },
  plan: { en: "plan", ru: "план", uk: "план" },
  checklist: { en: "checklist", ru: "чек-лист", uk: "чек-лист" },
  team: { en: "team", ru: "команда", uk: "команда" },
};

const REFERENCE: Record<ReferenceKind, Record<Lang, string>> = {
  accounts: { en: "accounts", ru: "клиенты", uk: "клієнти" },
  products: { en: "products", ru: "товары", uk: "товари" },
  teams: { en: "sales teams", ru: "команды продаж", uk: "команди продажу" },
};

const REASON: Record<PassReason, Record<Lang, string>> = {
  system: {
    en: "a system, forecast, marketing or counter column",
    ru: "служебный, прогнозный или маркетинговый столбец либо счётчик",
    uk: "службовий, прогнозний чи маркетинговий стовпець або лічильник",
  },
  forecast: {
    en: "a forecast, not an event",
    ru: "прогноз, а не событие",
    uk: "прогноз, а не подія",
  },
  futureDates: {
    en: "open deals hold dates after the data's last activity: a forecast",
    ru: "у открытых сделок даты позже последней активности в данных: это прогноз",
    uk: "у відкритих угод дати пізніші за останню активність у даних: це прогноз",
  },
  filledWhenOpen: {
    en: "filled for open deals: an expected close date, taken only for deals that closed",
    ru: "заполнен у открытых сделок: это ожидаемая дата закрытия, она берётся только у закрытых",
    uk: "заповнений у відкритих угод: це очікувана дата закриття, береться лише для закритих",
  },
  flagNotStage: {
    en: "a yes/no column next to a stage column, not a stage",
    ru: "столбец да/нет рядом со столбцом этапа, а не этап",
    uk: "стовпець так/ні поруч зі стовпцем етапу, а не етап",
  },
  notStageName: {
    en: "its name is not a stage of the pipeline",
    ru: "его название не этап воронки",
    uk: "його назва не етап воронки",
  },
  notValues: {
    en: "its values are not what its header says",
    ru: "его значения не то, что говорит заголовок",
    uk: "його значення не те, що каже заголовок",
  },
};

const WORDS = {
  passedOver: { en: "passed over", ru: "не взяты", uk: "не взято" },
  stageColumns: { en: "stage columns", ru: "столбцы этапов", uk: "стовпці етапів" },
  entry: { en: "entry stage", ru: "первый этап", uk: "перший етап" },
  won: { en: "won stage", ru: "этап продажи", uk: "етап продажу" },
  stages: { en: "Stages", ru: "Этапы", uk: "Етапи" },
  teamOnly: {
    en: "no rep column (Agent, Owner, Manager, Сотрудник…): calls are counted for the whole team",
    ru: "нет столбца менеджера (Менеджер, Сотрудник, Agent, Owner…): звонки считаются по всей команде",
    uk: "немає стовпця менеджера (Менеджер, Співробітник, Agent, Owner…): дзвінки рахуються по всій команді",
  },
} satisfies Record<string, Record<Lang, string>>;

/** Why a tab was not recognised: a reference table (left out) or a sentence for the error. */
export function notRecognised(
  tab: RawTab,
  lang: Lang,
): { reference: true; text: string } | { reference: false; text: string | null } {
  const ref = referenceKindOf(tab);
  if (ref) {
    const text = {
      en: `a reference table (${REFERENCE[ref].en}), not activity data: left out`,
      ru: `справочник (${REFERENCE[ref].ru}), а не данные о работе: не используется`,
      uk: `довідник (${REFERENCE[ref].uk}), а не дані про роботу: не використовується`,
    }[lang];
    return { reference: true, text };
  }
  if (hasNoHeaderRow(tab)) {
    const text = {
      en: "no header row: the first row holds data, so its columns cannot be told apart (export it with headers)",
      ru: "нет строки заголовков: первая строка уже данные, столбцы не различить (выгрузите с заголовками)",
      uk: "немає рядка заголовків: перший рядок уже дані, стовпці не розрізнити (вивантажте із заголовками)",
    }[lang];
    return { reference: false, text };
  }
  return { reference: false, text: null };
}

function tabLines(d: TabDetection, lang: Lang): string[] {
  const q = (s: string) => quoted(s, lang);
  const lines = [`${q(d.tab)}: ${KIND[d.kind][lang]}`];
  const fields = Object.entries(d.columns).map(([k, c]) => `${k} ← ${q(c.header)}`);
  if (fields.length) lines.push(`  ${fields.join(", ")}`);
  if (d.stageColumns.length)
    lines.push(
      `  ${WORDS.stageColumns[lang]}: ${d.stageColumns.map((s) => `${q(s.header)} → ${q(s.stage)}`).join(", ")}`,
    );
  if (d.entryStage) lines.push(`  ${WORDS.entry[lang]}: ${q(d.entryStage)}`);
  if (d.wonStage) lines.push(`  ${WORDS.won[lang]}: ${q(d.wonStage)}`);
  if (d.teamOnly) lines.push(`  ${WORDS.teamOnly[lang]}`);
  for (const p of d.passedOver ?? [])
    lines.push(`  ${WORDS.passedOver[lang]}: ${q(p.header)} (${REASON[p.reason][lang]})`);
  return lines;
}

/** The --explain text: every tab, then where the stages come from and the stages in order. */
export function explainLines(tabs: RawTab[], built: BuildResult, lang: Lang): string[] {
  const out: string[] = [];
  const byTab = new Map(built.detections.map((d) => [d.tab, d]));
  for (const tab of tabs) {
    const d = byTab.get(tab.name);
    if (d) {
      out.push(...tabLines(d, lang));
      continue;
    }
    const why = notRecognised(tab, lang);
    const fallback = { en: "not recognised", ru: "не распознана", uk: "не розпізнано" }[lang];
    out.push(`${quoted(tab.name, lang)}: ${why.text ?? fallback}`);
  }
  out.push(`${WORDS.stages[lang]}: ${stageSourceSentence(built.stageSource, lang)}`);
  if (built.model.stages.length)
    out.push(`  ${built.model.stages.map((s) => quoted(s, lang)).join(" → ")}`);
  return out;
}
