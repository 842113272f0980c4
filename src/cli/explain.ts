/**
 * `voronka report … --explain`: how each tab was read — its kind, the column taken for each
 * field, where the stages come from and in what order, and why a tempting column was passed
 * over — in the report's language. Also the sentence for a tab nothing recognised.
 */
import { type Lang, type Localized, l, translate } from "../core/i18n";
import { cellText } from "../core/values";
import { CONVERTED_STAGE } from "../model/build/leadLink";
import type { PassReason } from "../model/dealColumns";
import type { BuildResult, TabDetection } from "../model/index";
import { hasNoHeaderRow, type ReferenceKind, referenceKindOf } from "../model/reference";
import { quoted, stageSourceSentence } from "../model/stageSource";
import type { RawTab, TabKind } from "../model/types";
import { pipelineExplainLines } from "./pipelines";

export const EXPLAIN_KINDS: Record<TabKind, Localized> = {
  calls: l("calls", "звонки", "дзвінки"),
  deals: l("deals", "сделки", "угоди"),
  stageLog: l("stage log", "журнал этапов", "журнал етапів"),
  timeLog: l("time log", "хронометраж", "хронометраж"),
  plan: l("plan", "план", "план"),
  checklist: l("checklist", "чек-лист", "чек-лист"),
  team: l("team", "команда", "команда"),
  callsSummary: l("calls summary", "сводка звонков", "зведення дзвінків"),
  aggregates: l("aggregates", "агрегаты", "агрегати"),
};

export const EXPLAIN_REFERENCES: Record<ReferenceKind, Localized> = {
  accounts: l("accounts", "клиенты", "клієнти"),
  products: l("products", "товары", "товари"),
  teams: l("sales teams", "команды продаж", "команди продажу"),
};

export const EXPLAIN_REASONS: Record<PassReason, Localized> = {
  system: l(
    "a system, forecast, marketing or counter column",
    "служебный, прогнозный или маркетинговый столбец либо счётчик",
    "службовий, прогнозний чи маркетинговий стовпець або лічильник",
  ),
  forecast: l("a forecast, not an event", "прогноз, а не событие", "прогноз, а не подія"),
  futureDates: l(
    "open deals hold dates after the data's last activity: a forecast",
    "у открытых сделок даты позже последней активности в данных: это прогноз",
    "у відкритих угод дати пізніші за останню активність у даних: це прогноз",
  ),
  filledWhenOpen: l(
    "filled for open deals: an expected close date, taken only for deals that closed",
    "заполнен у открытых сделок: это ожидаемая дата закрытия, она берётся только у закрытых",
    "заповнений у відкритих угод: це очікувана дата закриття, береться лише для закритих",
  ),
  flagNotStage: l(
    "a yes/no column next to a stage column, not a stage",
    "столбец да/нет рядом со столбцом этапа, а не этап",
    "стовпець так/ні поруч зі стовпцем етапу, а не етап",
  ),
  notStageName: l(
    "its name is not a stage of the pipeline",
    "его название не этап воронки",
    "його назва не етап воронки",
  ),
  notValues: l(
    "its values are not what its header says",
    "его значения не то, что говорит заголовок",
    "його значення не те, що каже заголовок",
  ),
};

export const EXPLAIN_WORDS = {
  reference: l(
    "a reference table ({kind}), not activity data: left out",
    "справочник ({kind}), а не данные о работе: не используется",
    "довідник ({kind}), а не дані про роботу: не використовується",
  ),
  noHeaderRow: l(
    "no header row: the first row holds data, so its columns cannot be told apart (export it with headers)",
    "нет строки заголовков: первая строка уже данные, столбцы не различить (выгрузите с заголовками)",
    "немає рядка заголовків: перший рядок уже дані, стовпці не розрізнити (вивантажте із заголовками)",
  ),
  notRecognised: l("not recognised", "не распознана", "не розпізнано"),
  passedOver: l("passed over", "не взяты", "не взято"),
  stageColumns: l("stage columns", "столбцы этапов", "стовпці етапів"),
  entry: l("entry stage", "первый этап", "перший етап"),
  won: l("won stage", "этап продажи", "етап продажу"),
  stages: l("Stages", "Этапы", "Етапи"),
  leadLink: l(
    "{leads} + {deals}: one deal per lead, linked by {leadKey} = {dealKey}; the lead's statuses, then {converted}, then the deal's stages; the deal's owner sells",
    "{leads} + {deals}: одна сделка на лид, связь {leadKey} = {dealKey}; статусы лида, затем {converted}, затем этапы сделки; продаёт ответственный сделки",
    "{leads} + {deals}: одна угода на лід, зв'язок {leadKey} = {dealKey}; статуси ліда, потім {converted}, потім етапи угоди; продає відповідальний угоди",
  ),
  leadsAlone: l(
    "{leads}: Zoho's leads alone: {flag} marks a lead's conversion ({converted}), not a sale; the sales are in the Potentials (deals) export",
    "{leads}: только лиды Zoho: {flag} отмечает конверсию лида ({converted}), а не продажу; продажи — в выгрузке Potentials (сделок)",
    "{leads}: лише ліди Zoho: {flag} позначає конверсію ліда ({converted}), а не продаж; продажі — у вивантаженні Potentials (угод)",
  ),
  leadFlag: l(
    "  {flag} marks the conversion ({converted}), never a sale",
    "  {flag} отмечает конверсию ({converted}), а не продажу",
    "  {flag} позначає конверсію ({converted}), а не продаж",
  ),
  teamOnly: l(
    "no rep column (Agent, Owner, Manager, Сотрудник…): calls are counted for the whole team",
    "нет столбца менеджера (Менеджер, Сотрудник, Agent, Owner…): звонки считаются по всей команде",
    "немає стовпця менеджера (Менеджер, Співробітник, Agent, Owner…): дзвінки рахуються по всій команді",
  ),
} satisfies Record<string, Localized>;

/** Why a tab was not recognised: a reference table (left out) or a sentence for the error. */
export function notRecognised(
  tab: RawTab,
  lang: Lang,
): { reference: true; text: string } | { reference: false; text: string | null } {
  const ref = referenceKindOf(tab);
  if (ref) {
    const text = translate(EXPLAIN_WORDS, lang, "reference", {
      kind: EXPLAIN_REFERENCES[ref][lang],
    });
    return { reference: true, text };
  }
  if (hasNoHeaderRow(tab)) {
    const text = EXPLAIN_WORDS.noHeaderRow[lang];
    return { reference: false, text };
  }
  return { reference: false, text: null };
}

function tabLines(d: TabDetection, lang: Lang): string[] {
  const q = (s: string) => quoted(s, lang);
  const kind = EXPLAIN_KINDS[d.kind][lang];
  const lines = [`${q(d.tab)}: ${d.view ? `${kind} (${d.view})` : kind}`];
  const fields = Object.entries(d.columns).map(([k, c]) => `${k} ← ${q(c.header)}`);
  if (fields.length) lines.push(`  ${fields.join(", ")}`);
  if (d.stageColumns.length)
    lines.push(
      `  ${EXPLAIN_WORDS.stageColumns[lang]}: ${d.stageColumns.map((s) => `${q(s.header)} → ${q(s.stage)}`).join(", ")}`,
    );
  if (d.entryStage) lines.push(`  ${EXPLAIN_WORDS.entry[lang]}: ${q(d.entryStage)}`);
  if (d.wonStage) lines.push(`  ${EXPLAIN_WORDS.won[lang]}: ${q(d.wonStage)}`);
  if (d.teamOnly) lines.push(`  ${EXPLAIN_WORDS.teamOnly[lang]}`);
  for (const p of d.passedOver ?? [])
    lines.push(
      `  ${EXPLAIN_WORDS.passedOver[lang]}: ${q(p.header)} (${EXPLAIN_REASONS[p.reason][lang]})`,
    );
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
    const fallback = EXPLAIN_WORDS.notRecognised[lang];
    out.push(`${quoted(tab.name, lang)}: ${why.text ?? fallback}`);
  }
  out.push(...leadLinkLines(tabs, built, lang));
  out.push(...pipelineExplainLines(built.model.pipelines, lang));
  out.push(`${EXPLAIN_WORDS.stages[lang]}: ${stageSourceSentence(built.stageSource, lang)}`);
  if (built.model.stages.length)
    out.push(`  ${built.model.stages.map((s) => quoted(s, lang)).join(" → ")}`);
  return out;
}

/** How a linked leads tab and deals tab make one deal per lead (model/build/leadLink.ts). */
function leadLinkLines(tabs: RawTab[], built: BuildResult, lang: Lang): string[] {
  const link = built.leadLink;
  if (!link) return [];
  const q = (s: string) => quoted(s, lang);
  const header = (name: string, c: number) => {
    const t = tabs.find((x) => x.name === name);
    const m = built.mapping.tabs.find((x) => x.name === name);
    return cellText(t?.values[m?.headerRow ?? 0]?.[c]);
  };
  const words = { converted: q(CONVERTED_STAGE), leads: q(link.leads) };
  if (link.deals === null)
    return [
      translate(EXPLAIN_WORDS, lang, "leadsAlone", {
        ...words,
        flag: q(header(link.leads, link.flag)),
      }),
    ];
  const out = [
    translate(EXPLAIN_WORDS, lang, "leadLink", {
      ...words,
      deals: q(link.deals),
      leadKey: q(header(link.leads, link.leadKey)),
      dealKey: q(header(link.deals, link.dealKey)),
    }),
  ];
  if (link.flag >= 0)
    out.push(
      translate(EXPLAIN_WORDS, lang, "leadFlag", {
        ...words,
        flag: q(header(link.leads, link.flag)),
      }),
    );
  return out;
}
