/**
 * Stage and outcome words (SPEC §3): stage names for stage-date headers, the usual order of
 * sales stages, and the won/lost vocabularies of people and CRMs.
 */
import { headerKey } from "./headers";

/** A list of single-word synonyms written as one block of text, split at whitespace. */
function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

/**
 * Stage names for what is left of a date column's header: Russian/Ukrainian genitive after
 * "Дата …" ("Дата встречи" → "Встреча") and bare English verbs ("engage_date" → "Engaged").
 */
export const STAGE_NOMINATIVE: Record<string, string> = {
  engage: "Engaged",
  close: "Closed",
  qualify: "Qualified",
  contact: "Contacted",
  create: "Created",
  open: "Opened",
  sign: "Signed",
  pay: "Paid",
  win: "Won",
  лида: "Лид",
  заявки: "Заявка",
  обращения: "Обращение",
  звонка: "Звонок",
  встречи: "Встреча",
  квалификации: "Квалификация",
  презентации: "Презентация",
  демо: "Демо",
  кп: "КП",
  "отправки кп": "Отправка КП",
  счета: "Счёт",
  договора: "Договор",
  оплаты: "Оплата",
  продажи: "Продажа",
  закрытия: "Закрытие",
  создания: "Создание",
  контакта: "Контакт",
  ліда: "Лід",
  зустрічі: "Зустріч",
  дзвінка: "Дзвінок",
  рахунку: "Рахунок",
  договору: "Договір",
  оплати: "Оплата",
  продажу: "Продаж",
  закриття: "Закриття",
  створення: "Створення",
};

/** Stage words in usual funnel order, for ordering stages no tab gives an order for. */
export const STAGE_LADDER: string[][] = [
  words(
    `new lead prospect opportunit notcontacted новый новая лид заявка обращени новий лід звернен`,
  ),
  words(`contact call engag контакт звонок дзвінок дозвон додзвон связ зв'яз`),
  words(`qualif квалиф кваліф`),
  words(`meeting demo встреч зустріч демо презентац`),
  words(`proposal offer quote кп предложени пропозиц коммерческ комерційн`),
  ["negotiat", "переговор"],
  words(`contract invoice договор счет счёт договір рахун`),
  ["payment", "paid", "оплат", "оплач", "won", "sale", "продаж", "успешн", "успішн", "closed won"],
];

const WON = words(`
  won closedwon win success successful paid sale sold converted сделкауспешна выдано выдан
  угодауспішна
  успешно успешнореализовано успешнозакрыто реализовано оплачено оплачен оплачена продажа выиграно
  выигран сделказаключена успішно успішнореалізовано реалізовано сплачено оплачено продаж виграно
`);
const LOST = words(`
  lost closedlost lose rejected refused declined cancelled canceled dead disqualified abandoned
  closedabandoned closedlosttocompetition apology junk junklead lostlead notqualified сделкапровалена провалена
  анализпричиныпровала угодапровалена
  отказ отказано проиграно проигран закрытоинереализовано нереализовано потерян потеряна отменен
  отменена некачественныйлид відмова програно закритоінереалізовано нереалізовано втрачено скасовано
`);
const WON_SET = new Set(WON);
const LOST_SET = new Set(LOST);

/** "won" / "lost" for common status words in the three languages and CRM exports, else null. */
export function statusOf(v: unknown): "won" | "lost" | null {
  if (typeof v === "string" && v.length < 40) {
    // Bitrix24 codes: WON, C6:WON, LOSE, C2:APOLOGY.
    const code = /^\s*(?:C\d+:)?(WON|LOSE|APOLOGY)\s*$/.exec(v);
    if (code) return code[1] === "WON" ? "won" : "lost";
  }
  const k = headerKey(v);
  if (k === "") return null;
  if (WON_SET.has(k)) return "won";
  if (LOST_SET.has(k)) return "lost";
  // "Closed Won - Renewal", "Closed: lost (budget)", "Closed - won".
  if (/^(?:closed?|закрыт[оа]?)won/.test(k)) return "won";
  if (/^(?:closed?|закрыт[оа]?)(?:lost|abandon)/.test(k)) return "lost";
  return null;
}

/** A stage name that means the sale itself (payment, won). */
export function isWonStageName(v: unknown): boolean {
  const k = headerKey(v);
  if (k === "") return false;
  if (WON_SET.has(k)) return true;
  return /^(?:payment|paid|won|sale|оплат|оплач|продаж|успешн|успішн|сплат)/.test(k);
}

/** Rank of a stage name on the usual ladder (0 = top), or -1 when unknown. */
export function ladderRank(v: unknown): number {
  const k = headerKey(v);
  for (const [i, words] of STAGE_LADDER.entries()) {
    for (const w of words) if (k.startsWith(headerKey(w))) return i;
  }
  return -1;
}
